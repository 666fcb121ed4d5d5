import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn, postForm } from '../../../test/helpers/accounts.js';
import { PIXEL_PNG } from '../../../test/helpers/fixtures.js';
import { testPlatform } from '../../../test/helpers/platform.js';

type T = Awaited<ReturnType<typeof testPlatform>>;
type Session = Awaited<ReturnType<typeof loggedIn>>;

const PROPOSAL = {
  nom: 'Réservation des salles intercommunales',
  probleme: 'Les associations réservent les salles de toutes les communes au même endroit.',
  description: 'Un calendrier partagé par les communes.',
  themes: 'reservation-ressources',
  maturite: 'production',
  adoption: 'saas',
  licence: 'eupl-1.2',
  code_source: 'https://git.example.fr/salles',
  documentation: '',
  site: '',
  cout: 'gratuit',
  cout_precisions: '',
  accessibilite: 'partielle',
  accessibilite_declaration: '',
  securite: '',
  laureats: '',
  mainteneurs: '213801855',
  contact: '1',
};

/** The editorial workflow through the app: propose, submit, refuse with a reason, publish, verify, archive. */
describe('Catalogue editorial workflow over HTTP', () => {
  let t: T;
  let author: Session;
  let other: Session;
  let reviewer: Session;
  let id = '';
  const get = (path: string, who?: Session) =>
    t.request(path, who ? { headers: { cookie: who.cookie } } : undefined);
  /** The outbox's messages of `kind`, by recipient. */
  const mails = async (kind: string) =>
    await t.database.db
      .selectFrom('outbox_message')
      .select(['recipient', 'subject', 'text'])
      .where('kind', '=', kind)
      .orderBy('created_at')
      .execute();
  /** What the site's search (`/recherche`) lists for these words. */
  const siteSearch = async (words: string) =>
    await (await get(`/recherche?q=${encodeURIComponent(words)}&type=solution`)).text();
  const status = async () =>
    await t.database.db
      .selectFrom('solution')
      .select(['status', 'verified', 'refusal_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  before(async () => {
    t = await testPlatform('sqlite');
    await t.territories.ensureLoaded();
    author = await loggedIn(t, { email: 'autrice@grenoble.example.fr' });
    other = await loggedIn(t, { email: 'autre@grenoble.example.fr' });
    reviewer = await loggedIn(t, {
      email: 'relecture@numerique.example.gouv.fr',
      roles: [['operateur', 'dispositif:axe-1']],
    });
  });
  after(() => t?.close());

  it('a proposal with errors comes back with each error on its field and nothing lost', async () => {
    const res = await postForm(t, '/catalogue/proposer', author, {
      ...PROPOSAL,
      nom: '',
      themes: '',
      code_source: 'ftp://x',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Le formulaire contient 3 erreurs/);
    assert.match(html, /Saisissez le nom/);
    assert.match(html, /Choisissez au moins un thème/);
    assert.match(html, /commençant par https:\/\//);
    assert.match(html, /Les associations réservent les salles de toutes les communes/);
  });

  it('an agent proposes a draft, seen only by its author, référents and reviewers', async () => {
    const res = await postForm(t, '/catalogue/proposer', author, PROPOSAL);
    assert.equal(res.status, 303);
    assert.doesNotMatch(
      await siteSearch('associations salles'),
      /catalogue\/solutions/,
      'a draft is not found',
    );
    const location = res.headers.get('location') ?? '';
    id = /\/catalogue\/solutions\/([a-z0-9-]+)\/modifier/.exec(location)?.[1] ?? '';
    assert.equal(id, 'reservation-des-salles-intercommunales');
    assert.equal((await status()).status, 'brouillon');
    assert.equal((await get(`/catalogue/solutions/${id}`, author)).status, 200);
    assert.equal((await get(`/catalogue/solutions/${id}`, reviewer)).status, 200);
    assert.equal((await get(`/catalogue/solutions/${id}`)).status, 404);
    assert.equal((await get(`/catalogue/solutions/${id}`, other)).status, 404);
    assert.equal((await get(`/catalogue/solutions/${id}/modifier`, other)).status, 403);
    const maintainer = await t.database.db
      .selectFrom('solution_maintainer')
      .selectAll()
      .where('solution_id', '=', id)
      .execute();
    assert.equal(maintainer[0]?.name, 'Commune de Grenoble');
  });

  it('the author adds a screenshot with its alternative text (both required, the image checked)', async () => {
    const upload = (file: Blob | null, alt: string) => {
      const form = new FormData();
      form.set('_csrf', author.csrf);
      form.set('alternative', alt);
      if (file) form.set('capture', file, 'capture.png');
      return t.request(`/catalogue/solutions/${id}/captures`, {
        method: 'POST',
        headers: { cookie: author.cookie },
        body: form,
      });
    };
    const noAlt = await upload(new Blob([PIXEL_PNG], { type: 'image/png' }), '');
    assert.equal(noAlt.status, 400);
    assert.match(await noAlt.text(), /Décrivez ce que montre l’image/);
    const notImage = await upload(new Blob(['<script>'], { type: 'image/png' }), 'Une image');
    assert.equal(notImage.status, 400);
    assert.match(await notImage.text(), /PNG, JPEG ou WebP/);
    assert.equal(
      (await upload(new Blob([PIXEL_PNG], { type: 'image/png' }), 'Le calendrier des salles')).status,
      303,
    );
    const page = await (await get(`/catalogue/solutions/${id}`, author)).text();
    const src = /<img[^>]+src="([^"]+)"[^>]+alt="Le calendrier des salles"/.exec(page)?.[1];
    assert.ok(src);
    const image = await get(src, author);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), PIXEL_PNG);
    // A second one, taken back: it leaves the page and the storage.
    assert.equal((await upload(new Blob([PIXEL_PNG], { type: 'image/png' }), 'Une vue retirée')).status, 303);
    const shots = await t.database.db
      .selectFrom('solution_screenshot')
      .select(['id', 'storage_key', 'alt_text'])
      .where('solution_id', '=', id)
      .execute();
    const second = shots.find((s) => s.alt_text === 'Une vue retirée');
    assert.ok(second && (await t.storage.has(second.storage_key)));
    const removed = await postForm(t, `/catalogue/solutions/${id}/captures/${second.id}/retirer`, author, {});
    assert.equal(removed.status, 303);
    assert.equal(await t.storage.has(second.storage_key), false, 'the file is deleted');
    assert.doesNotMatch(await (await get(`/catalogue/solutions/${id}`, author)).text(), /Une vue retirée/);
  });

  it('the author submits; then only référents and reviewers edit it', async () => {
    assert.equal(
      (await postForm(t, `/catalogue/solutions/${id}/etat`, other, { transition: 'soumettre' })).status,
      403,
    );
    assert.equal(
      (await postForm(t, `/catalogue/solutions/${id}/etat`, author, { transition: 'soumettre' })).status,
      303,
    );
    assert.equal((await status()).status, 'soumise');
    // The reviewers are told, with the page to review; the author is not told of their own step.
    const toReview = await mails('catalogue-a-relire');
    assert.deepEqual(
      toReview.map((m) => m.recipient),
      [reviewer.email],
    );
    assert.equal(toReview[0]?.subject, '[Catalogue] À relire : Réservation des salles intercommunales');
    assert.match(toReview[0]?.text ?? '', new RegExp(`/catalogue/solutions/${id}`));
    assert.equal((await get(`/catalogue/solutions/${id}/modifier`, author)).status, 403);
    const queue = await (await get('/admin/catalogue', reviewer)).text();
    assert.match(queue, /Réservation des salles intercommunales/);
    assert.equal((await get('/admin/catalogue', author)).status, 403);
  });

  it('a refusal needs a reason, kept in the history and shown to the author', async () => {
    const path = `/admin/catalogue/solutions/${id}/etat`;
    assert.equal(
      (await postForm(t, path, author, { transition: 'refuser', 'motif-refuser': 'x' })).status,
      403,
    );
    const empty = await postForm(t, path, reviewer, { transition: 'refuser', 'motif-refuser': ' ' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Indiquez le motif/);
    assert.equal((await status()).status, 'soumise');
    const refused = await postForm(t, path, reviewer, {
      transition: 'refuser',
      'motif-refuser': 'Le lien du code source ne répond pas.',
    });
    assert.equal(refused.status, 303);
    assert.deepEqual(await status(), {
      status: 'brouillon',
      verified: 0,
      refusal_reason: 'Le lien du code source ne répond pas.',
    });
    assert.match(
      await (await get('/catalogue/mes-solutions', author)).text(),
      /Le lien du code source ne répond pas/,
    );
    const refusals = await mails('catalogue-refusee');
    assert.deepEqual(
      refusals.map((m) => m.recipient),
      [author.email],
    );
    assert.match(refusals[0]?.text ?? '', /Motif : Le lien du code source ne répond pas\./);
    assert.equal((await postForm(t, path, reviewer, { transition: 'publier' })).status, 409);
  });

  it('published, it is public and its author becomes its référent; « vérifié » is lost when a référent edits', async () => {
    await postForm(t, `/catalogue/solutions/${id}/etat`, author, { transition: 'soumettre' });
    assert.equal(
      (await postForm(t, `/admin/catalogue/solutions/${id}/etat`, reviewer, { transition: 'publier' }))
        .status,
      303,
    );
    assert.equal((await status()).status, 'publiee');
    assert.equal((await get(`/catalogue/solutions/${id}`)).status, 200);
    assert.deepEqual(
      (await mails('catalogue-publiee')).map((m) => [m.recipient, m.subject]),
      [[author.email, '[Catalogue] Votre solution est publiée : Réservation des salles intercommunales']],
    );
    assert.equal((await mails('catalogue-a-relire')).length, 2, 'the second submission was announced too');
    // Published, it is found by the site's search, as a solution of the catalogue.
    const found = await siteSearch('associations salles');
    assert.match(found, new RegExp(`href="/catalogue/solutions/${id}"`));
    assert.match(found, /Solution du catalogue/);
    const grant = await t.database.db
      .selectFrom('role_grant')
      .select('scope')
      .where('person_id', '=', author.id)
      .where('role', '=', 'referent')
      .executeTakeFirst();
    assert.equal(grant?.scope, `solution:${id}`);
    assert.equal(
      (await postForm(t, `/admin/catalogue/solutions/${id}/verification`, reviewer, { verifiee: '1' }))
        .status,
      303,
    );
    assert.equal((await status()).verified, 1);
    assert.match(
      await (await get(`/catalogue/solutions/${id}`)).text(),
      /Informations vérifiées par le programme/,
    );
    const edited = await postForm(t, `/catalogue/solutions/${id}/modifier`, author, {
      ...PROPOSAL,
      probleme: 'Autre texte.',
    });
    assert.equal(edited.status, 303);
    assert.equal((await status()).verified, 0);
    assert.match(await siteSearch('Autre texte'), new RegExp(`href="/catalogue/solutions/${id}"`));
    assert.match(
      await (await get(`/catalogue/solutions/${id}`)).text(),
      /Informations déclarées par l’équipe/,
    );
  });

  it('a reviewer who submits their own proposal is not told of it; a step taken twice counts once', async () => {
    const own = await postForm(t, '/catalogue/proposer', reviewer, {
      ...PROPOSAL,
      nom: 'Registre des arrêtés',
    });
    assert.equal(own.status, 303);
    const ownId = /\/catalogue\/solutions\/([a-z0-9-]+)\/modifier/.exec(
      own.headers.get('location') ?? '',
    )?.[1];
    assert.ok(ownId);
    const submit = () =>
      postForm(t, `/catalogue/solutions/${ownId}/etat`, reviewer, { transition: 'soumettre' });
    assert.equal((await submit()).status, 303);
    const again = await submit();
    assert.equal(again.status, 400, 'already submitted');
    assert.match(await again.text(), /Cette étape n’est plus possible/);
    const toReview = (await mails('catalogue-a-relire')).filter((m) =>
      m.subject.includes('Registre des arrêtés'),
    );
    assert.deepEqual(toReview, [], 'the only reviewer is the one who submitted');
    const history = await t.database.db
      .selectFrom('solution_event')
      .select('action')
      .where('solution_id', '=', ownId)
      .where('action', '=', 'soumettre')
      .execute();
    assert.equal(history.length, 1);
  });

  it('a référent archives it with a reason; every step is in the audit log', async () => {
    const path = `/catalogue/solutions/${id}/etat`;
    assert.equal((await postForm(t, path, author, { transition: 'archiver' })).status, 400);
    assert.equal(
      (
        await postForm(t, path, author, {
          transition: 'archiver',
          'motif-archiver': 'Remplacée par une autre.',
        })
      ).status,
      303,
    );
    assert.equal((await status()).status, 'archivee');
    assert.equal((await get(`/catalogue/solutions/${id}`)).status, 404);
    assert.doesNotMatch(await siteSearch('associations salles'), new RegExp(`/catalogue/solutions/${id}`));
    const actions = (
      await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', id).execute()
    ).map((a) => a.action);
    for (const action of [
      'catalogue:proposition',
      'catalogue:capture-ajoutee',
      'catalogue:soumettre',
      'catalogue:refuser',
      'catalogue:publier',
      'catalogue:referent-auteur',
      'catalogue:verification',
      'catalogue:modification',
      'catalogue:archiver',
    ]) {
      assert.ok(actions.includes(action), action);
    }
    const history = await t.database.db
      .selectFrom('solution_event')
      .select(['action', 'reason'])
      .where('solution_id', '=', id)
      .execute();
    assert.ok(history.some((h) => h.action === 'archiver' && h.reason === 'Remplacée par une autre.'));
  });
});
