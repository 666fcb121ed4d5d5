import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../accounts/index.js';
import type { SolutionStatus } from './catalogue.domain.js';
import {
  availableTransitions,
  editKeepsVerification,
  mayEdit,
  mayPreview,
  mayTransition,
  mayVerify,
  TRANSITIONS,
  type Transition,
} from './catalogue.workflow.js';

type Kind = 'agent' | 'contact';
const actor = (id: string, kind: Kind, grants: Array<[string, string]> = []): NonNullable<Actor> => ({
  person: {
    id,
    kind,
    email: `${id}@example.gouv.fr`,
    givenName: 'Camille',
    usualName: id,
    proconnectSub: kind === 'agent' ? `sub-${id}` : null,
    uid: null,
    siret: null,
    idpId: null,
    organisationSiren: kind === 'agent' ? '213801855' : null,
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
    lastLoginAt: null,
  },
  grants: grants.map(([role, scope]) => ({
    id: `${id}:${role}:${scope}`,
    personId: id,
    role: role as never,
    scope,
    grantedBy: null,
    grantedAt: '2023-01-01T00:00:00.000Z',
  })),
});

/** Who is who for the solution `salle` written by `auteur`. */
const ACTORS = {
  visiteur: null,
  contact: actor('contact', 'contact'),
  auteur: actor('auteur', 'agent'),
  agent: actor('agent', 'agent'),
  referent: actor('referent', 'agent', [['referent', 'solution:salle']]),
  'referent-autre': actor('referent-autre', 'agent', [['referent', 'solution:autre']]),
  'referent-organisation': actor('ro', 'agent', [['referent', 'organisation:213801855']]),
  operateur: actor('operateur', 'agent', [['operateur', 'dispositif:axe-1']]),
  organisateur: actor('organisateur', 'agent', [['organisateur', '']]),
  administrateur: actor('administrateur', 'agent', [['administrateur', '']]),
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;

const subject = (status: SolutionStatus) => ({ id: 'salle', status, authorId: 'auteur' });

/** For each transition, from its starting state, who may make it. Everyone else may not. */
const ALLOWED: Record<Transition, Who[]> = {
  soumettre: ['auteur', 'referent', 'operateur', 'administrateur'],
  publier: ['operateur', 'administrateur'],
  refuser: ['operateur', 'administrateur'],
  archiver: ['referent', 'operateur', 'administrateur'],
  republier: ['operateur', 'administrateur'],
};

describe('The editorial workflow', () => {
  for (const [transition, allowed] of Object.entries(ALLOWED) as Array<[Transition, Who[]]>) {
    test(`${transition} (${TRANSITIONS[transition].from.join(', ')} → ${TRANSITIONS[transition].to}): ${allowed.join(', ')} — and nobody else`, () => {
      for (const [name, who] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
        for (const from of TRANSITIONS[transition].from) {
          assert.equal(
            mayTransition(who, transition, subject(from)),
            allowed.includes(name),
            `${name} ${transition}`,
          );
        }
      }
    });
  }

  test('no transition starts from a state it does not leave, whoever asks', () => {
    const states: SolutionStatus[] = ['brouillon', 'soumise', 'publiee', 'archivee'];
    for (const [transition, rule] of Object.entries(TRANSITIONS) as Array<
      [Transition, (typeof TRANSITIONS)[Transition]]
    >) {
      for (const state of states.filter((s) => !(rule.from as readonly string[]).includes(s))) {
        assert.equal(
          mayTransition(ACTORS.administrateur, transition, subject(state)),
          false,
          `${transition} from ${state}`,
        );
      }
    }
  });

  test('a refusal and an archive need a reason; the other steps do not', () => {
    assert.deepEqual(
      (Object.keys(TRANSITIONS) as Transition[]).filter((t) => TRANSITIONS[t].needsReason),
      ['refuser', 'archiver'],
    );
  });

  test('the author edits their own draft only; référents and reviewers edit until archived', () => {
    const expectations: Record<SolutionStatus, Who[]> = {
      brouillon: ['auteur', 'referent', 'operateur', 'administrateur'],
      soumise: ['referent', 'operateur', 'administrateur'],
      publiee: ['referent', 'operateur', 'administrateur'],
      archivee: [],
    };
    for (const [state, allowed] of Object.entries(expectations) as Array<[SolutionStatus, Who[]]>) {
      for (const [name, who] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
        assert.equal(
          mayEdit(who, subject(state)),
          allowed.includes(name),
          `${name} edits a ${state} solution`,
        );
      }
    }
  });

  test('only reviewers mark « vérifié », on a published solution, and keep the mark when they edit', () => {
    for (const [name, who] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
      const reviewer = name === 'operateur' || name === 'administrateur';
      assert.equal(mayVerify(who, subject('publiee')), reviewer, name);
      assert.equal(mayVerify(who, subject('soumise')), false, name);
      assert.equal(editKeepsVerification(who), reviewer, name);
    }
  });

  test('a draft is shown to its author, its référents and reviewers; a published entry to everyone', () => {
    for (const [name, who] of Object.entries(ACTORS) as Array<[Who, Actor]>) {
      assert.equal(mayPreview(who, subject('publiee')), true, name);
      assert.equal(
        mayPreview(who, subject('brouillon')),
        ['auteur', 'referent', 'operateur', 'administrateur'].includes(name),
        name,
      );
    }
  });

  test('the steps offered on a page are the allowed ones', () => {
    assert.deepEqual(availableTransitions(ACTORS.operateur, subject('soumise')), ['publier', 'refuser']);
    assert.deepEqual(availableTransitions(ACTORS.referent, subject('publiee')), ['archiver']);
    assert.deepEqual(availableTransitions(ACTORS.auteur, subject('publiee')), []);
  });
});
