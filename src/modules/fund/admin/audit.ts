/**
 * The audit log as the fund sees it: a function it is given (the accounts module’s `repo.audit`), so that the
 * fund records its changes without reaching into another module.
 */

/** One entry of the platform’s audit log (the accounts module’s `NewAuditEvent`, structurally). */
export interface FundAuditEvent {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: 'laureat-modifie' | 'laureats-importes';
  targetType: 'laureat' | 'fonds';
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export type AuditFn = (event: FundAuditEvent) => Promise<void>;

/** Who made a change, for the audit log: a person (id and name) or the command line (id null). */
export interface FundActor {
  id: string | null;
  label: string;
  ip: string | null;
}

/** The command line’s actor: whoever runs `nt` on the server. */
export const COMMAND_LINE_ACTOR: FundActor = {
  id: null,
  label: 'ligne de commande (nt import-laureats)',
  ip: null,
};
