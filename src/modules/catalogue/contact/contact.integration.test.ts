import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn, postForm } from '../../../../test/helpers/accounts.js';
import { testPlatform } from '../../../../test/helpers/platform.js';
import { type SmtpCapture, startSmtpCapture } from '../../../../test/helpers/smtp-server.js';
import { createKyselySessionStore } from '../../../adapters/db/session-store.kysely.js';
import { createOutboxWorker, createSmtpMailer } from '../../../adapters/mail/index.js';
import { SESSION_COOKIE } from '../../../platform/http/session.js';
import { randomToken, sha256 } from '../../../shared/hash.js';
import { insertTestCatalogue, testSolution, testUse } from '../testing/factory.js';
import { CONTACT_LIMITS } from './contact.service.js';

type T = Awaited<ReturnType<typeof testPlatform>>;

/** A new live session for a person, at the clock's time. */
async function freshSession(t: T, personId: string) {
  const token = randomToken(32);
  const csrf = randomToken(32);
  await createKyselySessionStore(t.database.db).create(
    sha256(token),
    {
      personId,
      csrfToken: csrf,
      data: {},
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    },
    t.clock.now(),
  );
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}
type Session = Awaited<ReturnType<typeof loggedIn>>;

/** Every address-like string a captured message shows anywhere: its headers, text and HTML. */
function everythingOf(mail: SmtpCapture['received'][number]['mail']): string {
  return [
    ...mail.headerLines.map((h) => h.line),
    mail.text ?? '',
    typeof mail.html === 'string' ? mail.html : '',
  ].join('\n');
}

/**
 * « Mise en relation » through the whole app and a real SMTP server: the messages reach the référents who
 * agreed and only them, one message each; no recipient address reaches the sender, on the page or in the
 * copy; replies go to the sender; a sender is limited; every message is logged and can be reported.
 */
describe('Contacting a team or a user organisation (real SMTP)', () => {
  let t: T;
  let smtp: SmtpCapture;
  let mailer: ReturnType<typeof createSmtpMailer>;
  let sender: Session;
  let team: Session[];
  let silent: Session;
  let userReferent: Session;

  const deliver = async () => {
    const worker = createOutboxWorker({
      db: t.database.db,
      dialect: t.database.dialect,
      mailer,
      clock: t.clock,
    });
    await worker.runOnce();
  };

  before(async () => {
    t = await testPlatform('sqlite');
    smtp = await startSmtpCapture();
    mailer = createSmtpMailer({ url: smtp.url, from: 'catalogue@numerique.example.gouv.fr' });
    await insertTestCatalogue(t.database.db, 'sqlite', {
      solutions: [testSolution({ id: 'salle-sur-demande', name: 'Salle sur demande' })],
      uses: [testUse('salle-sur-demande', 'grenoble'), testUse('salle-sur-demande', 'rennes')],
    });
    sender = await loggedIn(t, { email: 'expediteur@mairie.example.fr' });
    team = [
      await loggedIn(t, {
        email: 'equipe1@isere.example.fr',
        roles: [['referent', 'solution:salle-sur-demande']],
      }),
      await loggedIn(t, {
        email: 'equipe2@isere.example.fr',
        roles: [['referent', 'solution:salle-sur-demande']],
      }),
    ];
    silent = await loggedIn(t, {
      email: 'muet@isere.example.fr',
      roles: [['referent', 'solution:salle-sur-demande']],
    });
    userReferent = await loggedIn(t, {
      email: 'referente@grenoble.example.fr',
      roles: [['referent', 'organisation:213801855']],
    });
    for (const [who, scope] of [
      [team[0]!, 'solution:salle-sur-demande'],
      [team[1]!, 'solution:salle-sur-demande'],
      [userReferent, 'organisation:213801855'],
    ] as const) {
      const res = await postForm(t, '/catalogue/preferences', who, { perimetre: scope, accepter: '1' });
      assert.equal(res.status, 303);
    }
  });
  after(async () => {
    await mailer?.close();
    await smtp?.stop();
    await t?.close();
  });

  it('the form names the audience and counts it, never showing an address', async () => {
    const res = await t.request('/catalogue/solutions/salle-sur-demande/contacter', {
      headers: { cookie: sender.cookie },
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /2 référents recevront/);
    for (const s of [...team, silent, userReferent]) assert.ok(!html.includes(s.email), s.email);
  });

  it('sends one message per agreeing référent, Reply-To the sender, and a copy that names nobody', async () => {
    const before = smtp.received.length;
    const res = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', sender, {
      objet: 'Votre retour d’expérience',
      message: 'Bonjour,\nnous étudions Salle sur demande pour nos 12 salles. Pouvons-nous en parler ?',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/catalogue/solutions/salle-sur-demande?fait=envoye');
    await deliver();
    const received = smtp.received.slice(before);
    assert.equal(received.length, 3);
    const teamAddresses = team.map((s) => s.email);
    for (const address of teamAddresses) {
      const mail = received.find((m) => m.rcptTo.includes(address));
      assert.ok(mail, `${address} a reçu le message`);
      assert.deepEqual(mail.rcptTo, [address]);
      assert.equal(mail.mail.replyTo?.value[0]?.address, sender.email);
      assert.match(mail.mail.text ?? '', /Pouvons-nous en parler/);
      const all = everythingOf(mail.mail);
      for (const other of [...teamAddresses, silent.email, userReferent.email].filter((a) => a !== address)) {
        assert.ok(!all.includes(other), `${other} n’apparaît pas dans le message de ${address}`);
      }
    }
    const copy = received.find((m) => m.rcptTo.includes(sender.email));
    assert.ok(copy, 'l’expéditeur reçoit une copie');
    assert.deepEqual(copy.rcptTo, [sender.email]);
    const all = everythingOf(copy.mail);
    for (const address of [...teamAddresses, silent.email]) assert.ok(!all.includes(address), address);
    assert.match(copy.mail.text ?? '', /transmis à l’équipe de « Salle sur demande » \(2 référents\)/);
    assert.ok(!received.some((m) => m.rcptTo.includes(silent.email)), 'sans consentement, pas de message');
  });

  it('writes to a user organisation’s référents; an organisation that does not use it cannot be written to', async () => {
    const before = smtp.received.length;
    const res = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', sender, {
      organisation: '213801855',
      objet: 'Votre usage',
      message: 'Comment l’avez-vous déployée ?',
    });
    assert.equal(res.status, 303);
    await deliver();
    const received = smtp.received.slice(before);
    assert.deepEqual(received.map((m) => m.rcptTo[0]).sort(), [sender.email, userReferent.email].sort());
    const refused = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', sender, {
      organisation: '223800012',
      objet: 'x',
      message: 'y',
    });
    assert.equal(refused.status, 404);
    // Rennes uses it but nobody there agreed: the form says so, and nothing is sent.
    const nobody = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', sender, {
      organisation: '213502388',
      objet: 'x',
      message: 'y',
    });
    assert.equal(nobody.status, 400);
    assert.match(await nobody.text(), /Personne ne peut recevoir ce message/);
  });

  it('logs each message without any address, and its recipients — only they — may report it', async () => {
    const rows = await t.database.db
      .selectFrom('catalogue_contact')
      .selectAll()
      .orderBy('created_at')
      .execute();
    assert.ok(rows.length >= 2);
    const log = JSON.stringify(rows);
    for (const s of [...team, userReferent, sender]) assert.ok(!log.includes(s.email), s.email);
    const first = rows.find((r) => r.kind === 'equipe')!;
    assert.equal(first.recipient_count, 2);
    const page = await t.request(`/catalogue/messages/${first.id}/signaler`, {
      headers: { cookie: team[0]!.cookie },
    });
    assert.equal(page.status, 200);
    const stranger = await t.request(`/catalogue/messages/${first.id}/signaler`, {
      headers: { cookie: userReferent.cookie },
    });
    assert.equal(stranger.status, 404);
    const empty = await postForm(t, `/catalogue/messages/${first.id}/signaler`, team[0]!, { motif: '  ' });
    assert.equal(empty.status, 400);
    const moderator = await loggedIn(t, {
      email: 'moderation@numerique.example.gouv.fr',
      roles: ['operateur'],
    });
    const before = smtp.received.length;
    const reported = await postForm(t, `/catalogue/messages/${first.id}/signaler`, team[0]!, {
      motif: 'Démarchage commercial',
    });
    assert.equal(reported.status, 303);
    // The moderators are told, by e-mail, with the reason and the moderation page; the reporter's address
    // is not in it, and nobody else gets it.
    await deliver();
    const notices = smtp.received.slice(before);
    assert.deepEqual(
      notices.map((m) => m.rcptTo),
      [[moderator.email]],
    );
    const notice = notices[0]!.mail;
    assert.equal(notice.subject, '[Catalogue] Nouveau signalement : Salle sur demande');
    assert.match(notice.text ?? '', /un message reçu au sujet de la solution « Salle sur demande »/);
    assert.match(notice.text ?? '', /Motif : Démarchage commercial/);
    assert.match(notice.text ?? '', /\/admin\/catalogue\/signalements/);
    assert.ok(!(notice.text ?? '').includes(team[0]!.email));
    const list = await (
      await t.request('/admin/catalogue/signalements', { headers: { cookie: moderator.cookie } })
    ).text();
    assert.match(list, /Démarchage commercial/);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', 'like', 'catalogue:%')
      .execute();
    assert.ok(audit.some((a) => a.action === 'catalogue:message'));
    assert.ok(audit.some((a) => a.action === 'catalogue:signalement'));
    for (const a of audit) for (const s of [...team, userReferent]) assert.ok(!a.details.includes(s.email));
  });

  it('refuses an empty message on its fields, and asks a visitor to log in first', async () => {
    const res = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', sender, {
      objet: '',
      message: '',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Saisissez l’objet de votre message/);
    assert.match(
      html,
      /id="champ-objet"[^>]*aria-describedby="champ-objet-erreur"|aria-describedby="champ-objet-erreur"/,
    );
    const visitor = await t.request('/catalogue/solutions/salle-sur-demande/contacter');
    assert.equal(visitor.status, 303);
    assert.match(visitor.headers.get('location') ?? '', /^\/connexion\?retour=/);
  });
  it(`limits a sender to ${CONTACT_LIMITS.perHour} messages an hour, keeping what they typed`, async () => {
    const busy = await loggedIn(t, { email: 'presse@example.fr' });
    for (let i = 0; i < CONTACT_LIMITS.perHour; i++) {
      const ok = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', busy, {
        objet: `Message ${i}`,
        message: 'Bonjour',
      });
      assert.equal(ok.status, 303, `message ${i}`);
    }
    const refused = await postForm(t, '/catalogue/solutions/salle-sur-demande/contacter', busy, {
      objet: 'Encore un',
      message: 'Texte à garder',
    });
    assert.equal(refused.status, 429);
    const html = await refused.text();
    assert.match(html, /beaucoup de messages récemment/);
    assert.match(html, /Texte à garder/);
    // An hour later, they may write again (with a new session: the first one lasted an hour).
    t.clock.set(new Date(t.clock.now().getTime() + 61 * 60_000));
    const later = await postForm(
      t,
      '/catalogue/solutions/salle-sur-demande/contacter',
      await freshSession(t, busy.id),
      {
        objet: 'Plus tard',
        message: 'Bonjour',
      },
    );
    assert.equal(later.status, 303);
  });
});
