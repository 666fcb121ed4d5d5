import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Grant, Person, PersonKind, Role } from './accounts.domain.js';

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

export interface PersonListQuery {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

/** The Accounts module's storage. Writes that belong together take a transaction (`db`) from the caller. */
export interface AccountsRepository {
  transaction<T>(fn: (repo: AccountsRepository, db: Kysely<Database>) => Promise<T>): Promise<T>;
  personById(id: string): Promise<Person | null>;
  personByEmail(email: string): Promise<Person | null>;
  personBySub(sub: string): Promise<Person | null>;
  insertPerson(person: Person): Promise<void>;
  updatePerson(id: string, changes: Partial<Omit<Person, 'id' | 'createdAt'>>): Promise<void>;
  deletePerson(id: string): Promise<void>;
  listPeople(query: PersonListQuery): Promise<{ items: Array<Person & { roles: Role[] }>; total: number }>;
  countPeople(kind?: PersonKind): Promise<number>;

  liveGrants(personId: string): Promise<Grant[]>;
  /** Inserts a grant unless the same live grant exists; returns false then. */
  insertGrant(grant: Grant): Promise<boolean>;
  /** Revokes a live grant; returns false when there was none (already revoked). */
  revokeGrant(id: string, by: string, at: string): Promise<Grant | null>;

  insertMagicLink(link: {
    tokenHash: string;
    email: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void>;
  /** Marks a link used if it is unused and unexpired — one conditional update, so it works once. */
  consumeMagicLink(tokenHash: string, now: string): Promise<string | null>;
  peekMagicLink(tokenHash: string, now: string): Promise<'valide' | 'utilise' | 'expire' | 'inconnu'>;
  purgeMagicLinks(before: string): Promise<number>;

  audit(event: NewAuditEvent): Promise<void>;
  /** Replaces a deleted person's name in the entries they made. */
  anonymizeAuditActor(personId: string): Promise<void>;
  listAudit(query: {
    actorId?: string;
    targetId?: string;
    action?: string;
    limit: number;
    offset: number;
  }): Promise<{
    items: AuditEvent[];
    total: number;
  }>;
}
