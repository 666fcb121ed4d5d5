/**
 * People and what they may do. Pure types and rules; no I/O.
 */

/** The roles of the platform. `visiteur` is everyone not logged in and has no grant. */
export const ROLES = [
  'agent',
  'referent',
  'operateur',
  'organisateur',
  'accueil',
  'presse',
  'administrateur',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role | 'visiteur', string> = {
  visiteur: 'Visiteur',
  agent: 'Agent public',
  referent: 'Référent',
  operateur: 'Opérateur du fonds',
  organisateur: 'Organisateur d’événements',
  accueil: 'Accueil (émargement)',
  presse: 'Presse',
  administrateur: 'Administrateur',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  agent: 'Membre d’une organisation publique, connecté avec ProConnect.',
  referent:
    'Répond pour une organisation ou une solution (périmètre : organisation:<SIREN> ou solution:<identifiant>).',
  operateur:
    'Gère les données du fonds de son périmètre : DINUM, DITP, ANCT ou une préfecture (périmètre : dispositif:<code> ou departement:<code>).',
  organisateur: 'Crée et gère les événements (périmètre : vide pour tous, ou evenement:<identifiant>).',
  accueil: 'Émarge les participants le jour d’un événement, sans autre accès.',
  presse: 'Journaliste accrédité.',
  administrateur: 'Gère les personnes, les rôles et consulte le journal d’audit.',
};

/** Which scopes a role accepts; an empty string means the whole platform. */
export const ROLE_SCOPES: Record<Role, RegExp> = {
  agent: /^$/,
  referent: /^(organisation:\d{9}|solution:[a-z0-9-]{1,80})$/,
  operateur: /^(dispositif:[a-z0-9-]{1,40}|departement:(\d{2,3}|2[AB]))$/,
  organisateur: /^(|evenement:[a-z0-9-]{1,80})$/,
  accueil: /^(|evenement:[a-z0-9-]{1,80})$/,
  presse: /^$/,
  administrateur: /^$/,
};

export type PersonKind = 'agent' | 'contact';

export interface Person {
  id: string;
  kind: PersonKind;
  email: string;
  givenName: string | null;
  usualName: string | null;
  proconnectSub: string | null;
  uid: string | null;
  siret: string | null;
  idpId: string | null;
  organisationSiren: string | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface Grant {
  id: string;
  personId: string;
  role: Role;
  scope: string;
  grantedBy: string | null;
  grantedAt: string;
}

/** Who is acting: a person and their live grants, or null for a visitor. */
export type Actor = { person: Person; grants: Grant[] } | null;

/** "Camille Martin", or the e-mail when no name is known. */
export function displayName(person: Pick<Person, 'givenName' | 'usualName' | 'email'>): string {
  const name = [person.givenName, person.usualName].filter(Boolean).join(' ').trim();
  return name || person.email;
}

/** The roles an actor holds, `agent` included for a ProConnect agent, `visiteur` when not logged in. */
export function rolesOf(actor: Actor): Array<Role | 'visiteur'> {
  if (!actor) return ['visiteur'];
  const roles = new Set<Role>(actor.grants.map((g) => g.role));
  if (actor.person.kind === 'agent') roles.add('agent');
  return [...roles];
}

/** Whether a scope is acceptable for a role, e.g. `organisation:213801855` for a référent. */
export function isValidScope(role: Role, scope: string): boolean {
  return ROLE_SCOPES[role].test(scope);
}

/** A normalised e-mail address: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
