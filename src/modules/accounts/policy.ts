import { type Actor, type Role, rolesOf } from './accounts.domain.js';

/**
 * Every "may X do Y to Z" question of the platform is answered here, so that routes ask and never test roles
 * themselves. Actions are named `<domain>:<verb>`; a target narrows scoped roles.
 */
export type Action =
  | 'account:view'
  | 'account:delete'
  | 'organisation:correct-own'
  | 'admin:access'
  | 'people:list'
  | 'people:view'
  | 'roles:grant'
  | 'roles:revoke'
  | 'organisations:list'
  | 'organisations:rename'
  | 'audit:view'
  | 'content:import'
  | 'fund:manage'
  | 'fund:access'
  | 'events:access'
  | 'events:organise'
  | 'events:check-in'
  | 'catalogue:propose'
  | 'catalogue:edit'
  | 'catalogue:review'
  | 'catalogue:declare-use'
  | 'catalogue:contact'
  | 'catalogue:report'
  | 'catalogue:moderate'
  | 'meetings:organise'
  | 'meetings:book';

export type Target = { organisationSiren?: string; scope?: string } | undefined;

const hasGlobal = (actor: NonNullable<Actor>, role: Role) =>
  actor.grants.some((g) => g.role === role && g.scope === '');

/** Whether the actor holds `role` for `scope` (a global grant covers every scope). */
function holds(actor: NonNullable<Actor>, role: Role, scope: string | undefined) {
  return actor.grants.some(
    (g) => g.role === role && (g.scope === '' || (scope !== undefined && g.scope === scope)),
  );
}

/**
 * The platform's policy.
 *
 * @example
 * can(actor, 'roles:grant') // true only for an administrator
 * can(actor, 'organisations:rename', { organisationSiren: '213801855' }) // administrators and that organisation's référents
 */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (!actor) return false;
  const admin = hasGlobal(actor, 'administrateur');
  switch (action) {
    case 'account:view':
    case 'account:delete':
      return true;
    case 'organisation:correct-own':
      return actor.person.kind === 'agent';
    case 'admin:access':
      return admin || rolesOf(actor).some((r) => r === 'operateur' || r === 'organisateur');
    case 'people:list':
    case 'people:view':
    case 'roles:grant':
    case 'roles:revoke':
    case 'audit:view':
    case 'organisations:list':
    case 'content:import':
      return admin;
    case 'organisations:rename':
      return (
        admin ||
        (target?.organisationSiren !== undefined &&
          holds(actor, 'referent', `organisation:${target.organisationSiren}`))
      );
    case 'fund:access':
      // Any operator, whatever the scope: the pages then show only what each scope allows.
      return admin || rolesOf(actor).includes('operateur');
    case 'events:access':
      return admin || rolesOf(actor).some((r) => r === 'organisateur' || r === 'accueil');
    case 'fund:manage':
      return admin || holds(actor, 'operateur', target?.scope);
    case 'events:organise':
      return admin || holds(actor, 'organisateur', target?.scope);
    case 'events:check-in':
      return admin || holds(actor, 'organisateur', target?.scope) || holds(actor, 'accueil', target?.scope);
    // Catalogue de mutualisation. Any public agent may propose a solution or say their organisation uses one;
    // anyone logged in may write to a team or report an entry; opérateurs and administrators review.
    case 'catalogue:propose':
      return actor.person.kind === 'agent';
    case 'catalogue:edit':
      // The solution's référents (scope solution:<id>) and reviewers; the author's own draft is the module's.
      return (
        admin ||
        rolesOf(actor).includes('operateur') ||
        (target?.scope !== undefined && holds(actor, 'referent', target.scope))
      );
    case 'catalogue:review':
    case 'catalogue:moderate':
      return admin || rolesOf(actor).includes('operateur');
    case 'catalogue:declare-use':
      return (
        actor.person.kind === 'agent' &&
        target?.organisationSiren !== undefined &&
        (actor.person.organisationSiren === target.organisationSiren ||
          holds(actor, 'referent', `organisation:${target.organisationSiren}`))
      );
    case 'catalogue:contact':
    case 'catalogue:report':
      return true;
    // Espace de rencontres: organisers of the event set it up; a registered participant books (the module
    // checks the registration).
    case 'meetings:organise':
      return admin || holds(actor, 'organisateur', target?.scope);
    case 'meetings:book':
      return true;
  }
}
