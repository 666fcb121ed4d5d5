/**
 * The meetings module's routes in the events' standalone test app (sessions, CSRF, accounts, CSP, error
 * pages), on a fresh database, with what HTTP tests need: a visitor's session, following links from e-mails.
 */
import assert from 'node:assert/strict';
import type { Dialect } from '../../../adapters/db/connect.js';
import {
  type StandaloneEventsApp,
  standaloneEventsApp,
  type TestSession,
} from '../../events/testing/standalone-events-app.js';
import { createMeetingsModule } from '../index.js';

export const TEST_PUBLIC_URL = 'http://localhost:3000';

/**
 * @example
 * const t = await meetingsTestApp({ database: freshDatabase, now: '2023-01-10T10:00:00.000Z' });
 */
export async function meetingsTestApp(options: {
  database: Parameters<typeof standaloneEventsApp>[0]['database'];
  dialect?: Dialect;
  now?: string;
}) {
  const t = await standaloneEventsApp({
    database: options.database,
    dialect: options.dialect,
    now: options.now ?? '2023-01-10T10:00:00.000Z',
    navigation: [{ label: 'Rencontres', href: '/rencontres' }],
    routes: (ctx) =>
      createMeetingsModule({
        ...ctx,
        publicUrl: TEST_PUBLIC_URL,
        // Neither is used by the module's routes.
        storage: undefined as never,
        territories: undefined as never,
        audit: ctx.audit,
      }).routes,
  });
  return {
    ...t,
    /** A visitor's session, made by a page that renders a form: the cookie and CSRF token. */
    async visitor(path: string): Promise<TestSession> {
      const res = await t.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      assert.ok(cookie && csrf, `${path} sets a session and renders a form`);
      return { id: '', email: '', cookie, csrf };
    },
    /** The links of the last e-mail of `kind` sent to `to` (paths, without the public address). */
    async linksIn(to: string, kind: string): Promise<string[]> {
      const mail = await t.db
        .selectFrom('outbox_message')
        .select('text')
        .where('recipient', '=', to)
        .where('kind', '=', kind)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      assert.ok(mail, `a « ${kind} » e-mail to ${to}`);
      return [...mail.text.matchAll(/http:\/\/localhost:3000(\/rencontres\/[a-z]+\/[A-Za-z0-9_-]{43})/g)].map(
        (m) => m[1]!,
      );
    },
    /** GET with a session's cookie. */
    get(path: string, session?: TestSession) {
      return t.request(path, { headers: session ? { cookie: session.cookie } : {} });
    },
  };
}

export type MeetingsTestApp = Awaited<ReturnType<typeof meetingsTestApp>>;
export type { StandaloneEventsApp, TestSession };
