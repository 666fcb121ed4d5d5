import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../../ports/clock.js';
import type { SessionRecord, SessionStore } from '../../ports/session-store.js';
import { randomToken, sha256 } from '../../shared/hash.js';
import type { AppEnv } from './context.js';

/** `__Host-` forbids Domain and requires Secure and Path=/, so no sibling site can set or read it. */
export const SESSION_COOKIE = '__Host-nt_session';
const LIFETIME_MS = 8 * 60 * 60 * 1000;

/**
 * A request's session, created lazily: reading pages never writes a session row; the first form rendered
 * (which needs a CSRF token) does.
 */
export interface SessionHandle {
  /** The session's CSRF token, creating the session if needed. */
  csrfToken(): Promise<string>;
  /** The CSRF token if a session exists, else null (used to check a submitted form). */
  existingCsrfToken(): Promise<string | null>;
  /** The person logged in with this session, or null. */
  personId(): Promise<string | null>;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Logs a person in: the session gets a new identifier and a new CSRF token (so that an identifier planted
   * before login is worthless), with `data` as its only content.
   */
  login(personId: string, data?: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Server-side sessions behind an opaque `__Host-` cookie; the store keeps only the token's hash.
 *
 * @example
 * app.use(sessions(store, systemClock));
 */
export function sessions(store: SessionStore, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let loaded: { id: string; record: SessionRecord } | null | undefined;

    const load = async () => {
      if (loaded !== undefined) return loaded;
      loaded = null;
      if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
        const id = sha256(token);
        const record = await store.find(id, clock.now());
        if (record) loaded = { id, record };
      }
      return loaded;
    };
    const create = async (personId: string | null, data: Record<string, unknown>) => {
      const fresh = randomToken(32);
      const now = clock.now();
      const record: SessionRecord = {
        personId,
        csrfToken: randomToken(32),
        data,
        expiresAt: new Date(now.getTime() + LIFETIME_MS).toISOString(),
      };
      const id = sha256(fresh);
      await store.create(id, record, now);
      writeCookie(c, fresh, LIFETIME_MS / 1000);
      loaded = { id, record };
      return loaded;
    };
    const ensure = async () => (await load()) ?? (await create(null, {}));

    c.set('session', {
      csrfToken: async () => (await ensure()).record.csrfToken,
      existingCsrfToken: async () => (await load())?.record.csrfToken ?? null,
      personId: async () => (await load())?.record.personId ?? null,
      get: async (key) => (await load())?.record.data[key] as never,
      set: async (key, value) => {
        const s = await ensure();
        s.record.data[key] = value;
        await store.update(s.id, s.record);
      },
      login: async (personId, data = {}) => {
        const previous = await load();
        if (previous) await store.destroy(previous.id);
        await create(personId, data);
      },
      destroy: async () => {
        const s = await load();
        if (s) await store.destroy(s.id);
        loaded = null;
        writeCookie(c, '', 0);
      },
    });
    await next();
  };
}

function writeCookie(c: Context, value: string, maxAge: number) {
  setCookie(c, SESSION_COOKIE, value, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge });
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
