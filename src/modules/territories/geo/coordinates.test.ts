import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Territory, TerritoryAlias } from '../territories.domain.js';
import { communeCoordinates } from './coordinates.js';
import { type GeoNamesPlace, parseGeoNames } from './geonames.js';

function commune(code: string, name: string, more: Partial<Territory> = {}): Territory {
  return {
    kind: 'commune',
    code,
    name,
    siren: null,
    epciType: null,
    departementCode: '38',
    regionCode: '84',
    epciCode: null,
    communeCode: null,
    chefLieu: null,
    population: 100,
    postcodes: [],
    zone: 'metro',
    ...more,
  };
}

function place(inseeCode: string, name: string, lat: number, lon: number, more: Partial<GeoNamesPlace> = {}) {
  return {
    name,
    asciiName: name,
    alternateNames: [],
    lat,
    lon,
    featureCode: 'PPL',
    inseeCode,
    departementCode: '38',
    population: 1000,
    ...more,
  } satisfies GeoNamesPlace;
}

describe('communeCoordinates', () => {
  // Points on a grid of whole degrees, so that every mean below is worked out by hand.
  const territories = [
    commune('38001', 'Alpha', { epciCode: 'E1', postcodes: ['38100'] }),
    commune('38002', 'Bêta-sur-Isère', { epciCode: 'E1', postcodes: ['38200'] }),
    commune('38003', 'Gamma', { epciCode: 'E1' }),
    commune('38004', 'Delta', { epciCode: 'E1', postcodes: ['38100', '38200'] }),
    commune('38005', 'Epsilon', { epciCode: 'E1' }),
    commune('38006', 'Zêta', { epciCode: 'E2' }),
    commune('73001', 'Êta', { departementCode: '73', regionCode: '84' }),
  ];
  const aliases: TerritoryAlias[] = [
    { code: '38099', kind: 'ancien-code', name: null, communeCode: '38003' },
    { code: '38003', kind: 'commune-deleguee', name: 'Gamma-le-Vieux', communeCode: '38003' },
  ];
  const places: GeoNamesPlace[] = [
    place('38001', 'Alpha', 45, 5),
    // Two places for Bêta: the one named like the commune wins over the bigger hamlet.
    place('38002', 'Hameau', 47, 5, { population: 5000 }),
    place('38002', 'Beta-sur-Isere', 45, 7),
    // Gamma's only place carries a former code: it stands for Gamma, as an « ancienne commune ».
    place('38099', 'Gamma-le-Vieux', 46, 6),
    // A place whose département disagrees with the COG's is left out; one whose code is nobody's is counted.
    place('38005', 'Epsilon', 10, 10, { departementCode: '01' }),
    place('99999', 'Nulle-part', 0, 0),
  ];

  test('places each commune from GeoNames, else estimates it, saying which', () => {
    const { rows, counts } = communeCoordinates({ territories, aliases, places });
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    assert.deepEqual(
      { lat: byCode['38001']!.lat, lon: byCode['38001']!.lon, p: byCode['38001']!.precision },
      { lat: 45, lon: 5, p: 'commune' },
    );
    assert.deepEqual([byCode['38002']!.lat, byCode['38002']!.lon], [45, 7]);
    assert.equal(byCode['38003']!.precision, 'ancienne-commune');
    assert.deepEqual([byCode['38003']!.lat, byCode['38003']!.lon], [46, 6]);
    // Delta shares 38100 with Alpha (45, 5) and 38200 with Bêta (45, 7): their mean.
    assert.deepEqual(
      { lat: byCode['38004']!.lat, lon: byCode['38004']!.lon, p: byCode['38004']!.precision },
      { lat: 45, lon: 6, p: 'code-postal' },
    );
    // Epsilon (its place rejected) has no postcode: the mean of its EPCI's placed communes, Alpha, Bêta, Gamma.
    assert.equal(byCode['38005']!.precision, 'epci');
    assert.ok(Math.abs(byCode['38005']!.lat - 136 / 3) < 1e-9 && Math.abs(byCode['38005']!.lon - 6) < 1e-9);
    // Zêta, alone in its EPCI: the mean of its département's placed communes, the same three.
    assert.equal(byCode['38006']!.precision, 'departement');
    assert.ok(Math.abs(byCode['38006']!.lat - 136 / 3) < 1e-9);
    // Êta's département has no placed commune.
    assert.equal(byCode['73001'], undefined);
    assert.equal(byCode['38004']!.name, 'Delta');
    assert.equal(byCode['38004']!.epciCode, 'E1');
    assert.deepEqual(
      rows.map((r) => r.code),
      ['38001', '38002', '38003', '38004', '38005', '38006'],
    );
    assert.deepEqual(counts.byPrecision, {
      commune: 2,
      'ancienne-commune': 1,
      'code-postal': 1,
      epci: 1,
      departement: 1,
    });
    assert.equal(counts.communes, 7);
    assert.equal(counts.none, 1);
    assert.equal(counts.rejectedPlaces, 1);
    assert.equal(counts.unmatchedPlaces, 1);
  });

  test('measures each estimate on the communes GeoNames places, each without itself', () => {
    const { counts } = communeCoordinates({ territories, aliases, places });
    // Alpha and Bêta are the communes of precision « commune ». By postcode: neither shares one with another
    // placed commune. By EPCI: Alpha from Bêta and Gamma = (45.5, 6.5); Bêta from Alpha and Gamma = (45.5, 5.5).
    assert.deepEqual(counts.errors['code-postal'], { n: 0, p50: 0, p90: 0 });
    assert.equal(counts.errors.epci.n, 2);
    assert.equal(counts.errors.departement.n, 2);
    const km = (a: [number, number], b: [number, number]) => {
      const r = (d: number) => (d * Math.PI) / 180;
      const h =
        Math.sin(r(b[0] - a[0]) / 2) ** 2 +
        Math.cos(r(a[0])) * Math.cos(r(b[0])) * Math.sin(r(b[1] - a[1]) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    const alpha = km([45, 5], [45.5, 6.5]);
    const beta = km([45, 7], [45.5, 5.5]);
    assert.equal(counts.errors.epci.p50, Math.round(Math.min(alpha, beta) * 10) / 10);
    assert.equal(counts.errors.epci.p90, Math.round(Math.max(alpha, beta) * 10) / 10);
  });
});

describe('parseGeoNames', () => {
  const line = (cols: Record<number, string>) =>
    Array.from({ length: 19 }, (_, i) => cols[i] ?? '').join('\t');
  test('keeps the French and overseas places with an INSEE code (admin4; admin1 for Mayotte)', () => {
    const text = [
      line({
        1: 'Grenoble',
        2: 'Grenoble',
        3: 'Grenoble,Graçanopolis',
        4: '45.17869',
        5: '5.71479',
        7: 'PPLA2',
        8: 'FR',
        10: '84',
        11: '38',
        13: '38185',
        14: '158198',
      }),
      line({
        1: 'Mamoudzou',
        2: 'Mamoudzou',
        4: '-12.78234',
        5: '45.22878',
        7: 'PPLC',
        8: 'YT',
        10: '97611',
        14: '54831',
      }),
      line({
        1: 'Boston',
        2: 'Boston',
        4: '42.35843',
        5: '-71.05977',
        7: 'PPLA',
        8: 'US',
        10: 'MA',
        13: '07000',
        14: '1',
      }),
      line({ 1: 'Sans code', 4: '45', 5: '5', 7: 'PPL', 8: 'FR', 11: '38', 14: '600' }),
      'trop court',
    ].join('\n');
    const places = parseGeoNames(text);
    assert.deepEqual(
      places.map((p) => [p.name, p.inseeCode, p.departementCode, p.lat, p.lon, p.population]),
      [
        ['Grenoble', '38185', '38', 45.17869, 5.71479, 158198],
        ['Mamoudzou', '97611', '976', -12.78234, 45.22878, 54831],
      ],
    );
    assert.deepEqual(places[0]!.alternateNames, ['Grenoble', 'Graçanopolis']);
  });
});
