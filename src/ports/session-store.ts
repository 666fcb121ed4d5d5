/** Server-side sessions: the cookie carries only an opaque token; everything else lives here. */
export interface SessionRecord {
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
}
