import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cleanOrganisationName,
  communeOfficialName,
  organisationDisplayName,
} from './organisations.domain.js';
import {
  displayName,
  kindLabel,
  parseTerritoryKey,
  territoryKey,
  territoryLabel,
} from './territories.domain.js';

describe('territory keys', () => {
  test('are unambiguous across kinds: "84" is a région and a département', () => {
    assert.equal(territoryKey({ kind: 'region', code: '84' }), 'region-84');
    assert.equal(territoryKey({ kind: 'departement', code: '84' }), 'departement-84');
    assert.equal(territoryKey({ kind: 'commune', code: '2A004' }), '2A004');
    assert.equal(territoryKey({ kind: 'epci', code: '200040715' }), '200040715');
  });

  test('read back what they wrote, Corsican letters in any case, and nothing else', () => {
    assert.deepEqual(parseTerritoryKey('region-84'), { form: 'typed', kind: 'region', code: '84' });
    assert.deepEqual(parseTerritoryKey('departement-2a'), { form: 'typed', kind: 'departement', code: '2A' });
    assert.deepEqual(parseTerritoryKey('departement-971'), {
      form: 'typed',
      kind: 'departement',
      code: '971',
    });
    assert.deepEqual(parseTerritoryKey('2b033'), { form: 'insee', code: '2B033' });
    assert.deepEqual(parseTerritoryKey('97411'), { form: 'insee', code: '97411' });
    assert.deepEqual(parseTerritoryKey('200040715'), { form: 'siren', code: '200040715' });
    for (const bad of ['', '3818', '381851', '2C004', 'region-', 'region-8', 'commune-38185', '../38185']) {
      assert.equal(parseTerritoryKey(bad), null, bad);
    }
    assert.deepEqual(parseTerritoryKey(' 38185 '), { form: 'insee', code: '38185' });
  });
});

describe('names', () => {
  test('an EPCI’s abbreviated kind is spelled out, and apostrophes are typographic', () => {
    assert.equal(
      displayName({ kind: 'epci', name: "CU d'Arras", epciType: 'CU' }),
      'Communauté urbaine d’Arras',
    );
    assert.equal(displayName({ kind: 'commune', name: "L'Île-d'Yeu", epciType: null }), 'L’Île-d’Yeu');
    assert.equal(kindLabel({ kind: 'epci', epciType: 'CA' }), 'Communauté d’agglomération');
    assert.equal(kindLabel({ kind: 'departement', epciType: null }), 'Département');
  });

  test('labels tell homonyms apart', () => {
    const base = { code: '73001', name: 'Saint-Martin', epciType: null, departementCode: '73' } as const;
    assert.equal(territoryLabel({ ...base, kind: 'commune' }, 'Savoie'), 'Saint-Martin (73 – Savoie)');
    assert.equal(
      territoryLabel(
        { kind: 'departement', code: '38', name: 'Isère', epciType: null, departementCode: null },
        null,
      ),
      'Isère (département 38)',
    );
  });

  test('a commune’s organisation is named as the legal person, in French typography', () => {
    assert.equal(communeOfficialName('Grenoble'), 'Commune de Grenoble');
    assert.equal(communeOfficialName('Le Havre'), 'Commune du Havre');
    assert.equal(communeOfficialName('Les Abymes'), 'Commune des Abymes');
    assert.equal(communeOfficialName('La Rochelle'), 'Commune de La Rochelle');
    assert.equal(communeOfficialName('Ajaccio'), 'Commune d’Ajaccio');
    assert.equal(communeOfficialName('Évry-Courcouronnes'), 'Commune d’Évry-Courcouronnes');
    assert.equal(communeOfficialName("L'Île-d'Yeu"), 'Commune de L’Île-d’Yeu');
    assert.equal(communeOfficialName('Hyères'), 'Commune de Hyères');
  });

  test('a given name is never a town hall’s', () => {
    assert.equal(cleanOrganisationName('  Mairie  de Vizille '), 'Commune de Vizille');
    assert.equal(cleanOrganisationName("MAIRIE D'EYBENS"), 'Commune d’EYBENS');
    assert.equal(cleanOrganisationName('Mairie du Pont-de-Claix'), 'Commune du Pont-de-Claix');
    assert.equal(cleanOrganisationName('Gironde Numérique'), 'Gironde Numérique');
    assert.equal(cleanOrganisationName('Mairies associées'), 'Mairies associées');
  });

  test('an organisation without a known name shows its SIREN', () => {
    assert.equal(
      organisationDisplayName({ siren: '110044017', name: null }),
      'Organisation n° SIREN 110\u00a0044\u00a0017',
    );
  });
});
