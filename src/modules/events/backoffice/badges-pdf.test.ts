import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badgesPdf } from './badges-pdf.js';

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
const event = { title: 'Journée Numérique & Territoires', date: '18 janvier 2023', demonstration: false };

describe('printable badges', () => {
  it('prints one A6 page per badge, however long the name and organisation', async () => {
    const long = 'Anne-Sophie Marie-Clémence de La Rochefoucauld-Montmorency-Laval '.repeat(3);
    const pdf = await badgesPdf(event, [
      {
        name: long,
        organisation: long,
        profileLabel: 'Presse',
        press: true,
        payload: `NT1.${'a'.repeat(170)}.${'b'.repeat(86)}`,
      },
      { name: 'Léa Moreau', organisation: null, profileLabel: 'SGAR', press: false, payload: 'NT1.abc.def' },
    ]);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pages(pdf), 2);
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 297\.64 419\.53\]/);
  });

  it('says so on a single page when there is nothing to print', async () => {
    assert.equal(pages(await badgesPdf(event, [])), 1);
  });
});
