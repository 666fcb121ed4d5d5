/**
 * What the catalogue's use cases need from outside, as narrow interfaces: index.ts builds them from the
 * platform's modules, tests from anything.
 */
import type { Dialect } from '../../adapters/db/connect.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { Outbox } from '../../ports/outbox.js';
import { type AccountsModule, type Actor, displayName } from '../accounts/index.js';
import type { UsePlace } from './catalogue.domain.js';
import type { CatalogueRepository } from './catalogue.repository.js';

/** The platform's audit log (the accounts module's). */
export type AuditFn = AccountsModule['repo']['audit'];

/** A lauréat as the catalogue shows it. */
export interface LaureatRef {
  id: string;
  title: string;
  porteurName: string;
}

export interface CatalogueDeps {
  repo: CatalogueRepository;
  dialect: Dialect;
  clock: Clock;
  audit: AuditFn;
  outbox: Outbox;
  storage: FileStorage;
  publicUrl: string;
  /** An organisation by SIREN and where it is (null when the SIREN is unknown and not a collectivité). */
  placeOf(siren: string): Promise<UsePlace | null>;
  /** Makes sure an organisation exists (a maintainer named by SIREN); its official name, when known. */
  ensureOrganisation(siren: string, name: string): Promise<string | null>;
  /** The fund's lauréats, when the fund is there. */
  laureat(id: string): Promise<LaureatRef | null>;
  /** Grants a référent role (the accounts module's `ensureRole`); absent, nobody is granted anything. */
  grantReferent?(email: string, scope: string): Promise<void>;
  /** Told after every committed write that changes a public page. */
  changed(): void;
  /** Puts these solutions in the site's search as they now stand (never throws: a failure is logged). */
  indexForSite(ids: string[]): Promise<void>;
}

/** Who acts, as the audit log and the history name them. */
export interface Who {
  actor: NonNullable<Actor>;
  ip: string | null;
}

export const labelOf = (who: Who) => displayName(who.actor.person);

/**
 * How a solution's history, shown to its author and référents, names who acted: their name, never their
 * e-mail address (which `displayName` falls back to when a person has no name).
 */
export function historyLabelOf(who: Who): string {
  const { givenName, usualName } = who.actor.person;
  return [givenName, usualName].filter(Boolean).join(' ').trim() || 'Une personne sans nom renseigné';
}

/**
 * Writes one line of the audit log for a catalogue action.
 *
 * @example
 * await audited(deps, who, 'catalogue:publication', 'solution', id, { motif });
 */
export function audited(
  deps: Pick<CatalogueDeps, 'audit' | 'clock'>,
  who: Who,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown> = {},
) {
  return deps.audit({
    at: deps.clock.now().toISOString(),
    actorId: who.actor.person.id,
    actorLabel: labelOf(who),
    action,
    targetType,
    targetId,
    details,
    ip: who.ip,
  });
}
