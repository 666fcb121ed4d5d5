import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExcerptPart } from '../../ports/search-index.js';
import { buildExcerpt, coversEveryTerm, TITLE_MATCH_SCAN } from './excerpt.js';
import { parseSearchText } from './query.js';

const excerpt = (body: string, text: string) => buildExcerpt(body, parseSearchText(text));
const plain = (parts: ExcerptPart[]) => parts.map((part) => part.text).join('');
const marked = (parts: ExcerptPart[]) => parts.filter((part) => part.match).map((part) => part.text);

const words = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `mot${from + i}`).join(' ');

describe('buildExcerpt', () => {
  it('highlights words that match after normalisation and stemming', () => {
    const parts = excerpt('Les collectivités territoriales et leurs territoires.', 'collectivite territoire');
    assert.deepEqual(parts, [
      { text: 'Les ', match: false },
      { text: 'collectivités', match: true },
      { text: ' territoriales et leurs ', match: false },
      { text: 'territoires', match: true },
      { text: '.', match: false },
    ]);
  });

  it('highlights words begun by the last query word', () => {
    assert.deepEqual(marked(excerpt('Deux collectivités et une collection.', 'collectiv')), [
      'collectivités',
    ]);
  });

  it('does not highlight a word that only shares a stem prefix', () => {
    assert.deepEqual(marked(excerpt('La commune et la communication.', 'commune')), ['commune']);
  });

  it('cuts around the match with ellipses on both sides', () => {
    const body = `${words(0, 60)} subvention ${words(60, 60)}`;
    const parts = excerpt(body, 'subvention');
    const text = plain(parts);
    assert.ok(text.startsWith('…mot55 '), text);
    assert.ok(text.endsWith('…'), text);
    assert.deepEqual(marked(parts), ['subvention']);
    assert.ok(text.length <= 222, `${text.length} characters`);
    assert.ok(text.split(' ').length <= 30);
  });

  it('prefers the region holding the most distinct terms over the first lone match', () => {
    const body = `Le port de Calais. ${words(0, 80)} Le port de Calais et le port de Dunkerque. ${words(80, 40)}`;
    const parts = excerpt(body, 'dunkerque calais');
    assert.deepEqual(marked(parts), ['Calais', 'Dunkerque']);
    assert.ok(plain(parts).startsWith('…'));
  });

  it('shows the start of the body when only the title matched', () => {
    const parts = excerpt(`${words(0, 100)}.`, 'subvention');
    assert.equal(parts.length, 1);
    assert.equal(parts[0]?.match, false);
    assert.ok(parts[0]?.text.startsWith('mot0 mot1'));
    assert.ok(parts[0]?.text.endsWith('…'));
  });

  it('keeps a short body whole, collapsing its line breaks', () => {
    assert.deepEqual(excerpt('« Un projet\n\nnational. »', 'projets'), [
      { text: '« Un ', match: false },
      { text: 'projet', match: true },
      { text: ' national. »', match: false },
    ]);
  });

  it('handles text stored decomposed (NFD)', () => {
    assert.deepEqual(marked(excerpt('Les collectivités'.normalize('NFD'), 'collectivite')), [
      'collectivités'.normalize('NFD'),
    ]);
  });

  it('gives nothing for an empty body', () => {
    assert.deepEqual(excerpt('', 'projet'), []);
    assert.deepEqual(excerpt(' … ', 'projet'), []);
  });

  it('stays fast on a long body, and reads no further than 50,000 characters', () => {
    const body = `${words(0, 5_000)} subvention`;
    assert.ok(body.length < 50_000);
    const started = performance.now();
    const parts = excerpt(body, 'subvention');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 50, `${elapsed} ms`);
    assert.deepEqual(marked(parts), ['subvention']);
    assert.deepEqual(marked(excerpt(`${words(0, 10_000)} subvention`, 'subvention')), []);
  });

  it('looks no further than maxScan when asked to', () => {
    const body = `${words(0, 2_000)} subvention`;
    assert.ok(body.length > TITLE_MATCH_SCAN);
    assert.deepEqual(marked(buildExcerpt(body, parseSearchText('subvention'))), ['subvention']);
    const capped = buildExcerpt(body, parseSearchText('subvention'), { maxScan: TITLE_MATCH_SCAN });
    assert.deepEqual(marked(capped), []);
    assert.ok(plain(capped).startsWith('mot0 mot1'));
  });

  it('finds words beyond ASCII, surrogate pairs included, and splits on the rest', () => {
    assert.deepEqual(marked(excerpt('Œuvres, 𝔄𝔟𝔠 et œuvre😀collective.', 'oeuvre')), ['Œuvres', 'œuvre']);
    assert.deepEqual(marked(excerpt('Les 𝔄𝔟𝔠 ici.', '𝔄𝔟𝔠')), ['𝔄𝔟𝔠']);
  });
});

describe('coversEveryTerm', () => {
  it('tells whether a title holds every term, by the highlighting rules', () => {
    const query = parseSearchText('collectivite territoires');
    assert.equal(coversEveryTerm('Les collectivités et leur territoire', query), true);
    assert.equal(coversEveryTerm('Les collectivités', query), false);
    assert.equal(coversEveryTerm('', query), false);
    assert.equal(coversEveryTerm('Les collectivités', parseSearchText('de la')), false);
  });
});
