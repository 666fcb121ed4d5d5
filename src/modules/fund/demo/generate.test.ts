import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isValidSiren } from '../../../shared/siren.js';
import { DISPOSITIFS, type DispositifCode, STATUS_LABELS, THEMES } from '../fund.domain.js';
import { type DemoLaureat, generateLaureats } from './generate.js';
import { DEMO_SIRENS } from './named.js';
import { packageCog } from './testing.js';

const M = 1_000_000;

describe('generateLaureats: the demonstration lauréats', () => {
  let rows: DemoLaureat[];
  before(async () => {
    rows = generateLaureats({ seed: 2023, ...(await packageCog()) });
  });
  const of = (axe: DispositifCode) => rows.filter((r) => r.laureat.dispositif_code === axe);
  const sum = (list: DemoLaureat[]) => list.reduce((s, r) => s + r.laureat.amount_eur, 0);
  const byOctober2021 = (list: DemoLaureat[]) => list.filter((r) => r.laureat.decided_on <= '2021-10-31');

  test('the same seed gives the same rows; another seed other rows', async () => {
    const cog = await packageCog();
    const again = generateLaureats({ seed: 2023, ...cog });
    assert.deepEqual(again, rows);
    const other = generateLaureats({ seed: 2024, ...cog });
    assert.notDeepEqual(
      other.map((r) => r.laureat.source_hash),
      rows.map((r) => r.laureat.source_hash),
    );
  });

  test('January 2023: about 90 M€, 5,000 projects, more than 3,200 collectivités', () => {
    assert.equal(rows.length, 5000);
    const total = sum(rows);
    assert.ok(total > 85 * M && total < 95 * M, `total ${total}`);
    assert.ok(new Set(rows.map((r) => r.laureat.porteur_siren)).size > 3200);
    assert.ok(rows.every((r) => r.laureat.demonstration === 1));
    assert.equal(new Set(rows.map((r) => r.laureat.id)).size, rows.length, 'identifiers are unique');
  });

  test('axe 1: 44 projects, about 17 M€, all chosen by October 2021', () => {
    assert.equal(of('axe-1').length, 44);
    assert.ok(Math.abs(sum(of('axe-1')) - 17 * M) < 0.5 * M);
    assert.equal(byOctober2021(of('axe-1')).length, 44);
    assert.ok(of('axe-1').every((r) => r.laureat.total_cost_eur! >= r.laureat.amount_eur));
  });

  test('axe 2: within its 24 M€ envelope; 75 projects / 13.1 M€ in October 2021, give or take', () => {
    assert.ok(sum(of('axe-2')) <= 24 * M && sum(of('axe-2')) > 20 * M);
    const october = byOctober2021(of('axe-2'));
    assert.ok(Math.abs(october.length - 75) <= 15, `${october.length} projets`);
    assert.ok(Math.abs(sum(october) - 13.1 * M) <= 2.5 * M, `${sum(october)} €`);
  });

  test('axe 2: only big collectivités, under the rule in force on the day the dossier was filed', () => {
    for (const { laureat: l } of of('axe-2')) {
      if (l.porteur_kind === 'structure-mutualisation') {
        assert.equal(l.porteur_siren, DEMO_SIRENS.megalisBretagne, 'only Mégalis Bretagne, named on the day');
        continue;
      }
      const share = l.amount_eur / l.total_cost_eur!;
      if (l.filed_on! < '2021-10-01') {
        assert.ok(l.population! >= 500_000, `${l.porteur_name} (${l.population}) déposé le ${l.filed_on}`);
        assert.ok(share <= 0.5 + 1e-3, `part de l’État ${share}`);
      } else {
        assert.ok(l.porteur_kind === 'departement' || l.population! >= 300_000, l.porteur_name);
        assert.ok(share <= 0.75 + 1e-3, `part de l’État ${share}`);
      }
    }
    assert.ok(
      of('axe-2').some((r) => r.laureat.filed_on! >= '2021-10-01' && r.laureat.population! < 500_000),
    );
  });

  test('axe 2 bis: a flat 5,000 € each, 104 collectivités by October 2021 give or take, once each', () => {
    assert.ok(of('axe-2-bis').every((r) => r.laureat.amount_eur === 5000));
    assert.ok(Math.abs(byOctober2021(of('axe-2-bis')).length - 104) <= 30);
    const sirens = of('axe-2-bis').map((r) => r.laureat.porteur_siren);
    assert.equal(new Set(sirens).size, sirens.length);
  });

  test('axe 3: 34 M€ spread over every département; 500 projects / 9.7 M€ in October 2021, give or take', () => {
    assert.ok(sum(of('axe-3')) <= 34 * M && sum(of('axe-3')) > 32 * M);
    const october = byOctober2021(of('axe-3'));
    assert.ok(Math.abs(october.length - 500) <= 70, `${october.length} projets`);
    assert.ok(Math.abs(sum(october) - 9.7 * M) <= 2 * M, `${sum(october)} €`);
    assert.equal(new Set(of('axe-3').map((r) => r.laureat.departement_code)).size, 101);
    const small = of('axe-3').filter(
      (r) => r.laureat.porteur_kind === 'commune' && r.laureat.population! < 10_000,
    );
    assert.ok(small.length / of('axe-3').length > 0.6, 'priority to small and medium collectivités');
  });

  test('the lauréats named on the day are there, with their porteurs', () => {
    const find = (title: string) => rows.find((r) => r.laureat.title === title)?.laureat;
    assert.equal(find('Salle sur demande')?.porteur_name, 'Département de l’Isère');
    assert.equal(find('Salle sur demande')?.porteur_siren, '223800012');
    assert.equal(find('Salle sur demande')?.dispositif_code, 'axe-1');
    assert.equal(find('Signature électronique')?.porteur_name, 'Gironde Numérique');
    assert.equal(find('Multicanal')?.porteur_name, 'Gironde Numérique');
    assert.equal(find('collec-data')?.porteur_name, 'Mégalis Bretagne');
  });

  test('every row is well formed: SIREN, dates, status, themes of its dispositif, co-porteurs', () => {
    const themesOf = new Map(DISPOSITIFS.map((d) => [d.code, new Set(d.themes)]));
    for (const { laureat: l, themes, coporteurs } of rows) {
      assert.ok(isValidSiren(l.porteur_siren), `${l.porteur_name} ${l.porteur_siren}`);
      assert.ok(l.filed_on! <= l.decided_on && l.decided_on >= '2021-01-25' && l.decided_on <= '2023-01-18');
      assert.ok(Object.hasOwn(STATUS_LABELS, l.status));
      assert.ok(themes.length >= 1 && themes.every((t) => Object.hasOwn(THEMES, t)));
      assert.ok(
        themes.every((t) => themesOf.get(l.dispositif_code as DispositifCode)!.has(t)),
        l.id,
      );
      assert.ok(coporteurs.every((c) => c.siren !== l.porteur_siren && isValidSiren(c.siren)));
      assert.ok(Number.isInteger(l.amount_eur) && l.amount_eur > 0);
    }
    assert.ok(
      of('axe-1').every(
        (r) =>
          r.coporteurs.length >= 1 ||
          r.laureat.id.startsWith('demo-gironde') ||
          r.laureat.id.startsWith('demo-isere'),
      ),
    );
  });

  test('small and large datasets: the proportions hold, too few rows is refused', async () => {
    const cog = await packageCog();
    const small = generateLaureats({ seed: 1, count: 200, ...cog });
    assert.equal(small.length, 200);
    assert.ok(small.some((r) => r.laureat.dispositif_code === 'axe-2'));
    assert.throws(() => generateLaureats({ seed: 1, count: 10, ...cog }), RangeError);
  });
});
