import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runImportLaureats } from './fund.cli.js';
import { csvFile, goodLine } from './testing/files.js';
import { type FundTestPlatform, fundTestPlatform } from './testing/fund-platform.js';

describe('nt import-laureats', () => {
  let t: FundTestPlatform;
  let dir: string;
  before(async () => {
    t = await fundTestPlatform('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'nt-laureats-'));
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (file: string, dryRun: boolean) => {
    const lines: string[] = [];
    const code = await runImportLaureats(t, file, { dryRun, out: (l) => lines.push(l) });
    return { code, text: lines.join('\n') };
  };

  test('a missing file is a usage error', async () => {
    const { code, text } = await run(join(dir, 'absent.csv'), false);
    assert.equal(code, 2);
    assert.match(text, /Fichier introuvable/);
  });

  test('rejected lines are printed with their line, column and reason, and exit with 3', async () => {
    const file = join(dir, 'mauvais.csv');
    await writeFile(file, csvFile([goodLine(), goodLine({ identifiant: 'B', montant: 'douze' })]));
    const { code, text } = await run(file, false);
    assert.equal(code, 3);
    assert.match(text, /✗ ligne 3, colonne montant : montant n’est pas un nombre/);
    assert.match(text, /Rien n’a été importé/);
    assert.equal(await t.fund.repo.countLaureats(), 0);
  });

  test('--essai prints what would happen and writes nothing; without it the file is imported', async () => {
    const file = join(dir, 'bon.csv');
    await writeFile(file, csvFile([goodLine(), goodLine({ identifiant: 'B', objet: 'Autre' })]));
    const dry = await run(file, true);
    assert.equal(dry.code, 0);
    assert.match(dry.text, /À créer : 2/);
    assert.match(dry.text, /Essai seulement \(--essai\)/);
    assert.equal(await t.fund.repo.countLaureats(), 0);
    const done = await run(file, false);
    assert.equal(done.code, 0);
    assert.match(done.text, /Import terminé/);
    assert.equal(await t.fund.repo.countLaureats(), 2);
    assert.match((await run(file, false)).text, /Inchangés : 2/);
  });
});
