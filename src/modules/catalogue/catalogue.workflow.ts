/**
 * The editorial workflow of a solution, as pure rules over the platform's policy: which transitions exist,
 * who may make each, and which need a reason.
 *
 *   brouillon ──soumettre──► soumise ──publier──► publiee ──archiver──► archivee
 *       ▲                       │                    ▲                     │
 *       └────────refuser────────┘                    └─────republier───────┘
 *
 * « vérifier » marks a published entry's claims as checked by the programme; an edit by anyone but a
 * reviewer sends it back to « déclaré » (see `editKeepsVerification`).
 */
import { type Actor, can } from '../accounts/index.js';
import { type SolutionStatus, solutionScope } from './catalogue.domain.js';

export const TRANSITIONS = {
  soumettre: { from: ['brouillon'], to: 'soumise', label: 'Soumettre à la relecture', needsReason: false },
  publier: { from: ['soumise'], to: 'publiee', label: 'Publier', needsReason: false },
  refuser: { from: ['soumise'], to: 'brouillon', label: 'Refuser', needsReason: true },
  archiver: { from: ['publiee'], to: 'archivee', label: 'Archiver', needsReason: true },
  republier: { from: ['archivee'], to: 'publiee', label: 'Republier', needsReason: false },
} as const satisfies Record<
  string,
  { from: readonly SolutionStatus[]; to: SolutionStatus; label: string; needsReason: boolean }
>;
export type Transition = keyof typeof TRANSITIONS;

/** What the workflow needs of a solution. */
export interface WorkflowSubject {
  id: string;
  status: SolutionStatus;
  authorId: string | null;
}

const isAuthor = (actor: Actor, s: WorkflowSubject) =>
  actor !== null && s.authorId !== null && actor.person.id === s.authorId;

/** Référents of the solution and reviewers (the policy's `catalogue:edit`). */
const isEditor = (actor: Actor, s: WorkflowSubject) =>
  can(actor, 'catalogue:edit', { scope: solutionScope(s.id) });

/**
 * Whether the actor may change the content: its author while it is a draft (the policy leaves the author's
 * own draft to the module), its référents and reviewers while it is not archived.
 *
 * @example
 * mayEdit(author, { id: 'x', status: 'brouillon', authorId: author.person.id }) // true
 * mayEdit(author, { id: 'x', status: 'publiee', authorId: author.person.id }) // false, unless référent
 */
export function mayEdit(actor: Actor, s: WorkflowSubject): boolean {
  if (!actor || s.status === 'archivee') return false;
  if (s.status === 'brouillon' && isAuthor(actor, s) && can(actor, 'catalogue:propose')) return true;
  return isEditor(actor, s);
}

/**
 * Whether the actor may make a transition now: it must start from the current state, and the actor must be
 * allowed — the author or an editor submits; reviewers publish, refuse and republish; reviewers and the
 * solution's référents archive.
 *
 * @example
 * mayTransition(operateur, 'publier', { id: 'x', status: 'soumise', authorId: null }) // true
 * mayTransition(author, 'publier', { id: 'x', status: 'soumise', authorId: author.person.id }) // false
 */
export function mayTransition(actor: Actor, transition: Transition, s: WorkflowSubject): boolean {
  const rule = TRANSITIONS[transition];
  if (!actor || !(rule.from as readonly string[]).includes(s.status)) return false;
  switch (transition) {
    case 'soumettre':
      return mayEdit(actor, s);
    case 'archiver':
      return can(actor, 'catalogue:review') || isEditor(actor, s);
    default:
      return can(actor, 'catalogue:review');
  }
}

/** The transitions the actor may make now, in the order a page shows them. */
export function availableTransitions(actor: Actor, s: WorkflowSubject): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => mayTransition(actor, t, s));
}

/** Whether the actor may mark a published solution « vérifié » (or take the mark back). */
export function mayVerify(actor: Actor, s: WorkflowSubject): boolean {
  return s.status === 'publiee' && can(actor, 'catalogue:review');
}

/** Whether a page that is not published may be shown to this actor (its author, editors, reviewers). */
export function mayPreview(actor: Actor, s: WorkflowSubject): boolean {
  if (s.status === 'publiee') return true;
  return isAuthor(actor, s) || isEditor(actor, s) || can(actor, 'catalogue:review');
}

/**
 * Whether the « vérifié » mark survives an edit: only a reviewer's edit keeps it, since the claims it vouched
 * for may have changed.
 */
export function editKeepsVerification(actor: Actor): boolean {
  return can(actor, 'catalogue:review');
}
