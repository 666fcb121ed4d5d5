import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseFrontMatterDate } from './dates.js';
import { type FrontMatter, normalizeFrontMatter, readFrontMatter } from './front-matter.js';

const SEED = '/work/shared/seed/journee-numerique-et-territoires-france-relance.md';

/** Reads then normalises a whole file, failing the test on any error. */
function parse(file: string): FrontMatter {
  const read = readFrontMatter(file);
  assert.ok(read.ok, read.ok ? '' : read.reason);
  const normalized = normalizeFrontMatter(read.data);
  assert.ok(normalized.ok, normalized.ok ? '' : normalized.reason);
  return normalized.value;
}

const doc = (...yamlLines: string[]) => `---\n${yamlLines.join('\n')}\n---\nCorps\n`;

describe('readFrontMatter', () => {
  test('splits front matter and body, with the line the body starts on', () => {
    const result = readFrontMatter('---\ntitle: Bonjour\n---\nLigne 4\nLigne 5');
    assert.deepEqual(result, {
      ok: true,
      data: { title: 'Bonjour' },
      body: 'Ligne 4\nLigne 5',
      bodyStartLine: 4,
    });
  });

  test('handles a BOM and CRLF line ends', () => {
    const result = readFrontMatter('\uFEFF---\r\ntitle: Bonjour\r\n---\r\nTexte\r\nSuite');
    assert.deepEqual(result, {
      ok: true,
      data: { title: 'Bonjour' },
      body: 'Texte\nSuite',
      bodyStartLine: 4,
    });
  });

  test('rejects a file without front matter', () => {
    assert.deepEqual(readFrontMatter('# Titre\n\nTexte'), {
      ok: false,
      reason: 'en-tête YAML absent',
      line: 1,
    });
  });

  test('rejects an unterminated front matter', () => {
    const result = readFrontMatter('---\ntitle: a\nTexte');
    assert.equal(result.ok, false);
  });

  test('reports unparseable YAML with the line number in the file', () => {
    const result = readFrontMatter(
      '---\ntitle: Bonjour\ndate: 2023-01-13\nchapeau-text: "pas fermé\n---\nTexte',
    );
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.line, 4);
    assert.match(result.reason, /^en-tête YAML illisible \(ligne 4\) : guillemet/);
  });

  test('keeps dates and look-alike numbers as written (no YAML 1.1 timestamp or octal)', () => {
    const result = readFrontMatter(
      doc('date: 2023-01-13 10:00:00 +01:00', 'tel: 0140151234', 'published: no'),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.data, { date: '2023-01-13 10:00:00 +01:00', tel: '0140151234', published: 'no' });
  });
});

describe('normalizeFrontMatter quirks', () => {
  test('trailing spaces are trimmed from every value', () => {
    const fm = parse(
      doc('title: Bonjour   ', 'categories: ', '- Actualité  ', 'lieu: Paris \t', 'menu:', '  title: TNT  '),
    );
    assert.equal(fm.title, 'Bonjour');
    assert.deepEqual(fm.categories, ['Actualité']);
    assert.equal(fm.lieu, 'Paris');
    assert.equal(fm.menu?.title, 'TNT');
  });

  test('an empty key is ignored, written "" or as a bare colon', () => {
    assert.equal(parse(doc('title: Bonjour', '"": valeur')).title, 'Bonjour');
    assert.equal(parse(doc('title: Bonjour', ': valeur', 'lieu: Paris')).lieu, 'Paris');
  });

  test('unknown keys are ignored', () => {
    assert.equal(parse(doc('title: Bonjour', 'layout: post', 'auteur: x')).title, 'Bonjour');
  });

  test('a title holding an escaped \\n gets a space, and runs of spaces collapse', () => {
    assert.equal(
      parse(doc("title: 'Journée\\nNumérique  &  Territoires'")).title,
      'Journée Numérique & Territoires',
    );
    assert.equal(parse(doc('title: "Journée\\nNumérique"')).title, 'Journée Numérique');
  });

  test('a missing title fails', () => {
    assert.deepEqual(normalizeFrontMatter({ date: '2023-01-13' }), {
      ok: false,
      reason: 'titre manquant',
      field: 'title',
    });
  });

  test('dates with +01:00 and +0200 offsets become UTC', () => {
    assert.equal(parse(doc('title: a', 'date: 2023-01-13 10:00:00 +01:00')).date, '2023-01-13T09:00:00.000Z');
    assert.equal(parse(doc('title: a', 'date: 2023-06-13 10:00:00 +0200')).date, '2023-06-13T08:00:00.000Z');
    assert.equal(parse(doc('title: a', 'date: 2023-06-13T10:00:00Z')).date, '2023-06-13T10:00:00.000Z');
  });

  test('a date alone is midnight in Paris, summer or winter', () => {
    assert.equal(parse(doc('title: a', 'date: 2023-01-13')).date, '2023-01-12T23:00:00.000Z');
    assert.equal(parse(doc('title: a', 'date: 2023-07-01')).date, '2023-06-30T22:00:00.000Z');
  });

  test('a time without offset is Paris time', () => {
    assert.equal(parseFrontMatterDate('2023-03-26 12:00'), '2023-03-26T10:00:00.000Z');
  });

  test('an invalid date fails with the value quoted', () => {
    const result = normalizeFrontMatter({ title: 'a', date: '2023-02-30 10:00:00 +01:00' });
    assert.deepEqual(result, {
      ok: false,
      reason: 'date invalide : « 2023-02-30 10:00:00 +01:00 »',
      field: 'date',
    });
    assert.equal(normalizeFrontMatter({ title: 'a', event_start_date: 'demain' }).ok, false);
  });

  test('chapeau-text in every YAML string style', () => {
    const expected = 'Premier mot\nsecond';
    const styles: [string, string][] = [
      ['chapeau-text: Premier mot second  ', 'Premier mot second'],
      ["chapeau-text: 'Premier mot second '", 'Premier mot second'],
      ['chapeau-text: "Premier mot\\nsecond"', expected],
      ['chapeau-text: |\n  Premier mot\n  second\n', expected],
      ['chapeau-text: |-\n  Premier mot  \n  second', expected],
      ['chapeau-text: >\n  Premier mot\n  second\n', 'Premier mot second'],
      ['chapeau-text: >-\n  Premier mot\n  second', 'Premier mot second'],
    ];
    for (const [yaml, chapeau] of styles) assert.equal(parse(doc('title: a', yaml)).chapeau, chapeau, yaml);
  });

  test('published: false (or "false") is a draft; absent means published', () => {
    assert.equal(parse(doc('title: a', 'published: false')).published, false);
    assert.equal(parse(doc('title: a', 'published: "false"')).published, false);
    assert.equal(parse(doc('title: a', 'published: true')).published, true);
    assert.equal(parse(doc('title: a')).published, true);
    // Jekyll reads an empty value as nil and does not publish: neither do we.
    assert.equal(parse(doc('title: a', 'published:')).published, false);
    const typed = normalizeFrontMatter({ title: 'a', published: false }); // data parsed elsewhere
    assert.ok(typed.ok && typed.value.published === false);
  });

  test('a files entry without file keeps its label with file: null', () => {
    const fm = parse(
      doc('title: a', 'files:', '- nom: Le communiqué', '- nom: Le dossier', '  file: /uploads/dp.pdf'),
    );
    assert.deepEqual(fm.files, [
      { nom: 'Le communiqué', file: null },
      { nom: 'Le dossier', file: '/uploads/dp.pdf' },
    ]);
  });

  test('categories and tags accept one string or a list', () => {
    const fm = parse(
      doc('title: a', 'categories: Communiqué de presse', 'tags: [TNT, "", TNT, France Relance]'),
    );
    assert.deepEqual(fm.categories, ['Communiqué de presse']);
    assert.deepEqual(fm.tags, ['TNT', 'France Relance']);
  });

  test('press contact, event and page fields', () => {
    const fm = parse(
      doc(
        'title: a',
        'contact-presse:',
        '  name: Service presse ',
        '  tel: 01 40 15 00 00',
        '  email: mailto:presse@numerique.gouv.fr',
        'event_start_date: 2023-01-18 09:00:00 +01:00',
        'event_end_date: 2023-01-18 16:30:00 +01:00',
        'adresse: |',
        '  20 avenue de Ségur',
        '  75007 Paris',
        'champs_informations:',
        '- intitule: Inscription',
        '  contenu: obligatoire',
        '  lien: www.example.fr/inscription',
        '- intitule: Piège',
        '  lien: javascript:alert(1)',
        'permalink: tnt/gouvernance',
        'menu: { title: Gouvernance, weight: 3 }',
        'une: { image: /uploads/une.jpg }',
      ),
    );
    assert.deepEqual(fm.contactPresse, {
      name: 'Service presse',
      tel: ['01 40 15 00 00'],
      email: 'presse@numerique.gouv.fr',
    });
    assert.equal(fm.eventStart, '2023-01-18T08:00:00.000Z');
    assert.equal(fm.eventEnd, '2023-01-18T15:30:00.000Z');
    assert.equal(fm.adresse, '20 avenue de Ségur\n75007 Paris');
    assert.deepEqual(fm.infos, [
      { intitule: 'Inscription', contenu: 'obligatoire', lien: 'https://www.example.fr/inscription' },
      { intitule: 'Piège', contenu: null, lien: null },
    ]);
    assert.equal(fm.permalink, '/tnt/gouvernance/');
    assert.deepEqual(fm.menu, { title: 'Gouvernance', weight: 3 });
    assert.deepEqual(fm.une, { image: '/uploads/une.jpg' });
  });

  test('a permalink that is not a site path fails', () => {
    assert.equal(normalizeFrontMatter({ title: 'a', permalink: 'https://evil.example/' }).ok, false);
    assert.equal(normalizeFrontMatter({ title: 'a', permalink: '/../admin' }).ok, false);
  });

  test('the seed release is read completely', () => {
    const fm = parse(readFileSync(SEED, 'utf8'));
    assert.equal(
      fm.title,
      'Journée Numérique & Territoires : l’État présente les projets numériques menés en partenariat avec ' +
        'les collectivites territoriales dans le cadre du plan de relance',
    );
    assert.equal(fm.date, '2023-01-13T09:00:00.000Z');
    assert.equal(fm.published, true);
    assert.deepEqual(fm.categories, ['Communiqué de presse']);
    assert.deepEqual(fm.tags, ['Transformation Numérique des Territoires', 'France Relance']);
    assert.ok(fm.chapeau?.startsWith('Pour soutenir tous les territoires'));
    assert.ok(fm.chapeau?.endsWith('(ANCT).'));
    assert.deepEqual(fm.images, [
      {
        image: '/uploads/2023_01_05_JNT_AGENDA.jpg',
        legende: null,
        alt: '18 janvier 2023 Journée numérique et territoires',
      },
    ]);
    assert.deepEqual(fm.files, [{ nom: 'Télécharger le communiqué de presse', file: null }]);
    assert.equal(fm.contactPresse, null);
    assert.equal(fm.permalink, null);
  });

  test('the seed body starts right after the closing ---', () => {
    const read = readFrontMatter(readFileSync(SEED, 'utf8'));
    assert.ok(read.ok);
    assert.equal(read.bodyStartLine, 21);
    assert.match(read.body, /^\n\*\*Afin de présenter/);
  });
});
