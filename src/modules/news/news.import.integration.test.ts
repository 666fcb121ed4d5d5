import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { publicationFixture } from '../../../test/helpers/fixtures.js';
import { article, contentFolder, markdownFile, testPlatform } from '../../../test/helpers/platform.js';

describe('Importing a folder of the programme’s site', () => {
  let t: Awaited<ReturnType<typeof testPlatform>>;
  before(async () => {
    t = await testPlatform('sqlite');
  });
  after(() => t.close());

  test('reports created, rejected (with line and reason), uploads and data files; a re-import changes nothing', async () => {
    const dir = await contentFolder(publicationFixture());
    const first = await t.news.importContent(dir);
    assert.equal(first.created.length, 30);
    assert.deepEqual(first.updated, []);
    assert.equal(first.rejected.length, 1);
    assert.equal(first.rejected[0]?.file, '_actualites/casse.md');
    assert.equal(typeof first.rejected[0]?.line, 'number');
    assert.match(first.rejected[0]?.reason ?? '', /\S/);
    assert.deepEqual(first.uploads, { copied: 2, unchanged: 0 });
    assert.equal(first.dataFiles, 1);

    const again = await t.news.importContent(dir);
    assert.deepEqual(again.created, []);
    assert.deepEqual(again.updated, []);
    assert.equal(again.unchanged.length, 30);
    assert.deepEqual(again.uploads, { copied: 0, unchanged: 2 });

    await writeFile(
      join(dir, '_actualites/actu-01.md'),
      markdownFile(article('Actualité 01 corrigée', '2022-03-01 10:00:00 +01:00')),
    );
    const edited = await t.news.importContent(dir);
    assert.deepEqual(edited.updated, ['_actualites/actu-01.md']);
    const page = await t.request('/actualites/actu-01/');
    assert.match(await page.text(), /Actualité 01 corrigée/);
  });

  test('progress is reported file by file', async () => {
    const seen: number[] = [];
    await t.news.importContent(
      await contentFolder({ '_actualites/a.md': markdownFile(article('A', '2022-01-01')) }),
      {
        onProgress: (p) => seen.push(p.done),
      },
    );
    assert.deepEqual(seen, [0, 1]);
  });

  test('two files claiming one address: the second is rejected and says which file owns it', async () => {
    const report = await t.news.importContent(
      await contentFolder({
        '_tnt/a.md': markdownFile(['title: A', 'permalink: /programme-tnt/meme/']),
        '_tnt/b.md': markdownFile(['title: B', 'permalink: /programme-tnt/meme/']),
      }),
    );
    assert.deepEqual(report.created, ['_tnt/a.md']);
    assert.equal(report.rejected[0]?.file, '_tnt/b.md');
    assert.match(report.rejected[0]?.reason ?? '', /_tnt\/a\.md/);
  });

  test('a page of the programme without a permalink, or an article without a date, is rejected with its reason', async () => {
    const report = await t.news.importContent(
      await contentFolder({
        '_tnt/sans-adresse.md': markdownFile(['title: Sans adresse']),
        '_actualites/sans-date.md': markdownFile(['title: Sans date']),
      }),
    );
    assert.deepEqual(report.created, []);
    assert.deepEqual(
      report.rejected.map((r) => r.file),
      ['_actualites/sans-date.md', '_tnt/sans-adresse.md'],
    );
    for (const r of report.rejected) assert.match(r.reason, /date|permalink/);
  });

  test('a folder that does not exist is reported, not thrown', async () => {
    const report = await t.news.importContent('/nulle/part/ici');
    assert.equal(report.rejected[0]?.reason, 'dossier introuvable');
  });

  test('hostile Markdown in the body and the front matter never reaches the page as markup', async () => {
    await t.news.importContent(
      await contentFolder({
        '_actualites/hostile.md': markdownFile(
          [
            `title: '<script>alert("titre")</script> Hostile'`,
            'date: 2022-05-05 10:00:00 +02:00',
            `chapeau-text: '<img src=x onerror=alert(1)> chapeau'`,
            'tags:',
            `- '"><svg onload=alert(1)>'`,
            'une-ou-diaporama:',
            `- image: 'javascript:alert(1)'`,
            `  alternative-textuelle: '" onmouseover="alert(1)'`,
            'files:',
            '- nom: <b>doc</b>',
            '  file: javascript:alert(1)',
          ],
          [
            '<script>alert(1)</script>',
            '<img src=x onerror="alert(1)">',
            '[clic](javascript:alert(1))',
            '<a href="jav&#x09;ascript:alert(1)">x</a>',
            '<iframe src="https://evil.example"></iframe>',
            '<p style="background:url(javascript:alert(1))" onclick="alert(1)">texte gardé</p>',
            '{: onclick="alert(1)"}',
          ].join('\n\n'),
        ),
      }),
    );
    const res = await t.request('/actualites/hostile/');
    assert.equal(res.status, 200);
    const html = await res.text();
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    assert.doesNotMatch(main, /<script/i);
    assert.doesNotMatch(main, /<iframe/i);
    assert.doesNotMatch(main, /<[^>]*\son[a-z]+\s*=/i);
    assert.doesNotMatch(main, /(href|src)\s*=\s*"\s*javascript:/i);
    assert.doesNotMatch(main, /<[^>]*\sstyle=/i);
    assert.match(main, /&lt;script&gt;alert\(&quot;titre&quot;\)&lt;\/script&gt; Hostile/);
    assert.match(main, /texte gardé/);
  });
});
