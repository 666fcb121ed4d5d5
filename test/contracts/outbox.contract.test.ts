import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { connectDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrations/index.js';
import { createMemoryMailer } from '../../src/adapters/mail/memory.js';
import { claimDue } from '../../src/adapters/mail/outbox/claim.js';
import { createKyselyOutbox } from '../../src/adapters/mail/outbox/outbox.kysely.js';
import { createOutboxAdmin } from '../../src/adapters/mail/outbox/outbox-admin.js';
import {
  createOutboxWorker,
  type OutboxWorkerOptions,
} from '../../src/adapters/mail/outbox/outbox-worker.js';
import { createSmtpMailer } from '../../src/adapters/mail/smtp.js';
import { renderMail } from '../../src/adapters/mail/templates/render-mail.js';
import { fixedClock } from '../../src/ports/clock.js';
import type { Mailer } from '../../src/ports/mailer.js';
import type { OutboxMessage } from '../../src/ports/outbox.js';
import { dialects, freshDatabase } from '../helpers/database.js';
import { type SmtpCapture, startSmtpCapture } from '../helpers/smtp-server.js';

const T0 = '2025-03-12T09:00:00.000Z';
const FROM = '"Numérique & Territoires" <ne-pas-repondre@numerique-territoires.localhost>';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A registration confirmation, as a feature would enqueue it; tests say only what matters to them. */
function message(over: Partial<OutboxMessage> = {}): OutboxMessage {
  const { html, text } = renderMail({
    title: 'Votre inscription est confirmée',
    paragraphs: ['Bonjour Amélie,', 'Votre inscription à « Élus & numérique » est confirmée.'],
    action: { label: 'Voir mon inscription', url: 'https://nt.example/inscriptions/42' },
  });
  return {
    kind: 'inscription-confirmee',
    to: 'amelie.durand@exemple.fr',
    subject: 'Inscription confirmée : « Élus & numérique », à Besançon',
    text,
    html,
    ...over,
  };
}

/** A logger that keeps every line, to prove what never reaches logs. */
function recordingLogger() {
  const lines: unknown[] = [];
  const log = (obj: unknown, msg?: string) => void lines.push([obj, msg]);
  return { lines, logger: { info: log, warn: log, error: log } as unknown as OutboxWorkerOptions['logger'] };
}

for (const dialect of dialects) {
  describe(`Outbox on ${dialect}`, () => {
    let handle: DatabaseHandle & { url: string };
    let smtp: SmtpCapture;
    let mailer: Mailer & { close(): Promise<void> };
    const clock = fixedClock(T0);
    const outbox = createKyselyOutbox({ clock });
    const worker = (over: Partial<OutboxWorkerOptions> = {}) =>
      createOutboxWorker({ db: handle.db, dialect, mailer, clock, ...over });
    const row = (id: string) =>
      handle.db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      handle = await freshDatabase(dialect);
      smtp = await startSmtpCapture();
      mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    });
    after(async () => {
      await mailer.close();
      await smtp.stop();
      await handle.close();
    });
    beforeEach(async () => {
      clock.set(T0);
      smtp.received.length = 0;
      await handle.db.deleteFrom('outbox_message').execute();
    });

    test('a message enqueued in a transaction that rolls back is never sent', async () => {
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await outbox.enqueue(trx, message());
          throw new Error('l’inscription échoue');
        }),
        /l’inscription échoue/,
      );
      assert.deepEqual(await worker().runOnce(), { sent: 0, failed: 0, retried: 0 });
      assert.equal(smtp.received.length, 0);
    });

    test('a message enqueued in a committed transaction is delivered once, as written', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% badge de Amélie\n', 'utf8');
      const id = await handle.db.transaction().execute((trx) =>
        outbox.enqueue(trx, {
          ...message({ replyTo: 'organisation@exemple.fr' }),
          attachments: [
            { filename: 'badge-amélie.pdf', content: pdf, contentType: 'application/pdf' },
            { filename: 'programme.txt', content: 'Accueil à 9 h', contentType: 'text/plain' },
          ],
        }),
      );
      const stored = await row(id);
      assert.match(stored.message_id, /^<[0-9a-f-]{36}@numerique-territoires>$/);
      assert.equal(stored.status, 'en-attente');

      assert.deepEqual(await worker().runOnce(), { sent: 1, failed: 0, retried: 0 });
      assert.deepEqual(await worker().runOnce(), { sent: 0, failed: 0, retried: 0 });
      assert.equal(smtp.received.length, 1);
      const { mail, rcptTo } = smtp.received[0]!;
      assert.deepEqual(rcptTo, ['amelie.durand@exemple.fr']);
      assert.equal(mail.subject, 'Inscription confirmée : « Élus & numérique », à Besançon');
      assert.equal(mail.messageId, stored.message_id);
      assert.equal(mail.replyTo?.value[0]?.address, 'organisation@exemple.fr');
      assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
      assert.match(
        mail.text ?? '',
        /Bonjour Amélie,\n\nVotre inscription à « Élus & numérique » est confirmée\./,
      );
      assert.match(String(mail.html), /<h1[^>]*>Votre inscription est confirmée<\/h1>/);
      assert.deepEqual(
        mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')]),
        [
          ['badge-amélie.pdf', 'application/pdf', pdf.toString('utf8')],
          ['programme.txt', 'text/plain', 'Accueil à 9 h'],
        ],
      );
      const sent = await row(id);
      assert.equal(sent.status, 'envoye');
      assert.equal(sent.sent_at, T0);
      assert.equal(sent.attempts, 1);
      assert.equal(sent.locked_until, null);
    });

    test('a message composed at sending stores its facts, and is written from them, the same on a resend', async () => {
      const composed: unknown[] = [];
      const composers = {
        badge: async (input: unknown) => {
          composed.push(input);
          const { nom } = input as { nom: string };
          return {
            text: `Bonjour ${nom},`,
            html: `<p>Bonjour ${nom},</p>`,
            attachments: [{ filename: 'badge.txt', contentType: 'text/plain', content: `badge de ${nom}` }],
          };
        },
      };
      const { kind, to, subject } = message();
      const envelope = { kind, to, subject };
      const id = await outbox.enqueue(handle.db, {
        ...envelope,
        composedAtSending: { composer: 'badge', input: { nom: 'Amélie' } },
      });
      // What is stored is what the message says, not the message.
      const stored = await row(id);
      assert.deepEqual([stored.text, stored.html, stored.attachments], ['', '', null]);
      assert.deepEqual(JSON.parse(stored.composition ?? ''), { composer: 'badge', input: { nom: 'Amélie' } });
      assert.equal(stored.subject, envelope.subject);
      assert.deepEqual(await worker({ composers }).runOnce(), { sent: 1, failed: 0, retried: 0 });
      assert.ok(await createOutboxAdmin({ db: handle.db, clock }).resend(id));
      assert.deepEqual(await worker({ composers }).runOnce(), { sent: 1, failed: 0, retried: 0 });
      assert.deepEqual(composed, [{ nom: 'Amélie' }, { nom: 'Amélie' }]);
      assert.equal(smtp.received.length, 2);
      for (const { mail } of smtp.received) {
        assert.equal(mail.subject, envelope.subject);
        assert.equal(mail.text?.trim(), 'Bonjour Amélie,');
        assert.deepEqual(
          mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')]),
          [['badge.txt', 'text/plain', 'badge de Amélie']],
        );
      }
    });

    test('a message that no composer writes fails the attempt: it waits, and leaves once one does', async () => {
      const { kind, to, subject } = message();
      const envelope = { kind, to, subject };
      const id = await outbox.enqueue(handle.db, {
        ...envelope,
        composedAtSending: { composer: 'inscription', input: {} },
      });
      assert.deepEqual(await worker().runOnce(), { sent: 0, failed: 0, retried: 1 });
      const waiting = await row(id);
      assert.equal(waiting.status, 'en-attente');
      assert.match(waiting.last_error ?? '', /Aucun outil pour rédiger ce message \(inscription\)/);
      assert.equal(smtp.received.length, 0);
      clock.set(waiting.next_attempt_at);
      const composers = { inscription: async () => ({ text: 'Bonjour', html: '<p>Bonjour</p>' }) };
      assert.deepEqual(await worker({ composers }).runOnce(), { sent: 1, failed: 0, retried: 0 });
      assert.equal(smtp.received.length, 1);
    });

    test('the same dedupe key gives one message, and enqueue returns the first id', async () => {
      const first = await outbox.enqueue(handle.db, message({ dedupeKey: 'inscription:42' }));
      const again = await handle.db
        .transaction()
        .execute((trx) => outbox.enqueue(trx, message({ dedupeKey: 'inscription:42', subject: 'Autre' })));
      const other = await outbox.enqueue(handle.db, message({ dedupeKey: 'inscription:43' }));
      const noKey = [await outbox.enqueue(handle.db, message()), await outbox.enqueue(handle.db, message())];
      assert.equal(again, first);
      assert.notEqual(other, first);
      assert.notEqual(noKey[0], noKey[1]);
      await worker().runOnce();
      assert.equal(smtp.received.length, 4);
      assert.equal(smtp.received.filter((r) => r.mail.subject === 'Autre').length, 0);
    });

    test('enqueueMany: ids in order, a dedupe key already used or repeated answers the first id', async () => {
      const before = await outbox.enqueue(handle.db, message({ dedupeKey: 'lot:1' }));
      const ids = await handle.db
        .transaction()
        .execute((trx) =>
          (outbox.enqueueMany as NonNullable<typeof outbox.enqueueMany>)(trx, [
            message({ dedupeKey: 'lot:1', subject: 'Déjà là' }),
            message({ dedupeKey: 'lot:2', to: 'b@exemple.fr' }),
            message({ dedupeKey: 'lot:2', subject: 'Répété' }),
            message({ to: 'c@exemple.fr' }),
          ]),
        );
      assert.equal(ids.length, 4);
      assert.equal(ids[0], before);
      assert.equal(ids[2], ids[1]);
      assert.equal(new Set(ids).size, 3);
      assert.deepEqual((await row(ids[1] ?? '')).recipient, 'b@exemple.fr');
      await worker().runOnce();
      assert.deepEqual(smtp.received.map((r) => r.rcptTo[0]).sort(), [
        'amelie.durand@exemple.fr',
        'b@exemple.fr',
        'c@exemple.fr',
      ]);
      assert.equal(smtp.received.filter((r) => /Déjà là|Répété/.test(r.mail.subject ?? '')).length, 0);
    });

    test('while the mail server is down, messages wait; once it is back, each is delivered exactly once', async () => {
      const { lines, logger } = recordingLogger();
      await smtp.stop();
      try {
        const ids = [];
        for (let i = 0; i < 3; i++)
          ids.push(await outbox.enqueue(handle.db, message({ to: `p${i}@exemple.fr` })));
        assert.deepEqual(await worker({ logger }).runOnce(), { sent: 0, failed: 0, retried: 3 });
        for (const id of ids) {
          const r = await row(id);
          assert.equal(r.status, 'en-attente');
          assert.equal(r.attempts, 1);
          assert.equal(r.next_attempt_at, at(60_000));
          assert.ok(r.last_error);
        }
        assert.doesNotMatch(JSON.stringify(lines), /exemple\.fr|Élus|Inscription/);
      } finally {
        await smtp.start();
      }
      clock.set(at(30_000));
      assert.equal((await worker().runOnce()).sent, 0, 'pas avant la fin de l’attente');
      clock.set(at(60_000));
      assert.deepEqual(await worker().runOnce(), { sent: 3, failed: 0, retried: 0 });
      assert.equal((await worker().runOnce()).sent, 0);
      assert.deepEqual(smtp.received.map((r) => r.rcptTo[0]).sort(), [
        'p0@exemple.fr',
        'p1@exemple.fr',
        'p2@exemple.fr',
      ]);
      assert.equal(new Set(smtp.received.map((r) => r.mail.messageId)).size, 3);
    });

    test('two workers running together deliver each of 50 messages exactly once', async () => {
      // Two connections, as two worker processes would have: two pools on PostgreSQL, two handles on one SQLite file.
      const dir = dialect === 'sqlite' ? await mkdtemp(join(tmpdir(), 'nt-outbox-')) : null;
      const url = dir ? `sqlite:${join(dir, 'outbox.sqlite')}` : handle.url;
      const [a, b] = [connectDatabase(url), connectDatabase(url)];
      const slow = await startSmtpCapture({ delayMs: 3 });
      const slowMailer = createSmtpMailer({ url: slow.url, from: FROM });
      try {
        if (dir) await migrateToLatest(a.db, 'sqlite');
        for (let i = 0; i < 50; i++) await outbox.enqueue(a.db, message({ to: `p${i}@exemple.fr` }));
        const drain = async (h: DatabaseHandle) => {
          const w = createOutboxWorker({ db: h.db, dialect, mailer: slowMailer, clock, batchSize: 5 });
          let sent = 0;
          for (;;) {
            const r = await w.runOnce();
            if (r.sent + r.failed + r.retried === 0) return sent;
            sent += r.sent;
          }
        };
        const [sentByA, sentByB] = await Promise.all([drain(a), drain(b)]);
        assert.equal(sentByA + sentByB, 50);
        assert.ok(sentByA > 0 && sentByB > 0, `les deux ont travaillé (${sentByA} et ${sentByB})`);
        assert.equal(slow.received.length, 50);
        assert.equal(new Set(slow.received.map((r) => r.mail.messageId)).size, 50);
        assert.equal(new Set(slow.received.map((r) => r.rcptTo[0])).size, 50);
      } finally {
        await slowMailer.close();
        await slow.stop();
        await a.close();
        await b.close();
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    });

    test('claims made at the same instant never share a message', async () => {
      const url = dialect === 'postgres' ? handle.url : null;
      const pools = url ? [connectDatabase(url), connectDatabase(url)] : [handle, handle];
      try {
        for (let i = 0; i < 50; i++) await outbox.enqueue(handle.db, message({ to: `p${i}@exemple.fr` }));
        const now = clock.now();
        const leaseUntil = new Date(now.getTime() + 60_000);
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            claimDue(pools[i % 2]!.db, dialect, {
              now,
              leaseUntil,
              token: `t${i}`,
              limit: 5,
              maxAttempts: 8,
            }),
          ),
        );
        const ids = claims.flat().map((r) => r.id);
        assert.equal(ids.length, 50);
        assert.equal(new Set(ids).size, 50);
      } finally {
        if (url) await Promise.all(pools.map((p) => p.close()));
      }
    });

    test('a message held by a worker that stopped is taken again once its lease expires', async () => {
      let unblock: () => void = () => {};
      const gate = new Promise<void>((r) => (unblock = r));
      const stuck: Mailer = {
        send: async (m) => {
          await gate;
          return { messageId: m.messageId ?? '' };
        },
      };
      const id = await outbox.enqueue(handle.db, message());
      const stuckRun = worker({ mailer: stuck, leaseMs: 60_000 }).runOnce();
      while ((await row(id)).status !== 'envoi') await sleep(2);

      assert.equal((await worker().runOnce()).sent, 0, 'le bail tient');
      clock.set(at(60_000));
      assert.equal((await worker().runOnce()).sent, 1, 'bail expiré : repris');
      assert.equal(smtp.received.length, 1);

      // The stuck worker wakes up: its outcome is fenced off by its lost claim.
      unblock();
      await stuckRun;
      const r = await row(id);
      assert.equal(r.status, 'envoye');
      assert.equal(r.sent_at, at(60_000));
      assert.equal(r.attempts, 2);
    });

    test('a worker whose lease runs out mid-batch hands the rest back untried', async () => {
      for (let i = 0; i < 3; i++) await outbox.enqueue(handle.db, message({ to: `p${i}@exemple.fr` }));
      const memory = createMemoryMailer();
      const slowClock: Mailer = {
        send: async (m) => {
          clock.set(at(61_000));
          return memory.send(m);
        },
      };
      assert.equal((await worker({ mailer: slowClock, leaseMs: 60_000 }).runOnce()).sent, 1);
      const rows = await handle.db
        .selectFrom('outbox_message')
        .selectAll()
        .where('status', '!=', 'envoye')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.status, r.attempts, r.claim_token]),
        [
          ['en-attente', 0, null],
          ['en-attente', 0, null],
        ],
      );
    });

    test('after maxAttempts failures a message is given up, with its last error', async () => {
      const id = await outbox.enqueue(handle.db, message());
      await smtp.stop();
      try {
        assert.deepEqual(await worker({ maxAttempts: 2 }).runOnce(), { sent: 0, failed: 0, retried: 1 });
        clock.set(at(60_000));
        assert.deepEqual(await worker({ maxAttempts: 2 }).runOnce(), { sent: 0, failed: 1, retried: 0 });
      } finally {
        await smtp.start();
      }
      const r = await row(id);
      assert.equal(r.status, 'echec');
      assert.equal(r.attempts, 2);
      assert.ok(r.last_error);
      clock.set(at(24 * 3_600_000));
      assert.equal((await worker({ maxAttempts: 2 }).runOnce()).sent, 0);
      assert.equal(smtp.received.length, 0);
    });

    test('a last attempt that was interrupted is given up, not left in sending', async () => {
      const id = await outbox.enqueue(handle.db, message());
      const stuck: Mailer = { send: () => new Promise(() => {}) };
      void worker({ mailer: stuck, maxAttempts: 1 }).runOnce();
      while ((await row(id)).status !== 'envoi') await sleep(2);
      clock.set(at(60_000));
      assert.deepEqual(await worker({ maxAttempts: 1 }).runOnce(), { sent: 0, failed: 1, retried: 0 });
      assert.equal((await row(id)).status, 'echec');
    });

    test('a permanent refusal (550) is given up at once', async () => {
      const refusing = await startSmtpCapture({ refuseRecipient: (a) => a.startsWith('inconnu') });
      const refusingMailer = createSmtpMailer({ url: refusing.url, from: FROM });
      try {
        const bad = await outbox.enqueue(handle.db, message({ to: 'inconnu@exemple.fr' }));
        await outbox.enqueue(handle.db, message({ to: 'connu@exemple.fr' }));
        assert.deepEqual(await worker({ mailer: refusingMailer }).runOnce(), {
          sent: 1,
          failed: 1,
          retried: 0,
        });
        const r = await row(bad);
        assert.equal(r.status, 'echec');
        assert.match(r.last_error ?? '', /550/);
      } finally {
        await refusingMailer.close();
        await refusing.stop();
      }
    });

    test('organisers list messages, send them again, and old ones are purged', async () => {
      const admin = createOutboxAdmin({ db: handle.db, clock });
      const sentId = await outbox.enqueue(handle.db, message({ to: 'Camille@Exemple.fr' }));
      await worker().runOnce();
      clock.set(at(1_000));
      const failedId = await outbox.enqueue(
        handle.db,
        message({ kind: 'lien-connexion', to: 'dominique@exemple.fr' }),
      );
      await worker({ mailer: { send: () => Promise.reject(new Error('refus')) }, maxAttempts: 1 }).runOnce();

      const all = await admin.listMessages({ limit: 1, offset: 0 });
      assert.equal(all.total, 2);
      assert.deepEqual(
        all.items.map((m) => [m.id, m.status, m.kind]),
        [[failedId, 'echec', 'lien-connexion']],
      );
      const byRecipient = await admin.listMessages({
        recipient: ' camille@exemple.FR',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        byRecipient.items.map((m) => [m.id, m.status, m.sentAt]),
        [[sentId, 'envoye', T0]],
      );
      assert.equal(
        (await admin.listMessages({ status: 'echec', kind: 'inscription-confirmee', limit: 10, offset: 0 }))
          .total,
        0,
      );

      assert.deepEqual(await admin.resend(failedId), { id: failedId, action: 'relance' });
      const copy = await admin.resend(sentId);
      assert.equal(copy?.action, 'copie');
      assert.equal(await admin.resend('inconnu'), null);
      assert.deepEqual(await worker().runOnce(), { sent: 2, failed: 0, retried: 0 });
      const delivered = smtp.received.map((r) => r.mail.messageId);
      assert.ok(delivered.includes((await row(failedId)).message_id), 'relancé avec son Message-ID');
      assert.notEqual((await row(copy!.id)).message_id, (await row(sentId)).message_id);
      assert.equal(new Set(delivered).size, 3, 'la copie a son propre Message-ID');

      clock.set(at(2_000));
      await outbox.enqueue(handle.db, message({ kind: 'abandonne' }));
      await worker({ mailer: { send: () => Promise.reject(new Error('refus')) }, maxAttempts: 1 }).runOnce();
      clock.set(at(2_500));
      const waiting = await outbox.enqueue(handle.db, message({ kind: 'en-attente' }));
      assert.equal(
        await admin.purgeSentBefore(new Date(at(1_000))),
        1,
        'seul le premier envoi est assez ancien',
      );
      assert.equal(await admin.purgeSentBefore(new Date(at(3_000))), 3, 'les envois et l’échec');
      const left = await admin.listMessages({ limit: 10, offset: 0 });
      assert.deepEqual(
        left.items.map((m) => m.id),
        [waiting],
        'un message en attente n’est jamais purgé',
      );
    });

    test('between full batches the worker goes on at once, unless the process is busy: then it waits', async () => {
      const memory = createMemoryMailer();
      for (let i = 0; i < 6; i++) await outbox.enqueue(handle.db, message({ to: `p${i}@exemple.fr` }));
      const timeline = async (busy: boolean) => {
        const w = worker({
          mailer: memory,
          batchSize: 2,
          load: async () => (busy ? 0.95 : 0.1),
          busyPauseMs: 300,
        });
        const before = memory.sent.length;
        const started = performance.now();
        w.start(10_000);
        for (let i = 0; i < 400 && memory.sent.length - before < 6; i++) await sleep(5);
        await w.stop();
        return { sent: memory.sent.length - before, seconds: (performance.now() - started) / 1000 };
      };
      const idle = await timeline(false);
      assert.equal(idle.sent, 6);
      assert.ok(idle.seconds < 0.3, `sans charge, trois lots de suite (${idle.seconds} s)`);
      await handle.db.deleteFrom('outbox_message').execute();
      for (let i = 0; i < 6; i++) await outbox.enqueue(handle.db, message({ to: `q${i}@exemple.fr` }));
      const busy = await timeline(true);
      assert.equal(busy.sent, 6);
      assert.ok(busy.seconds >= 0.6, `occupé, deux pauses de 300 ms entre trois lots (${busy.seconds} s)`);
    });

    test('start sends on its own, and stop waits for the run in progress', async () => {
      const memory = createMemoryMailer();
      const w = worker({ mailer: memory });
      await outbox.enqueue(handle.db, message());
      w.start(5);
      for (let i = 0; i < 400 && memory.sent.length === 0; i++) await sleep(5);
      await w.stop();
      assert.equal(memory.sent.length, 1);
      await outbox.enqueue(handle.db, message());
      await sleep(30);
      assert.equal(memory.sent.length, 1, 'arrêté : plus rien ne part');
    });
  });
}
