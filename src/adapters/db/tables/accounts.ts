/**
 * People, their roles, login links and the audit log (see ../schema.ts for the conventions: ISO UTC text
 * timestamps, 0/1 booleans).
 */
export interface AccountTables {
  person: PersonTable;
  role_grant: RoleGrantTable;
  magic_link: MagicLinkTable;
  audit_event: AuditEventTable;
}

export interface PersonTable {
  id: string;
  /** `agent` (ProConnect) or `contact` (press, public: e-mail link). */
  kind: string;
  /** Lower-cased; unique. */
  email: string;
  given_name: string | null;
  usual_name: string | null;
  proconnect_sub: string | null;
  uid: string | null;
  siret: string | null;
  idp_id: string | null;
  organisation_siren: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface RoleGrantTable {
  id: string;
  person_id: string;
  role: string;
  /** What the role applies to (`organisation:<siren>`, `dispositif:axe-1`…); '' for the whole platform. */
  scope: string;
  granted_by: string | null;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface MagicLinkTable {
  /** SHA-256 of the token: the link in the e-mail is the only copy of the token itself. */
  token_hash: string;
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  /** Who acted, as shown then ("Camille Martin"), kept when the account is deleted. */
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  /** The client address, for security reviews. */
  ip: string | null;
}
