import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchText } from './query.js';
import { matchExpression } from './sqlite-fts5.js';

describe('parseSearchText', () => {
  it('normalises, drops stop words, stems and deduplicates', () => {
    assert.deepEqual(parseSearchText('Les projets du projet numérique'), {
      terms: [
        { word: 'projets', stem: 'projet' },
        { word: 'numerique', stem: 'numeric' },
      ],
      prefix: 'numerique',
    });
  });

  it('gives no prefix for a last word under three letters', () => {
    assert.equal(parseSearchText('projet ue').prefix, null);
  });

  it('keeps at most twelve terms and ignores absurdly long words', () => {
    const many = Array.from({ length: 30 }, (_, i) => `mot${i}x`).join(' ');
    assert.equal(parseSearchText(many).terms.length, 12);
    assert.deepEqual(parseSearchText('a'.repeat(61)).terms, []);
  });
});

describe('matchExpression (FTS5)', () => {
  it('quotes every term, requires all, and matches the last one as a typed prefix', () => {
    assert.equal(
      matchExpression(parseSearchText('territoires collectivités')),
      '"territoi" AND ("collectivit" OR "collectivites"*)',
    );
    assert.equal(matchExpression(parseSearchText('projet ue')), '"projet" AND "ue"');
  });

  it('lets no FTS5 syntax through', () => {
    for (const text of [
      '"',
      'a* OR b',
      'NEAR(a b)',
      '-x',
      'title:x',
      '^x',
      '(a) + {b}',
      "'); DROP TABLE x;--",
    ]) {
      const expression = matchExpression(parseSearchText(text));
      // Only quoted lowercase words, the AND/OR this module writes, parentheses and prefix stars remain.
      const stripped = (expression ?? '').replace(/"[a-z0-9]+"\*?/g, '').replace(/\b(AND|OR)\b|[() ]/g, '');
      assert.equal(stripped, '', `${text} → ${expression}`);
    }
  });

  it('is null when nothing is left to look for', () => {
    assert.equal(matchExpression(parseSearchText('de la les !')), null);
  });
});
