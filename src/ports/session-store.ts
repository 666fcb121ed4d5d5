/** Server-side sessions: the cookie carries only an opaque token; everything else lives here. */
export interface SessionRecord {
  /** The person logged in, or null for an anonymous session (a form being filled). */
  personId: string | null;
  csrfToken: string;
  data: Record<string, unknown>;
  expiresAt: string;
}

export interface SessionStore {
  /** Looks a session up by the hash of its token; expired sessions are not returned. */
  find(idHash: string, now: Date): Promise<SessionRecord | null>;
  create(idHash: string, record: SessionRecord, now: Date): Promise<void>;
  update(idHash: string, record: SessionRecord): Promise<void>;
  destroy(idHash: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
  /** Ends every session of a person (logout everywhere, a withdrawn role, a deleted account). */
  destroyForPerson(personId: string): Promise<number>;
}
