import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createLocalFileStorage } from './local-files.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nt-stockage-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('a stored file is deleted once; a missing one, or a key leaving the folder, deletes nothing', async () => {
  const storage = createLocalFileStorage(join(dir, 'fichiers'));
  await writeFile(join(dir, 'voisin.txt'), 'à garder');
  assert.equal(await storage.put('captures/a.png', Buffer.from('png')), true);
  assert.equal(await storage.delete('captures/a.png'), true);
  assert.equal(await storage.has('captures/a.png'), false);
  assert.equal(await storage.delete('captures/a.png'), false);
  assert.equal(await storage.delete('../voisin.txt'), false);
  assert.equal(await storage.delete('captures'), false, 'a folder is not a file');
  assert.deepEqual((await readdir(dir)).sort(), ['fichiers', 'voisin.txt']);
});
