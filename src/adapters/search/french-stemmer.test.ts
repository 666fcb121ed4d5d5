import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeFrench, stemTokens, stemWord } from './french-stemmer.js';

const stem = (word: string) => stemWord(normalizeFrench(word));

describe('normalizeFrench', () => {
  it('lowercases, strips accents and ligatures, and keeps digits', () => {
    assert.equal(
      normalizeFrench('L’Œuvre des Collectivités — France 2030 !'),
      'l oeuvre des collectivites france 2030',
    );
  });

  it('splits on both apostrophes, hyphens and emoji', () => {
    assert.equal(normalizeFrench("qu'il d’État Saint-Étienne 😀 ﬁn"), 'qu il d etat saint etienne fin');
  });

  it('gives an empty string for punctuation only', () => {
    assert.equal(normalizeFrench(' «»… !? — '), '');
  });
});

describe('stemWord', () => {
  const meet: Array<[string, string]> = [
    ['collectivités', 'collectivite'],
    ['territoires', 'territoire'],
    ['numériques', 'numerique'],
    ['projets', 'projet'],
    ['nationaux', 'national'],
    ['nationale', 'national'],
    ['mutualisation', 'mutualiser'],
    ['mutualisées', 'mutualiser'],
    ['publique', 'public'],
    ['première', 'premier'],
    ['financement', 'financer'],
    ['financées', 'financé'],
    ['investissement', 'investir'],
    ['animatrice', 'animateur'],
    ['directrice', 'directeur'],
    ['personnelle', 'personnel'],
    ['européenne', 'européen'],
    ['réseaux', 'réseau'],
    ['collective', 'collectif'],
    ['active', 'actif'],
    ['travaux', 'travail'],
    ['Ségur', 'segur'],
  ];
  for (const [a, b] of meet) {
    it(`makes « ${a} » and « ${b} » meet`, () => assert.equal(stem(a), stem(b)));
  }

  const apart: Array<[string, string]> = [
    ['commune', 'communication'],
    ['communiqué', 'communication'],
    ['public', 'publication'],
    ['national', 'nation'],
    ['territoire', 'territorial'],
    ['projet', 'projection'],
    ['élément', 'élan'],
    ['état', 'été'],
  ];
  for (const [a, b] of apart) {
    it(`keeps « ${a} » and « ${b} » apart`, () => assert.notEqual(stem(a), stem(b)));
  }

  it('leaves short words and numbers alone', () => {
    assert.equal(stemWord('mer'), 'mer');
    assert.equal(stemWord('2030'), '2030');
    assert.equal(stemWord('covid19s'), 'covid19s');
  });
});

describe('stemTokens', () => {
  it('drops stop words and elided articles', () => {
    assert.deepEqual(stemTokens("L'État et les collectivités d’outre-mer"), [
      'etat',
      'collectivit',
      'outr',
      'mer',
    ]);
  });

  it('gives nothing for stop words alone', () => {
    assert.deepEqual(stemTokens('de la les'), []);
  });
});
