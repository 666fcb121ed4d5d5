import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cookieFrom, csrfFrom, loggedIn, postForm } from '../../../test/helpers/accounts.js';
import { testPlatform } from '../../../test/helpers/platform.js';

type T = Awaited<ReturnType<typeof testPlatform>>;

/** The login link of the last message queued for an address. */
async function linkSentTo(t: T, email: string): Promise<string | null> {
  const row = await t.database.db
    .selectFrom('outbox_message')
    .select(['text', 'kind'])
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? (/https?:\/\/\S+\/connexion\/lien\/[A-Za-z0-9_-]+/.exec(row.text)?.[0] ?? null) : null;
}

async function requestLink(t: T, email: string) {
  const page = await t.request('/connexion');
  const cookie = cookieFrom(page)!;
  const csrf = csrfFrom(await page.text());
  const res = await postForm(t, '/connexion/lien', { cookie, csrf }, { email });
  return { res, html: await res.text(), cookie, csrf };
}

describe('Login links for people who are not agents', () => {
  let t: T;
  before(async () => {
    t = await testPlatform('sqlite');
  });
  after(() => t.close());

  test('a link is sent through the outbox, asks for a click, logs in once, and never again', async () => {
    const { res, html } = await requestLink(t, 'Journaliste@Example.fr ');
    assert.equal(res.status, 200);
    assert.match(html, /Consultez votre messagerie/);
    const link = await linkSentTo(t, 'journaliste@example.fr');
    assert.ok(link);
    const path = new URL(link).pathname;

    const confirm = await t.request(path);
    assert.equal(confirm.status, 200);
    const cookie = cookieFrom(confirm)!;
    const confirmHtml = await confirm.text();
    assert.match(confirmHtml, /Me connecter/);
    const used = await postForm(t, path, { cookie, csrf: csrfFrom(confirmHtml) });
    assert.equal(used.status, 303);
    assert.equal(used.headers.get('location'), '/mon-compte');
    const session = cookieFrom(used)!;
    assert.notEqual(session, cookie, 'a new session identifier after login');
    const account = await t.request('/mon-compte', { headers: { cookie: session } });
    assert.equal(account.status, 200);
    assert.match(await account.text(), /journaliste@example\.fr/);

    const again = await t.request(path);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /déjà servi/);
    // The session before login was replaced: its form is refused outright (CSRF)…
    assert.equal((await postForm(t, path, { cookie, csrf: csrfFrom(confirmHtml) })).status, 403);
    // …and from the logged-in session, with its own valid token, the used link still gives nothing.
    const accountHtml = await (await t.request('/mon-compte', { headers: { cookie: session } })).text();
    const replay = await postForm(t, path, { cookie: session, csrf: csrfFrom(accountHtml) });
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /déjà servi/);
  });

  test('the answer is the same whether the address is known or not', async () => {
    const known = await requestLink(t, 'journaliste@example.fr');
    const unknown = await requestLink(t, 'inconnu@example.fr');
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    assert.equal(main(known.html), main(unknown.html));
  });

  test('a link expires after 15 minutes', async () => {
    await requestLink(t, 'tardif@example.fr');
    const path = new URL((await linkSentTo(t, 'tardif@example.fr'))!).pathname;
    t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
    const res = await t.request(path);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /a expiré/);
  });

  test('a forged or malformed link gives a clear page and changes nothing', async () => {
    for (const token of ['x', 'A'.repeat(43), '..%2F..%2Fetc', '%00']) {
      const res = await t.request(`/connexion/lien/${token}`);
      assert.equal(res.status, 400, token);
      assert.match(await res.text(), /Lien de connexion inutilisable/);
    }
  });

  test('a bad address gets a French error on its field, the typed value kept, and no mail', async () => {
    const before = await t.database.db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const { res, html } = await requestLink(t, 'pas-une-adresse');
    assert.equal(res.status, 400);
    assert.match(html, /Saisissez une adresse électronique valide/);
    assert.match(html, /value="pas-une-adresse"/);
    assert.match(html, /aria-describedby="champ-email-aide champ-email-erreur"/);
    const after = await t.database.db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('requests are limited per address', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = (await requestLink(t, 'insistant@example.fr')).res;
    assert.equal(last?.status, 429);
  });
});

describe('Roles, administration and « mon compte »', () => {
  let t: T;
  before(async () => {
    t = await testPlatform('sqlite');
  });
  after(() => t.close());

  test('every protected route answers each role as the policy says', async () => {
    const people = {
      contact: await loggedIn(t, { kind: 'contact' }),
      agent: await loggedIn(t),
      operateur: await loggedIn(t, { roles: [['operateur', 'dispositif:axe-2']] }),
      organisateur: await loggedIn(t, { roles: ['organisateur'] }),
      accueil: await loggedIn(t, { kind: 'contact', roles: ['accueil'] }),
      presse: await loggedIn(t, { kind: 'contact', roles: ['presse'] }),
      administrateur: await loggedIn(t, { roles: ['administrateur'] }),
    };
    const someone = people.agent.id;
    const everyone = Object.keys(people);
    const matrix: Array<[string, string[]]> = [
      ['/mon-compte', everyone],
      ['/mon-compte/donnees.json', everyone],
      ['/mon-compte/supprimer', everyone],
      ['/admin', ['operateur', 'organisateur', 'administrateur']],
      ['/admin/personnes', ['administrateur']],
      [`/admin/personnes/${someone}`, ['administrateur']],
      ['/admin/organisations', ['administrateur']],
      ['/admin/journal', ['administrateur']],
    ];
    for (const [path, allowed] of matrix) {
      const visitor = await t.request(path);
      assert.equal(visitor.status, 303, `visiteur ${path}`);
      assert.match(visitor.headers.get('location') ?? '', /^\/connexion\?retour=/);
      for (const [role, session] of Object.entries(people)) {
        const res = await t.request(path, { headers: { cookie: session.cookie } });
        assert.equal(res.status, allowed.includes(role) ? 200 : 403, `${role} ${path}`);
      }
    }
  });

  test('the administration home shows each role the tiles it may open, and only those', async () => {
    const tiles = {
      '/admin/personnes': ['administrateur'],
      '/admin/journal': ['administrateur'],
      '/admin/fonds': ['operateur', 'administrateur'],
      '/admin/catalogue': ['operateur', 'administrateur'],
      '/organisation/evenements': ['organisateur', 'administrateur'],
    };
    for (const role of ['operateur', 'organisateur', 'administrateur'] as const) {
      const who = await loggedIn(t, {
        roles: role === 'operateur' ? [['operateur', 'dispositif:axe-2']] : [role],
      });
      const html = await (await t.request('/admin', { headers: { cookie: who.cookie } })).text();
      const main = html.slice(html.indexOf('<main'));
      for (const [href, allowed] of Object.entries(tiles)) {
        assert.equal(main.includes(`<a href="${href}">`), allowed.includes(role), `${role} ${href}`);
      }
    }
  });

  test('an administrator grants a role (audited), cannot grant it twice, and withdrawing it ends the person’s sessions', async () => {
    const admin = await loggedIn(t, { roles: ['administrateur'] });
    const agent = await loggedIn(t);
    const granted = await postForm(t, `/admin/personnes/${agent.id}/roles`, admin, {
      role: 'referent',
      perimetre: 'organisation:213801855',
    });
    assert.equal(granted.status, 303);
    const twice = await postForm(t, `/admin/personnes/${agent.id}/roles`, admin, {
      role: 'referent',
      perimetre: 'organisation:213801855',
    });
    assert.equal(twice.status, 400);
    assert.match(await twice.text(), /a déjà ce rôle/);
    const badScope = await postForm(t, `/admin/personnes/${agent.id}/roles`, admin, {
      role: 'referent',
      perimetre: 'nimporte',
    });
    assert.equal(badScope.status, 400);
    assert.match(await badScope.text(), /ne convient pas au rôle/);
    const unknownRole = await postForm(t, `/admin/personnes/${agent.id}/roles`, admin, { role: 'roi' });
    assert.equal(unknownRole.status, 400);

    const grants = await t.accounts.repo.liveGrants(agent.id);
    assert.deepEqual(
      grants.map((g) => [g.role, g.scope]),
      [['referent', 'organisation:213801855']],
    );
    assert.equal((await t.request('/mon-compte', { headers: { cookie: agent.cookie } })).status, 200);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    const revoked = await postForm(t, `/admin/personnes/${agent.id}/roles/${grants[0]!.id}/retirer`, admin);
    assert.equal(revoked.status, 303);
    assert.deepEqual(await t.accounts.repo.liveGrants(agent.id), []);
    assert.equal((await t.request('/mon-compte', { headers: { cookie: agent.cookie } })).status, 303);

    const journal = await t.accounts.repo.listAudit({ targetId: agent.id, limit: 10, offset: 0 });
    assert.deepEqual(
      journal.items.map((e) => e.action),
      ['role-retire', 'role-attribue'],
    );
    assert.ok(journal.items.every((e) => e.actorId === admin.id));
    const page = await t.request('/admin/journal', { headers: { cookie: admin.cookie } });
    assert.match(await page.text(), /role-retire/);
  });

  test('an administrator or the organisation’s référent corrects its official name, audited; others may not', async () => {
    const created = await t.territories.organisations.findOrCreate({
      siren: '200000008',
      name: 'Gironde Num',
      kind: 'structure-mutualisation',
    });
    assert.ok(created.ok);
    const admin = await loggedIn(t, { roles: ['administrateur'] });
    const referent = await loggedIn(t, { roles: [['referent', 'organisation:200000008']] });
    const agent = await loggedIn(t);
    assert.equal((await postForm(t, '/admin/organisations/200000008', agent, { nom: 'Pirate' })).status, 403);
    const empty = await postForm(t, '/admin/organisations/200000008', admin, { nom: '   ' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Saisissez le nom officiel/);
    assert.equal(
      (await postForm(t, '/admin/organisations/200000008', admin, { nom: 'Gironde Numérique' })).status,
      303,
    );
    assert.equal(
      (
        await postForm(t, '/admin/organisations/200000008', referent, {
          nom: 'Syndicat mixte Gironde Numérique',
        })
      ).status,
      303,
    );
    assert.equal(
      (await t.territories.organisations.bySiren('200000008'))?.name,
      'Syndicat mixte Gironde Numérique',
    );
    const journal = await t.accounts.repo.listAudit({ targetId: '200000008', limit: 10, offset: 0 });
    assert.equal(journal.total, 2);
    assert.ok(journal.items.every((e) => e.action === 'organisation-renommee'));
    assert.equal((await postForm(t, '/admin/organisations/999999999', admin, { nom: 'X' })).status, 404);
  });

  test('a non-administrator’s form post to the admin is refused and changes nothing', async () => {
    const agent = await loggedIn(t);
    const other = await loggedIn(t);
    const res = await postForm(t, `/admin/personnes/${other.id}/roles`, agent, { role: 'administrateur' });
    assert.equal(res.status, 403);
    assert.deepEqual(await t.accounts.repo.liveGrants(other.id), []);
  });

  test('an agent corrects their organisation by SIREN, with French errors for a bad one', async () => {
    const agent = await loggedIn(t);
    const bad = await postForm(t, '/mon-compte/organisation', agent, { siren: '123 456 789' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /clé de contrôle/);
    assert.match(html, /value="123 456 789"/);
    const short = await postForm(t, '/mon-compte/organisation', agent, { siren: '12' });
    assert.match(await short.text(), /compte 9 chiffres/);
    const ok = await postForm(t, '/mon-compte/organisation', agent, { siren: '200 040 715' });
    assert.equal(ok.status, 303);
    assert.equal((await t.accounts.repo.personById(agent.id))?.organisationSiren, '200040715');
  });

  test('one’s data downloads as JSON, and deleting the account removes the person and their sessions', async () => {
    const person = await loggedIn(t, { kind: 'contact', email: 'a-supprimer@example.fr' });
    const data = await t.request('/mon-compte/donnees.json', { headers: { cookie: person.cookie } });
    assert.match(data.headers.get('content-disposition') ?? '', /attachment/);
    const json = (await data.json()) as { personne: { email: string } };
    assert.equal(json.personne.email, 'a-supprimer@example.fr');
    const deleted = await postForm(t, '/mon-compte/supprimer', person);
    assert.equal(deleted.status, 200);
    assert.match(await deleted.text(), /Votre compte a été supprimé/);
    assert.equal(await t.accounts.repo.personById(person.id), null);
    assert.equal((await t.request('/mon-compte', { headers: { cookie: person.cookie } })).status, 303);
  });

  test('the header shows « Se connecter » to visitors and the account links to people logged in', async () => {
    const anonymous = await (await t.request('/')).text();
    assert.match(anonymous, /Se connecter/);
    const admin = await loggedIn(t, { roles: ['administrateur'] });
    const html = await (await t.request('/', { headers: { cookie: admin.cookie } })).text();
    assert.match(html, /Mon compte/);
    assert.match(html, /href="\/admin"/);
    assert.match(html, /Se déconnecter/);
  });
});
