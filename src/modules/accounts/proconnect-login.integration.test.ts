import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csrfFrom } from '../../../test/helpers/accounts.js';
import { startServer } from '../../../test/helpers/server.js';
import { DEMO_AGENTS } from '../../adapters/auth/demo-agents.js';
import { TestBrowser } from '../../adapters/auth/proconnect-test-kit.js';

const agent = (email: string) => DEMO_AGENTS.find((a) => a.email === email)!;
const CAMILLE = agent('camille.rousset@grenoble.example.fr');
const BAD_SIRET = DEMO_AGENTS.find((a) => a.siret === '21330063500012')!;

describe('Logging in with ProConnect (the local provider, over HTTP)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({ territories: true });
  });
  after(() => server.close());

  /** From the login page to the provider's choice page, choosing `who`; returns the callback response. */
  async function login(browser: TestBrowser, who: (typeof DEMO_AGENTS)[number], retour = '/mon-compte') {
    const page = await browser.get(`${server.url}/connexion?retour=${encodeURIComponent(retour)}`);
    const csrf = csrfFrom(await page.text());
    const start = await browser.post(`${server.url}/connexion/proconnect`, { _csrf: csrf, retour });
    assert.equal(start.status, 303);
    const authorize = start.headers.get('location')!;
    assert.match(
      authorize,
      /\/_dev\/proconnect\/.*scope=openid\+given_name\+usual_name\+email\+uid\+siret\+idp_id/,
    );
    const callback = `${server.url}/connexion/proconnect/retour`;
    const choice = await browser.follow(authorize, callback);
    let back = choice.url;
    if (choice.response) {
      assert.equal(choice.response.status, 200);
      assert.match(await choice.response.text(), /Choisir un agent de démonstration/);
      const chosen = await browser.post(choice.url, { agent: who.sub });
      back = (await browser.follow(choice.url, callback, chosen)).url;
    }
    return { callbackUrl: back, response: await browser.get(back) };
  }

  test('an agent logs in, is attached to the organisation of their SIRET, and lands where they were going', async () => {
    const browser = new TestBrowser();
    const { response } = await login(browser, CAMILLE, '/mon-compte');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/mon-compte');
    const account = await browser.get(`${server.url}/mon-compte`);
    assert.equal(account.status, 200);
    const html = await account.text();
    assert.match(html, /Camille/);
    assert.match(html, /camille\.rousset@grenoble\.example\.fr/);
    assert.match(html, /Grenoble/);
    assert.match(html, /SIREN 213801855/);
    const person = await server.platform.accounts.repo.personByEmail(CAMILLE.email);
    assert.equal(person?.kind, 'agent');
    assert.equal(person?.organisationSiren, '213801855');
    assert.equal(person?.proconnectSub, CAMILLE.sub);
    const journal = await server.platform.accounts.repo.listAudit({
      targetId: person!.id,
      limit: 5,
      offset: 0,
    });
    assert.equal(journal.items[0]?.action, 'connexion-proconnect');
  });

  test('a replayed or forged callback gives a clear French page and logs nobody in', async () => {
    const browser = new TestBrowser();
    const { callbackUrl } = await login(browser, CAMILLE);
    const replay = await new TestBrowser().get(callbackUrl);
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /ne correspond à aucune connexion demandée depuis ce navigateur/);
    const again = await browser.get(callbackUrl);
    assert.equal(again.status, 400);
    const forged = await new TestBrowser().get(
      `${server.url}/connexion/proconnect/retour?code=faux&state=faux`,
    );
    assert.equal(forged.status, 400);
    assert.equal((await browser.get(`${server.url}/mon-compte`)).status, 200, 'the first login still stands');
  });

  test('a SIRET with a bad checksum is refused, and no account is created', async () => {
    const browser = new TestBrowser();
    const { response } = await login(browser, BAD_SIRET);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /n’est pas valide/);
    assert.equal(await server.platform.accounts.repo.personByEmail(BAD_SIRET.email), null);
    assert.equal((await browser.get(`${server.url}/mon-compte`)).status, 303);
  });

  test('logging out ends the session here and at the provider (id_token_hint)', async () => {
    const browser = new TestBrowser();
    await login(browser, CAMILLE);
    const account = await browser.get(`${server.url}/mon-compte`);
    const csrf = csrfFrom(await account.text());
    const out = await browser.post(`${server.url}/deconnexion`, { _csrf: csrf });
    assert.equal(out.status, 303);
    const endSession = out.headers.get('location')!;
    assert.match(endSession, /\/_dev\/proconnect\/.*id_token_hint=/);
    assert.equal((await browser.get(`${server.url}/mon-compte`)).status, 303);
    // The provider asks for confirmation, then sends the browser back to the platform.
    const confirm = await browser.follow(endSession, `${server.url}/deconnexion/terminee`);
    if (confirm.response) {
      const html = await confirm.response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const fields = Object.fromEntries(
        [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      const posted = await browser.post(new URL(action ?? confirm.url, confirm.url).href, {
        ...fields,
        logout: 'yes',
      });
      const end = await browser.follow(confirm.url, `${server.url}/deconnexion/terminee`, posted);
      assert.ok(end.url.startsWith(`${server.url}/deconnexion/terminee`));
    }
    const done = await browser.get(`${server.url}/deconnexion/terminee`);
    assert.match(await done.text(), /Vous êtes déconnecté/);
  });

  test('a session survives a restart: it lives in the database', async () => {
    const browser = new TestBrowser();
    await login(browser, CAMILLE);
    const personId = (await server.platform.accounts.repo.personByEmail(CAMILLE.email))!.id;
    const rows = await server.platform.database.db
      .selectFrom('session')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    assert.ok(rows.length > 0);
  });
});
