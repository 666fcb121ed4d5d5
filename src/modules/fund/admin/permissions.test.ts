import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../accounts/index.js';
import { dispositifsIn, fundScopeOf } from './permissions.js';

const DEPARTEMENTS = ['01', '38', '73', '2A'];

function actorWith(grants: Array<[string, string]>): Actor {
  const at = '2023-01-20T10:00:00.000Z';
  return {
    person: {
      id: 'p',
      kind: 'agent',
      email: 'p@example.gouv.fr',
      givenName: null,
      usualName: null,
      proconnectSub: null,
      uid: null,
      siret: null,
      idpId: null,
      organisationSiren: null,
      createdAt: at,
      updatedAt: at,
      lastLoginAt: null,
    },
    grants: grants.map(([role, scope], i) => ({
      id: `g${i}`,
      personId: 'p',
      role: role as never,
      scope,
      grantedBy: null,
      grantedAt: at,
    })),
  };
}

describe('What a person manages in the fund', () => {
  test('an administrator manages everything; nobody else without a grant', () => {
    const admin = fundScopeOf(actorWith([['administrateur', '']]), DEPARTEMENTS);
    assert.equal(admin.managed, null);
    assert.ok(admin.allows({ dispositifCode: 'axe-3', departementCode: '2A' }));
    assert.ok(fundScopeOf(null, DEPARTEMENTS).empty);
    assert.ok(fundScopeOf(actorWith([['organisateur', '']]), DEPARTEMENTS).empty);
  });

  test('an operator of a dispositif manages that one whole', () => {
    const scope = fundScopeOf(actorWith([['operateur', 'dispositif:axe-2']]), DEPARTEMENTS);
    assert.deepEqual(scope.managed, { dispositifs: ['axe-2'], axe3Departements: [] });
    assert.ok(scope.allows({ dispositifCode: 'axe-2', departementCode: null }));
    assert.ok(!scope.allows({ dispositifCode: 'axe-3', departementCode: '38' }));
    assert.equal(scope.description, 'vous gérez : axe-2');
  });

  test('a préfecture’s operator manages axe 3 in its département only', () => {
    const scope = fundScopeOf(actorWith([['operateur', 'departement:38']]), DEPARTEMENTS);
    assert.ok(scope.allows({ dispositifCode: 'axe-3', departementCode: '38' }));
    assert.ok(!scope.allows({ dispositifCode: 'axe-3', departementCode: '73' }));
    assert.ok(!scope.allows({ dispositifCode: 'axe-2', departementCode: '38' }));
    assert.deepEqual(dispositifsIn(scope), ['axe-3']);
    assert.equal(scope.description, 'vous gérez : axe-3 dans le département 38');
  });
});
