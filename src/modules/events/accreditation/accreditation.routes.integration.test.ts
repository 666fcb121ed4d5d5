import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertAccreditation, insertEvent } from '../backoffice/testing/factory.js';
import { type BackofficeTestApp, backofficeTestApp } from '../backoffice/testing/test-app.js';
import { verifyBadge } from '../checkin/badge-token.js';

const EVENT = 'journee-2023';

/** A multipart form as a browser sends it, with the session's cookie and CSRF token. */
function multipart(
  t: BackofficeTestApp,
  path: string,
  session: { cookie: string; csrf: string },
  fields: Record<string, string | File>,
) {
  const form = new FormData();
  form.set('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return t.request(path, { method: 'POST', headers: { cookie: session.cookie }, body: form });
}

const valid = () => ({
  given_name: 'Anne',
  family_name: 'Martin',
  email: 'Anne.Martin@Redaction.fr',
  media: 'Le Quotidien des territoires',
  press_card: '12345',
  cle: randomUUID(),
});

describe('press accreditation over HTTP', () => {
  let t: BackofficeTestApp;
  let visitor: { cookie: string; csrf: string };
  before(async () => {
    t = await backofficeTestApp();
    await insertEvent(t.db, { id: EVENT });
    await insertEvent(t.db, { id: 'brouillon', status: 'brouillon' });
    // A contact account stands for a visitor's session: what matters is the cookie and its CSRF token.
    visitor = await t.signIn({ kind: 'contact' });
  });
  after(() => t.close());

  it('shows the form with its privacy notice and an idempotency key, and hides drafts', async () => {
    const res = await t.request(`/evenements/${EVENT}/accreditation`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Demande d’accréditation presse<\/h1>/);
    assert.match(html, /Vos données personnelles/);
    assert.match(html, /supprimées 6 mois après l’événement/);
    assert.match(html, /name="cle" value="[0-9a-f-]{36}"/);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.equal((await t.request('/evenements/brouillon/accreditation')).status, 404);
    assert.equal((await t.request('/evenements/inconnu/accreditation')).status, 404);
  });

  it('answers bad input with French errors on the fields, keeping what was typed', async () => {
    const res = await multipart(t, `/evenements/${EVENT}/accreditation`, visitor, {
      ...valid(),
      given_name: '',
      email: 'pas-une-adresse',
      press_card: '<script>',
      piece: new File(['MZ\x90\x00 exécutable'], 'carte.pdf', { type: 'application/pdf' }),
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Saisissez votre prénom\./);
    assert.match(html, /Saisissez une adresse électronique valide/);
    assert.match(html, /ne contient que des chiffres/);
    assert.match(html, /Le fichier doit être un PDF, une image JPEG ou une image PNG\./);
    assert.match(html, /value="Martin"/);
    assert.match(html, /aria-describedby="champ-email-aide champ-email-erreur"/);
    assert.match(html, /<title>Erreur — /);
    assert.equal((await t.db.selectFrom('press_accreditation').selectAll().execute()).length, 0);
  });

  it('records a request once, stores the sniffed attachment, acknowledges it by e-mail, and replays the first answer', async () => {
    const fields = { ...valid(), piece: new File(['%PDF-1.4\ncarte de presse'], 'carte.pdf') };
    const first = await multipart(t, `/evenements/${EVENT}/accreditation`, visitor, fields);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), `/evenements/${EVENT}/accreditation/envoyee`);
    const replay = await multipart(t, `/evenements/${EVENT}/accreditation`, visitor, fields);
    assert.equal(replay.status, 303);
    const rows = await t.db.selectFrom('press_accreditation').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.email, 'anne.martin@redaction.fr');
    assert.equal(rows[0]?.full_name, 'Anne Martin');
    assert.match(rows[0]?.attachment_key ?? '', /\.pdf$/);
    const mails = await t.db.selectFrom('outbox_message').select(['kind', 'recipient']).execute();
    assert.deepEqual(mails, [{ kind: 'accreditation-demandee', recipient: 'anne.martin@redaction.fr' }]);
    const sent = await t.request(`/evenements/${EVENT}/accreditation/envoyee`);
    assert.match(await sent.text(), /Demande d’accréditation envoyée/);
    // A new form (new key) for the same address: a clear answer on the e-mail field, nothing recorded.
    const again = await multipart(t, `/evenements/${EVENT}/accreditation`, visitor, { ...valid() });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /déjà enregistrée pour cette adresse/);
    assert.equal((await t.db.selectFrom('press_accreditation').selectAll().execute()).length, 1);
  });

  it('never answers bad input with a 500: no key, garbage body, forged CSRF', async () => {
    const noKey = await multipart(t, `/evenements/${EVENT}/accreditation`, visitor, { ...valid(), cle: 'x' });
    assert.equal(noKey.status, 400);
    const garbage = await t.request(`/evenements/${EVENT}/accreditation`, {
      method: 'POST',
      headers: {
        cookie: visitor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': visitor.csrf,
      },
      body: '%%%&&&=',
    });
    assert.equal(garbage.status, 400);
    const forged = await multipart(
      t,
      `/evenements/${EVENT}/accreditation`,
      { ...visitor, csrf: 'faux' },
      valid(),
    );
    assert.equal(forged.status, 403);
  });

  it('lets only the event’s organisers see, decide and download; a visitor goes to login; accueil is refused', async () => {
    const page = `/organisation/evenements/${EVENT}/accreditations`;
    const anonymous = await t.request(page);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/connexion\?retour=/);
    const accueil = await t.signIn({ roles: [['accueil', `evenement:${EVENT}`]] });
    assert.equal((await t.request(page, { headers: { cookie: accueil.cookie } })).status, 403);
    const otherOrganiser = await t.signIn({ roles: [['organisateur', 'evenement:autre']] });
    assert.equal((await t.request(page, { headers: { cookie: otherOrganiser.cookie } })).status, 403);
    const organiser = await t.signIn({ roles: [['organisateur', `evenement:${EVENT}`]] });
    const res = await t.request(page, { headers: { cookie: organiser.cookie } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Anne Martin/);
    const [row] = await t.db.selectFrom('press_accreditation').select('id').execute();
    const file = await t.request(`${page}/${row?.id}/piece-jointe`, {
      headers: { cookie: organiser.cookie },
    });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await file.text(), /^%PDF-1\.4/);
    assert.equal(
      (await t.request(`${page}/${row?.id}/piece-jointe`, { headers: { cookie: accueil.cookie } })).status,
      403,
    );
  });

  it('refuses only with a reason, accepts once with a PRESSE badge, and a second click changes nothing', async () => {
    const organiser = await t.signIn({ roles: [['organisateur', `evenement:${EVENT}`]] });
    const refused = await insertAccreditation(t.db, { event_id: EVENT, email: 'refus@redaction.fr' });
    const base = `/organisation/evenements/${EVENT}/accreditations`;
    const noReason = await t.postForm(`${base}/${refused.id}/decision`, organiser, {
      decision: 'refuser',
      motif: ' ',
    });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /Indiquez le motif du refus/);
    const ok = await t.postForm(`${base}/${refused.id}/decision`, organiser, {
      decision: 'refuser',
      motif: 'Média hors du champ.',
    });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /fait=refusee/);
    const weird = await t.postForm(`${base}/${refused.id}/decision`, organiser, { decision: 'supprimer' });
    assert.equal(weird.status, 400);
    assert.equal(
      (await t.postForm(`${base}/inconnue/decision`, organiser, { decision: 'accepter' })).status,
      404,
    );

    const [anne] = await t.db
      .selectFrom('press_accreditation')
      .select('id')
      .where('email', '=', 'anne.martin@redaction.fr')
      .execute();
    const accepted = await t.postForm(`${base}/${anne?.id}/decision`, organiser, { decision: 'accepter' });
    assert.match(accepted.headers.get('location') ?? '', /fait=acceptee/);
    const twice = await t.postForm(`${base}/${anne?.id}/decision`, organiser, {
      decision: 'refuser',
      motif: 'Trop tard',
    });
    assert.match(twice.headers.get('location') ?? '', /fait=deja/);
    const row = await t.db
      .selectFrom('press_accreditation')
      .selectAll()
      .where('id', '=', anne!.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'acceptee');
    const registration = await t.db
      .selectFrom('registration')
      .selectAll()
      .where('id', '=', row.registration_id!)
      .executeTakeFirstOrThrow();
    assert.equal(registration.profile, 'presse');
    assert.equal(registration.status, 'confirmee');
    const mails = await t.db
      .selectFrom('outbox_message')
      .select(['kind', 'recipient', 'attachments', 'text'])
      .orderBy('created_at')
      .execute();
    const refusal = mails.find((m) => m.kind === 'accreditation-refusee');
    assert.match(refusal?.text ?? '', /Motif : Média hors du champ\./);
    const acceptance = mails.find((m) => m.kind === 'accreditation-acceptee');
    const attachments = JSON.parse(acceptance?.attachments ?? '[]') as Array<{
      filename: string;
      content: string;
    }>;
    assert.equal(attachments[0]?.filename, 'badge-presse.pdf');
    assert.match(Buffer.from(attachments[0]!.content, 'base64').subarray(0, 5).toString(), /^%PDF-/);
    assert.equal(
      mails.filter((m) => m.kind.startsWith('accreditation-a') || m.kind === 'accreditation-refusee').length,
      2,
    );
    // The badge the organisers print for this journalist verifies and says PRESSE.
    const payload = await t.backoffice.badgeSigner.sign({
      registrationId: registration.id,
      eventId: EVENT,
      name: 'Anne Martin',
      profile: registration.profile,
      mode: registration.mode,
    });
    assert.equal(verifyBadge(payload, await t.backoffice.badgeSigner.publicKey())?.profile, 'presse');
  });

  it('closes the form once the event is over', async () => {
    t.clock.set('2023-01-19T08:00:00.000Z');
    const later = await t.signIn({ kind: 'contact' });
    const res = await t.request(`/evenements/${EVENT}/accreditation`);
    assert.match(await res.text(), /Accréditations closes/);
    const late = await multipart(t, `/evenements/${EVENT}/accreditation`, later, {
      ...valid(),
      email: 'tard@redaction.fr',
    });
    assert.equal(late.status, 409);
    t.clock.set('2022-12-15T10:00:00.000Z');
  });
});
