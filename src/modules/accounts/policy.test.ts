import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor, Grant, Person, Role } from './accounts.domain.js';
import { type Action, can } from './policy.js';

const person = (kind: Person['kind'] = 'agent'): Person => ({
  id: 'p1',
  kind,
  email: 'camille@example.gouv.fr',
  givenName: 'Camille',
  usualName: 'Martin',
  proconnectSub: kind === 'agent' ? 'sub' : null,
  uid: null,
  siret: null,
  idpId: null,
  organisationSiren: '213801855',
  createdAt: '2023-01-01T00:00:00.000Z',
  updatedAt: '2023-01-01T00:00:00.000Z',
  lastLoginAt: null,
});

const grant = (role: Role, scope = ''): Grant => ({
  id: `${role}:${scope}`,
  personId: 'p1',
  role,
  scope,
  grantedBy: null,
  grantedAt: '2023-01-01T00:00:00.000Z',
});

const actors = {
  visiteur: null,
  contact: { person: person('contact'), grants: [] },
  agent: { person: person('agent'), grants: [] },
  referent: { person: person('agent'), grants: [grant('referent', 'organisation:213801855')] },
  operateur: { person: person('agent'), grants: [grant('operateur', 'dispositif:axe-2')] },
  organisateur: { person: person('agent'), grants: [grant('organisateur')] },
  accueil: { person: person('contact'), grants: [grant('accueil', 'evenement:journee-2023')] },
  presse: { person: person('contact'), grants: [grant('presse')] },
  administrateur: { person: person('agent'), grants: [grant('administrateur')] },
} satisfies Record<string, Actor>;

/** The matrix: for each action, who may. Everyone else may not. */
const ALLOWED: Record<Action, string[]> = {
  'account:view': [
    'contact',
    'agent',
    'referent',
    'operateur',
    'organisateur',
    'accueil',
    'presse',
    'administrateur',
  ],
  'account:delete': [
    'contact',
    'agent',
    'referent',
    'operateur',
    'organisateur',
    'accueil',
    'presse',
    'administrateur',
  ],
  'organisation:correct-own': ['agent', 'referent', 'operateur', 'organisateur', 'administrateur'],
  'admin:access': ['operateur', 'organisateur', 'administrateur'],
  'people:list': ['administrateur'],
  'people:view': ['administrateur'],
  'roles:grant': ['administrateur'],
  'roles:revoke': ['administrateur'],
  'organisations:list': ['administrateur'],
  'organisations:rename': ['referent', 'administrateur'],
  'audit:view': ['administrateur'],
  'content:import': ['administrateur'],
  'fund:manage': ['operateur', 'administrateur'],
  'fund:access': ['operateur', 'administrateur'],
  'events:access': ['organisateur', 'accueil', 'administrateur'],
  'events:organise': ['organisateur', 'administrateur'],
  'events:check-in': ['accueil', 'organisateur', 'administrateur'],
  'catalogue:propose': ['agent', 'referent', 'operateur', 'organisateur', 'administrateur'],
  'catalogue:edit': ['operateur', 'administrateur'],
  'catalogue:review': ['operateur', 'administrateur'],
  'catalogue:moderate': ['operateur', 'administrateur'],
  'catalogue:declare-use': ['agent', 'referent', 'operateur', 'organisateur', 'administrateur'],
  'catalogue:contact': [
    'contact',
    'agent',
    'referent',
    'operateur',
    'organisateur',
    'accueil',
    'presse',
    'administrateur',
  ],
  'catalogue:report': [
    'contact',
    'agent',
    'referent',
    'operateur',
    'organisateur',
    'accueil',
    'presse',
    'administrateur',
  ],
  'meetings:organise': ['organisateur', 'administrateur'],
  'meetings:book': [
    'contact',
    'agent',
    'referent',
    'operateur',
    'organisateur',
    'accueil',
    'presse',
    'administrateur',
  ],
};

const TARGETS: Partial<Record<Action, { organisationSiren?: string; scope?: string }>> = {
  'organisations:rename': { organisationSiren: '213801855' },
  'fund:manage': { scope: 'dispositif:axe-2' },
  'events:check-in': { scope: 'evenement:journee-2023' },
  'catalogue:edit': { scope: 'solution:france-services-numerique' },
  'catalogue:declare-use': { organisationSiren: '213801855' },
  'meetings:organise': { scope: 'evenement:journee-2023' },
};

describe('The policy', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as Array<[Action, string[]]>) {
    test(`${action}: ${allowed.join(', ')} — and nobody else`, () => {
      for (const [name, actor] of Object.entries(actors)) {
        assert.equal(can(actor, action, TARGETS[action]), allowed.includes(name), `${name} → ${action}`);
      }
    });
  }

  test('a scoped role covers its scope only', () => {
    const referent = actors.referent;
    assert.equal(can(referent, 'organisations:rename', { organisationSiren: '213801855' }), true);
    assert.equal(can(referent, 'organisations:rename', { organisationSiren: '200040715' }), false);
    assert.equal(can(actors.operateur, 'fund:manage', { scope: 'dispositif:axe-3' }), false);
    assert.equal(can(actors.accueil, 'events:check-in', { scope: 'evenement:autre' }), false);
    assert.equal(can(actors.agent, 'catalogue:declare-use', { organisationSiren: '200040715' }), false);
    const solutionReferent = { person: person('agent'), grants: [grant('referent', 'solution:a')] };
    assert.equal(can(solutionReferent, 'catalogue:edit', { scope: 'solution:a' }), true);
    assert.equal(can(solutionReferent, 'catalogue:edit', { scope: 'solution:b' }), false);
  });

  test('a global grant covers every scope', () => {
    assert.equal(can(actors.organisateur, 'events:organise', { scope: 'evenement:journee-2023' }), true);
    assert.equal(can(actors.administrateur, 'fund:manage', { scope: 'dispositif:axe-3' }), true);
  });
});
