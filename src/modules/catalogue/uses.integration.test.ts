import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn, postForm } from '../../../test/helpers/accounts.js';
import { testPlatform } from '../../../test/helpers/platform.js';
import type { Who } from './catalogue.deps.js';
import { insertTestCatalogue, testSolution } from './testing/factory.js';

type T = Awaited<ReturnType<typeof testPlatform>>;
type Session = Awaited<ReturnType<typeof loggedIn>>;

const FORM = {
  mode: 'declarer',
  organisation: '213801855',
  statut: 'utilise',
  depuis: '2022-09',
  usage: 'Salles municipales',
  instance: '',
};

/**
 * Reuse declarations through the app: one form, once per organisation (the unique constraint, and a kind
 * message), withdrawn in one click; the organisation's and the territory's pages list what it uses.
 */
describe('Declaring that we use a solution', () => {
  let t: T;
  let agent: Session;
  let colleague: Session;
  const rows = () =>
    t.database.db
      .selectFrom('solution_use')
      .selectAll()
      .where('solution_id', '=', 'salle-sur-demande')
      .execute();

  before(async () => {
    t = await testPlatform('sqlite');
    await t.territories.ensureLoaded();
    await insertTestCatalogue(t.database.db, 'sqlite', {
      solutions: [
        testSolution({ id: 'salle-sur-demande', name: 'Salle sur demande' }),
        testSolution({ id: 'brouillon', status: 'brouillon', publishedAt: null }),
      ],
    });
    agent = await loggedIn(t, { email: 'agente@grenoble.example.fr' });
    colleague = await loggedIn(t, { email: 'collegue@grenoble.example.fr' });
  });
  after(() => t?.close());

  it('one form, for the agent’s own organisation, with errors on their fields', async () => {
    const page = await t.request('/catalogue/solutions/salle-sur-demande/utiliser', {
      headers: { cookie: agent.cookie },
    });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Commune de Grenoble/);
    assert.match(html, /Nous utilisons/);
    assert.match(html, /Nous souhaitons l’utiliser/);
    const bad = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser', agent, {
      ...FORM,
      depuis: 'hier',
      instance: 'x',
    });
    assert.equal(bad.status, 400);
    const body = await bad.text();
    assert.match(body, /au format AAAA-MM/);
    assert.match(body, /adresse web complète/);
    assert.match(body, /Salles municipales/);
    assert.equal((await rows()).length, 0);
  });

  it('declares once; a second declaration is refused kindly and offers to change the first', async () => {
    const first = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser', agent, FORM);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/catalogue/solutions/salle-sur-demande?fait=declaree');
    const second = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser', colleague, {
      ...FORM,
      statut: 'souhaite',
      depuis: '',
    });
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /Votre organisation a déjà déclaré cette solution/);
    assert.match(html, /Commune de Grenoble l’a déclarée le/);
    assert.match(html, /name="mode" value="modifier"/);
    const stored = await rows();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.status, 'utilise');
    assert.equal(stored[0]?.commune_code, '38185');
    assert.equal(stored[0]?.epci_code, '200040715');
    assert.equal(stored[0]?.departement_code, '38');
  });

  it('two declarations at the same moment: the database keeps one', async () => {
    await t.database.db.deleteFrom('solution_use').execute();
    const who = (s: Session): Who => ({ actor: { person: { ...personOf(s) }, grants: [] }, ip: null });
    const input = {
      siren: '213801855',
      status: 'utilise' as const,
      since: '2022-09',
      useCase: '',
      instanceUrl: null,
    };
    const results = await Promise.all([
      t.catalogue.uses.declare(who(agent), 'salle-sur-demande', input),
      t.catalogue.uses.declare(who(colleague), 'salle-sur-demande', input),
    ]);
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
    const refused = results.find((r) => !r.ok);
    assert.equal(refused && !refused.ok && refused.error, 'deja-declaree');
    assert.equal((await rows()).length, 1);
  });

  it('changes the declaration, and the solution, organisation and territory pages show it', async () => {
    const changed = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser', agent, {
      ...FORM,
      mode: 'modifier',
      usage: 'Salles et gymnases',
    });
    assert.equal(changed.status, 303);
    assert.equal((await rows())[0]?.use_case, 'Salles et gymnases');
    const solution = await (await t.request('/catalogue/solutions/salle-sur-demande')).text();
    assert.match(solution, /Utilisée par une organisation/);
    assert.match(solution, /Salles et gymnases/);
    assert.match(solution, /Isère \(38\)/);
    const organisation = await (await t.request('/catalogue/organisations/213801855')).text();
    assert.match(organisation, /Les solutions utilisées/);
    assert.match(organisation, /href="\/catalogue\/solutions\/salle-sur-demande"/);
    const territory = await (await t.request('/territoires/38185')).text();
    assert.match(territory, /Solutions du catalogue de mutualisation utilisées ici/);
    assert.match(territory, /Salle sur demande/);
    const near = await (await t.request('/catalogue?pres=38382&portee=epci')).text();
    assert.match(near, /Salle sur demande/);
    const far = await (await t.request('/catalogue?pres=35238&portee=departement')).text();
    assert.match(far, /Aucune solution ne correspond/);
  });

  it('withdraws in one click, and a second click changes nothing', async () => {
    const page = await (
      await t.request('/catalogue/solutions/salle-sur-demande', { headers: { cookie: agent.cookie } })
    ).text();
    assert.match(page, /Retirer la déclaration/);
    const withdrawn = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser/retirer', agent, {
      organisation: '213801855',
    });
    assert.equal(withdrawn.status, 303);
    assert.equal((await rows()).length, 0);
    const again = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser/retirer', agent, {
      organisation: '213801855',
    });
    assert.equal(again.status, 303);
  });

  it('nobody declares for an organisation that is not theirs, nor for an unpublished solution', async () => {
    const other = await postForm(t, '/catalogue/solutions/salle-sur-demande/utiliser', agent, {
      ...FORM,
      organisation: '213502388',
    });
    assert.equal(other.status, 400);
    assert.match(await other.text(), /que pour votre organisation/);
    const contact = await loggedIn(t, { kind: 'contact' });
    const page = await t.request('/catalogue/solutions/salle-sur-demande/utiliser', {
      headers: { cookie: contact.cookie },
    });
    assert.equal(page.status, 403);
    assert.match(await page.text(), /Seuls les agents publics/);
    assert.equal((await postForm(t, '/catalogue/solutions/brouillon/utiliser', agent, FORM)).status, 404);
    const visitor = await t.request('/catalogue/solutions/salle-sur-demande/utiliser');
    assert.equal(visitor.status, 303);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'catalogue:declaration%')
      .execute();
    assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), [
      'catalogue:declaration',
      'catalogue:declaration-modifiee',
      'catalogue:declaration-retiree',
    ]);
  });
});

/** The person behind a test session, as the accounts module stores it. */
function personOf(s: Session) {
  return {
    id: s.id,
    kind: 'agent' as const,
    email: s.email,
    givenName: 'Camille',
    usualName: 'Testeur',
    proconnectSub: `sub-${s.id}`,
    uid: null,
    siret: '21380185500016',
    idpId: null,
    organisationSiren: '213801855',
    createdAt: '2023-01-20T10:00:00.000Z',
    updatedAt: '2023-01-20T10:00:00.000Z',
    lastLoginAt: null,
  };
}
