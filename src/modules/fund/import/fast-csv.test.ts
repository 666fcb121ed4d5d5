import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { fastCsv } from './fast-csv.js';

/** What the import asked csv-parse before the fast reader: the reference. */
const reference = (text: string, delimiter: string) =>
  parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];

/** A small generator with a fixed seed: the same texts on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('reads well-formed CSV exactly as csv-parse does: quotes, doubled quotes, separators and line breaks inside', () => {
  const random = seeded(42);
  const pieces = [
    'a',
    'Grenoble',
    'é',
    '',
    ' ',
    '1 234,5',
    ';',
    ',',
    '\t',
    '"',
    '""',
    '\n',
    '\r\n',
    'x y',
    '€',
    '|',
  ];
  for (const delimiter of [';', ',', '\t']) {
    for (const newline of ['\r\n', '\n', '\r']) {
      for (let k = 0; k < 300; k++) {
        const lines: string[] = [];
        const count = 1 + Math.floor(random() * 6);
        for (let l = 0; l < count; l++) {
          const cells: string[] = [];
          const width = Math.floor(random() * 5);
          for (let c = 0; c <= width; c++) {
            let value = '';
            for (let p = Math.floor(random() * 4); p > 0; p--)
              value += pieces[Math.floor(random() * pieces.length)];
            // Quoted when it must be (as a spreadsheet writes it), sometimes when it need not be.
            const needs = /["\r\n]/.test(value) || value.includes(delimiter);
            cells.push(needs || random() < 0.2 ? `"${value.replace(/"/g, '""')}"` : value);
          }
          lines.push(cells.join(delimiter));
        }
        const text = lines.join(newline) + (random() < 0.7 ? newline : '');
        const fast = fastCsv(text, delimiter);
        assert.ok(fast, JSON.stringify(text));
        assert.deepEqual(fast, reference(text, delimiter), JSON.stringify(text));
      }
    }
  }
});

test('empty lines, a trailing separator, a single field, a BOM left in: the same records as csv-parse', () => {
  for (const text of [
    'a;b\n\nc\n',
    'a;b\r\n\r\n',
    'a;\n',
    'a;',
    '"a"',
    'seul',
    '\uFEFFa;b\n',
    ';;\n;\n',
    '\n\n',
  ]) {
    assert.deepEqual(fastCsv(text, ';'), reference(text, ';'), JSON.stringify(text));
  }
});

test('gives up, for csv-parse to decide, on what is not plain CSV', () => {
  for (const text of [
    'Salle "Jean Moulin";b\n', // a quote inside an unquoted field
    '"a"b;c\n', // text after a closing quote
    '"jamais fermé;b\n', // an unclosed quote
    'a;b\r\nc\nd\r\n', // a line break other than the first line's
    'a;b\nc\rd\n',
    ' "a";b\n', // a space before the quote
  ]) {
    assert.equal(fastCsv(text, ';'), null, JSON.stringify(text));
  }
});
