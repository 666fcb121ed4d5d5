import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connectDatabase, type Dialect } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrations/index.js';
import { createKyselyOutbox } from '../../src/adapters/mail/index.js';
import { registerParticipant } from '../../src/modules/events/registration/index.js';
import { createEvent, openAt, participant } from '../../src/modules/events/registration/testing/factory.js';
import { outboxMailsTo } from '../../src/modules/events/registration/testing/mails.js';
import { createTerritoriesModule } from '../../src/modules/territories/index.js';
import { systemClock } from '../../src/ports/clock.js';
import { dialects, freshDatabase } from '../helpers/database.js';
import { type AppProcess, addressOf, httpFrom, startAppProcess } from '../support/app-process.js';

const DAY = 86_400_000;
const EVENT = 'ruee-deux-processus';
const WORKSHOP_EVENT = 'ruee-atelier-deux-processus';
const WORKSHOP = 'ruee-atelier';
const CAPACITY = 100;
const ALREADY = 50;
const RUSH = 500;
/** People who send their form twice at once, once to each process (a double click behind a load balancer). */
const TWICE = 20;

/** Runs `work` for 0…n-1, at most `limit` at a time, keeping the order of the results. */
async function mapLimit<T>(n: number, limit: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await work(i);
    }
  });
  await Promise.all(lanes);
  return out;
}

/**
 * « The last seat » across processes: two real app processes (`src/main.ts`) over the same database —
 * PostgreSQL, then one SQLite file in WAL mode — and 500 people, each from their own address, who opened the
 * form on one process and send it at the same moment to the other, for the last 50 seats of 100.
 */
for (const dialect of dialects) {
  describe(`The last 50 seats, two app processes on ${dialect}`, () => {
    let dir: string;
    let database: { db: ReturnType<typeof connectDatabase>['db']; close(): Promise<void> };
    let apps: AppProcess[] = [];
    /** The rush's people: their session cookie, CSRF token and form key. */
    let people: Array<{ cookie: string; csrf: string; cle: string; body: string }> = [];

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'nt-deux-processus-'));
      let url: string;
      if (dialect === 'sqlite') {
        url = `sqlite:${join(dir, 'nt.sqlite')}`;
        database = connectDatabase(url);
        await migrateToLatest(database.db, 'sqlite');
      } else {
        const fresh = await freshDatabase('postgres');
        url = fresh.url;
        database = fresh;
      }
      await createTerritoriesModule({ db: database.db, clock: systemClock }).ensureLoaded();
      const now = Date.now();
      await createEvent(database.db, {
        id: EVENT,
        capacity_total: CAPACITY,
        remote: 0,
        ...openAt(now),
      });
      const deps = {
        db: database.db,
        dialect: dialect as Dialect,
        outbox: createKyselyOutbox({ clock: systemClock }),
        clock: systemClock,
        publicUrl: 'http://127.0.0.1',
      };
      for (let i = 0; i < ALREADY; i++)
        await registerParticipant(deps, participant(EVENT, `deja-${i}`), `cle-deja-${i}`);
      // A second event, without a capacity of its own, whose workshop has 100 seats, 50 of them taken.
      await createEvent(database.db, {
        id: WORKSHOP_EVENT,
        remote: 0,
        ...openAt(now),
        sessions: [{ id: WORKSHOP, capacity: CAPACITY, startsAt: new Date(now + 30 * DAY).toISOString() }],
      });
      for (let i = 0; i < ALREADY; i++)
        await registerParticipant(
          deps,
          participant(WORKSHOP_EVENT, `deja-${i}`, { sessionIds: [WORKSHOP] }),
          `cle-atelier-deja-${i}`,
        );
      apps = await Promise.all([
        startAppProcess({ databaseUrl: url, dir }),
        startAppProcess({ databaseUrl: url, dir }),
      ]);
    });
    after(async () => {
      await Promise.all(apps.map((a) => a.stop()));
      await database?.close();
      await rm(dir, { recursive: true, force: true });
    });

    test('500 registrations at once over both processes: 50 confirmed, 450 waiting, no duplicate', async () => {
      assert.notEqual(apps[0]?.pid, apps[1]?.pid);
      const form = (app: AppProcess) => `${app.origin}/evenements/${EVENT}/inscription`;
      // Each person opens the form on one process…
      people = await mapLimit(RUSH, 100, async (i) => {
        const page = await httpFrom(addressOf(i), form(apps[i % 2]!));
        assert.equal(page.status, 200, `formulaire ${i}`);
        const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0] ?? '';
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const cle = /name="cle" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        assert.ok(cookie && csrf && cle, `session, jeton et clé du formulaire ${i}`);
        const body = new URLSearchParams({
          _csrf: csrf,
          cle,
          profil: 'service-deconcentre',
          prenom: 'Camille',
          nom: `Ruée ${i}`,
          email: `ruee.${i}@example.fr`,
          organisation: 'Préfecture de l’Isère',
          mode: 'presentiel',
        }).toString();
        return { cookie, csrf, cle, body };
      });
      // … and sends it, all at the same moment, to the other one (the first 20 to both).
      const sends = people.flatMap((_, i) =>
        (i < TWICE ? [i, i] : [i]).map((p, k) => ({ p, app: apps[(i + 1 + k) % 2]! })),
      );
      const started = performance.now();
      const answers = await Promise.all(
        sends.map(({ p, app }) =>
          httpFrom(addressOf(p), form(app), {
            method: 'POST',
            headers: {
              cookie: people[p]!.cookie,
              origin: app.origin,
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: people[p]!.body,
          }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const [n, answer] of answers.entries()) {
        const { p } = sends[n]!;
        assert.equal(answer.status, 303, `envoi ${n} (personne ${p}) : ${answer.body.slice(0, 300)}`);
        assert.equal(
          answer.headers.location,
          `/evenements/${EVENT}/inscription/resultat?cle=${encodeURIComponent(people[p]!.cle)}`,
        );
      }

      const rows = await database.db
        .selectFrom('registration')
        .select(['id', 'email', 'status'])
        .where('event_id', '=', EVENT)
        .execute();
      const rush = rows.filter((r) => r.email.startsWith('ruee.'));
      const tally = (list: typeof rows) => {
        const t: Record<string, number> = {};
        for (const r of list) t[r.status] = (t[r.status] ?? 0) + 1;
        return t;
      };
      assert.deepEqual(tally(rows), { confirmee: CAPACITY, attente: RUSH - (CAPACITY - ALREADY) });
      assert.deepEqual(tally(rush), { confirmee: CAPACITY - ALREADY, attente: RUSH - (CAPACITY - ALREADY) });
      const expectedEmails = Array.from({ length: RUSH }, (_, i) => `ruee.${i}@example.fr`).sort();
      assert.deepEqual(rush.map((r) => r.email).sort(), expectedEmails, 'each person exactly once');

      // Each person's stored answer (what their result page shows) is their registration as it stands.
      const keys = await database.db
        .selectFrom('idempotency_key')
        .select(['key', 'response'])
        .where('scope', '=', `inscription:${EVENT}`)
        .execute();
      const answerOf = new Map(keys.map((k) => [k.key, JSON.parse(k.response ?? '{}')]));
      const byEmail = new Map(rush.map((r) => [r.email, r]));
      for (const [i, person] of people.entries()) {
        const stored = answerOf.get(person.cle);
        const row = byEmail.get(`ruee.${i}@example.fr`);
        assert.deepEqual([stored?.registrationId, stored?.status], [row?.id, row?.status], `réponse ${i}`);
      }
      // One e-mail per person, saying what happened to them: never two, never the wrong one.
      const mails = await database.db
        .selectFrom('outbox_message')
        .select(['recipient', 'kind'])
        .where('recipient', 'like', 'ruee.%')
        .execute();
      assert.equal(mails.length, RUSH);
      for (const mail of mails) {
        const status = byEmail.get(mail.recipient)?.status;
        const kind = status === 'confirmee' ? 'inscription-confirmee' : 'inscription-liste-attente';
        assert.equal(mail.kind, kind, mail.recipient);
      }
      // The result page, on either process, says the same.
      const first = people[0]!;
      for (const app of apps) {
        const page = await httpFrom(
          addressOf(0),
          `${form(app)}/resultat?cle=${encodeURIComponent(first.cle)}`,
          {
            headers: { cookie: first.cookie },
          },
        );
        assert.equal(page.status, 200);
        const expected =
          byEmail.get('ruee.0@example.fr')?.status === 'confirmee'
            ? 'Votre inscription est confirmée'
            : 'Vous êtes sur la liste d’attente';
        assert.match(page.body, new RegExp(`<h1>${expected}</h1>`));
      }
      console.log(`# ${dialect} : ${sends.length} envois en ${seconds.toFixed(2)} s`);
    });

    test('20 cancellations sent twice, to both processes at once: each counted once, 20 offers in order', async () => {
      const rows = await database.db
        .selectFrom('registration')
        .select(['id', 'email', 'status'])
        .where('event_id', '=', EVENT)
        .where('email', 'like', 'ruee.%')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const leaving = rows.filter((r) => r.status === 'confirmee').slice(0, 20);
      const firstWaiting = rows.filter((r) => r.status === 'attente').slice(0, 20);
      assert.equal(leaving.length, 20);
      // Each leaver's link, from the confirmation they were sent.
      const links = await Promise.all(
        leaving.map(async (r) => {
          const mails = await outboxMailsTo(database.db, r.email);
          const confirmation = mails.find((m) => m.kind === 'inscription-confirmee');
          return [r.email, /\/inscriptions\/([A-Za-z0-9_-]+)/.exec(confirmation?.text ?? '')?.[1]] as const;
        }),
      );
      const tokenOf = new Map(links);
      const sends = leaving.flatMap((r) => {
        const i = Number(/ruee\.(\d+)@/.exec(r.email)?.[1]);
        const token = tokenOf.get(r.email);
        assert.ok(token, `lien de ${r.email}`);
        return apps.map((app) => ({
          i,
          url: `${app.origin}/inscriptions/${token}/annuler`,
          origin: app.origin,
        }));
      });
      const answers = await Promise.all(
        sends.map(({ i, url, origin }) =>
          httpFrom(addressOf(i), url, {
            method: 'POST',
            headers: {
              cookie: people[i]!.cookie,
              origin,
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: new URLSearchParams({ _csrf: people[i]!.csrf }).toString(),
          }),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        sends.map(() => 303),
      );
      const said = (outcome: string) =>
        answers.filter((a) => String(a.headers.location).endsWith(`?resultat=${outcome}`)).length;
      assert.equal(said('annulee'), 20);
      assert.equal(said('deja-annulee'), 20);

      const counts = await database.db
        .selectFrom('registration')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('event_id', '=', EVENT)
        .groupBy('status')
        .execute();
      assert.deepEqual(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])), {
        confirmee: CAPACITY - 20,
        offre: 20,
        attente: RUSH - (CAPACITY - ALREADY) - 20,
        annulee: 20,
      });
      // First come, first served: the freed seats went to the first 20 of the line, each offered once.
      const offers = await database.db
        .selectFrom('outbox_message')
        .select('recipient')
        .where('kind', '=', 'inscription-offre')
        .execute();
      assert.deepEqual(offers.map((o) => o.recipient).sort(), firstWaiting.map((r) => r.email).sort());
      const cancelMails = await database.db
        .selectFrom('outbox_message')
        .select('recipient')
        .where('kind', '=', 'inscription-annulee')
        .execute();
      assert.deepEqual(cancelMails.map((o) => o.recipient).sort(), leaving.map((r) => r.email).sort());
    });

    test('500 registrations at once for the last 50 seats of a workshop: 50 seats, 450 in its line', async () => {
      const form = (app: AppProcess) => `${app.origin}/evenements/${WORKSHOP_EVENT}/inscription`;
      // The same people, in the same browsers (sessions), open this event's form on one process…
      const keys = await mapLimit(RUSH, 100, async (i) => {
        const page = await httpFrom(addressOf(i), form(apps[i % 2]!), {
          headers: { cookie: people[i]!.cookie },
        });
        assert.equal(page.status, 200, `formulaire ${i}`);
        return /name="cle" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      });
      // … and send it to the other one, all at once, choosing the workshop.
      const answers = await Promise.all(
        keys.map((cle, i) => {
          const app = apps[(i + 1) % 2]!;
          return httpFrom(addressOf(i), form(app), {
            method: 'POST',
            headers: {
              cookie: people[i]!.cookie,
              origin: app.origin,
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: new URLSearchParams({
              _csrf: people[i]!.csrf,
              cle,
              profil: 'service-deconcentre',
              prenom: 'Camille',
              nom: `Ruée ${i}`,
              email: `ruee.${i}@example.fr`,
              organisation: 'Préfecture de l’Isère',
              mode: 'presentiel',
              sessions: WORKSHOP,
            }).toString(),
          });
        }),
      );
      assert.deepEqual(
        answers.map((a, i) => `${i}:${a.status}`),
        answers.map((_, i) => `${i}:303`),
      );
      const rows = await database.db
        .selectFrom('registration')
        .select(['id', 'email', 'status'])
        .where('event_id', '=', WORKSHOP_EVENT)
        .execute();
      assert.equal(rows.length, ALREADY + RUSH);
      assert.equal(new Set(rows.map((r) => r.email)).size, rows.length, 'no one twice');
      assert.ok(
        rows.every((r) => r.status === 'confirmee'),
        'the event itself has room for everyone',
      );
      const seats = await database.db
        .selectFrom('registration_session')
        .select(['registration_id', 'status'])
        .where('session_id', '=', WORKSHOP)
        .execute();
      assert.equal(seats.length, ALREADY + RUSH);
      const held = seats.filter((s) => s.status === 'confirmee').length;
      assert.deepEqual([held, seats.length - held], [CAPACITY, RUSH - (CAPACITY - ALREADY)]);
      assert.ok(seats.every((s) => s.status === 'confirmee' || s.status === 'attente'));
      // What each person was told about the workshop is what they hold.
      const seatOf = new Map(seats.map((s) => [s.registration_id, s.status]));
      const stored = await database.db
        .selectFrom('idempotency_key')
        .select(['key', 'response'])
        .where('key', 'in', keys)
        .execute();
      assert.equal(stored.length, RUSH);
      for (const { response } of stored) {
        const answer = JSON.parse(response ?? '{}');
        assert.deepEqual(answer.sessions, [
          { sessionId: WORKSHOP, status: seatOf.get(answer.registrationId) },
        ]);
      }
    });
  });
}
