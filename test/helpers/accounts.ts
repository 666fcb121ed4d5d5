import { randomUUID } from 'node:crypto';
import { createKyselySessionStore } from '../../src/adapters/db/session-store.kysely.js';
import type { Role } from '../../src/modules/accounts/index.js';
import { SESSION_COOKIE } from '../../src/platform/http/session.js';
import { randomToken, sha256 } from '../../src/shared/hash.js';
import type { testPlatform } from './platform.js';

type T = Awaited<ReturnType<typeof testPlatform>>;

/**
 * A person with the given roles and a live session, as if they had logged in: returns what a request needs
 * (the cookie header and the CSRF token).
 *
 * @example
 * const admin = await loggedIn(t, { roles: ['administrateur'] });
 * await t.request('/admin', { headers: { cookie: admin.cookie } });
 */
export async function loggedIn(
  t: T,
  options: { kind?: 'agent' | 'contact'; roles?: Array<Role | [Role, string]>; email?: string } = {},
) {
  const id = randomUUID();
  const at = t.clock.now().toISOString();
  const email = options.email ?? `${id.slice(0, 8)}@example.gouv.fr`;
  await t.accounts.repo.insertPerson({
    id,
    kind: options.kind ?? 'agent',
    email,
    givenName: 'Camille',
    usualName: `Testeur ${id.slice(0, 4)}`,
    proconnectSub: options.kind === 'contact' ? null : `sub-${id}`,
    uid: null,
    siret: options.kind === 'contact' ? null : '21380185500016',
    idpId: null,
    organisationSiren: options.kind === 'contact' ? null : '213801855',
    createdAt: at,
    updatedAt: at,
    lastLoginAt: at,
  });
  for (const r of options.roles ?? []) {
    const [role, scope] = Array.isArray(r) ? r : [r, ''];
    await t.accounts.repo.insertGrant({
      id: randomUUID(),
      personId: id,
      role,
      scope,
      grantedBy: null,
      grantedAt: at,
    });
  }
  const token = randomToken(32);
  const csrf = randomToken(32);
  await createKyselySessionStore(t.database.db).create(
    sha256(token),
    {
      personId: id,
      csrfToken: csrf,
      data: {},
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    },
    t.clock.now(),
  );
  return { id, email, csrf, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A form POST with the session's cookie and CSRF token. */
export function postForm(
  t: T,
  path: string,
  session: { cookie: string; csrf: string },
  fields: Record<string, string> = {},
) {
  return t.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });
}

/** The session cookie a response set (`name=value`), if any. */
export function cookieFrom(res: Response): string | null {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`));
  const pair = line?.split(';')[0];
  return pair && !pair.endsWith('=') ? pair : null;
}

/** The CSRF token of the first form of a page. */
export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('aucun jeton CSRF dans la page');
  return token;
}
