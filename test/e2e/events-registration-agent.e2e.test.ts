import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant } from '../../src/modules/events/registration/index.js';
import { participant } from '../../src/modules/events/registration/testing/factory.js';
import { arrowTo, focused, tabTo } from '../helpers/keyboard.js';
import { loginByKeyboard, registrationE2e, unexpected } from '../support/registration-e2e.js';

const EVENT = 'rencontre-agents';
const AGENT = 'camille.rousset@grenoble.example.fr';

/**
 * A ProConnect agent registers, manages and cancels through « Mes inscriptions », and an organiser approves and
 * refuses in bulk, all with the keyboard alone, in Chromium against the real server (local ProConnect, real
 * SMTP server); every page met passes axe-core and the HTML checker, without console or CSP error.
 */
describe('Registration by keyboard, as a ProConnect agent, and the organiser’s bulk decisions', () => {
  let t: Awaited<ReturnType<typeof registrationE2e>>;
  before(async () => {
    t = await registrationE2e(EVENT);
  });
  after(async () => {
    await t?.close();
  });

  const registrationOf = (email: string) =>
    t.db.selectFrom('registration').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  test('an agent registers pre-filled, then changes and cancels from « Mes inscriptions »', async () => {
    const { context, page, problems } = await t.visitor();
    const form = `/evenements/${EVENT}/inscription`;
    await loginByKeyboard(page, t.server.url, 'Camille Rousset', form);
    // ProConnect fills in who the agent is; the organisation comes from the SIREN, not from the provider.
    assert.equal(await page.locator('#champ-prenom').inputValue(), 'Camille');
    assert.equal(await page.locator('#champ-nom').inputValue(), 'Rousset');
    assert.equal(await page.locator('#champ-email').inputValue(), AGENT);
    assert.match(await page.locator('#champ-organisation').inputValue(), /Grenoble/);
    await t.check(page, 'agent-formulaire');

    await tabTo(page, { name: 'profil' });
    await arrowTo(page, 'Agent de collectivité territoriale');
    await tabTo(page, { id: 'champ-collectivite' });
    await page.keyboard.type('grenob', { delay: 30 });
    await page.locator('[role="option"]').first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, { name: 'mode' });
    await arrowTo(page, 'À distance');
    await tabTo(page, { name: `q_${t.event.questions.forum}` });
    await arrowTo(page, 'Oui');
    await page.keyboard.press('Tab');
    await arrowTo(page, 'Relation usagers');
    await tabTo(page, { text: 'M’inscrire' });
    await Promise.all([page.waitForURL(/\/inscription\/resultat\?cle=/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Votre inscription est confirmée');
    await t.check(page, 'agent-resultat');
    const person = await t.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', AGENT)
      .executeTakeFirstOrThrow();
    const row = await registrationOf(AGENT);
    assert.equal(row.person_id, person.id, 'the registration belongs to the logged-in agent');
    assert.equal(row.collectivite_key, '38185');
    assert.equal(row.mode, 'distance');

    await tabTo(page, { href: '/mes-inscriptions', text: 'Mes inscriptions' });
    await Promise.all([page.waitForURL(/\/mes-inscriptions$/), page.keyboard.press('Enter')]);
    await t.check(page, 'mes-inscriptions');
    await tabTo(page, { text: t.event.title });
    await Promise.all([page.waitForURL(/\/mes-inscriptions\/[^/]+$/), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `/mes-inscriptions/${row.id}`);
    await t.check(page, 'agent-gerer');

    await tabTo(page, { name: 'mode' });
    assert.equal((await focused(page)).value, 'distance');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Atelier « Données ouvertes »
    await tabTo(page, { text: 'Enregistrer les modifications' });
    await Promise.all([page.waitForURL(/\?resultat=modifiee$/), page.keyboard.press('Enter')]);
    assert.match(
      (await page.locator('.fr-alert').textContent()) ?? '',
      /Vos modifications sont enregistrées/,
    );
    await t.check(page, 'agent-gerer-modifiee');
    assert.equal((await registrationOf(AGENT)).mode, 'presentiel');
    const held = await t.db
      .selectFrom('registration_session')
      .select(['session_id', 'status'])
      .where('registration_id', '=', row.id)
      .execute();
    assert.deepEqual(held, [{ session_id: t.event.sessions.donnees, status: 'confirmee' }]);

    await tabTo(page, { text: 'Annuler mon inscription' });
    await Promise.all([page.waitForURL(/\/annuler$/), page.keyboard.press('Enter')]);
    await t.check(page, 'agent-annuler');
    await tabTo(page, { text: 'Confirmer l’annulation' });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('.fr-badge').first().textContent(), 'Inscription annulée');
    await t.check(page, 'agent-annulee');
    assert.equal((await registrationOf(AGENT)).status, 'annulee');

    await page.goto(`${t.server.url}/mes-inscriptions`);
    assert.match((await page.locator('tbody').textContent()) ?? '', /Inscription annulée/);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('the organiser approves two requests and refuses one, in bulk, with the keyboard', async () => {
    const deps = t.server.platform.events.registration.deps;
    const people = ['ada', 'bob', 'cyd'];
    const ids: string[] = [];
    for (const who of people) {
      const outcome = await registerParticipant(
        deps,
        participant(EVENT, who, {
          profile: 'autre',
          answers: { [t.event.questions.forum]: 'oui', [t.event.questions.theme]: 'Données' },
        }),
        `cle-lot-${who}`,
      );
      assert.equal(outcome.status, 'validation');
      ids.push('registrationId' in outcome ? outcome.registrationId : '');
    }
    const { context, page, problems } = await t.visitor();
    const list = `/organisation/evenements/${EVENT}/inscriptions?statut=validation`;
    await loginByKeyboard(page, t.server.url, 'Léa Moreau', list);
    await t.check(page, 'orga-demandes');

    await tabTo(page, { name: 'ids', value: ids[0] });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).value, ids[1]);
    await page.keyboard.press('Space');
    await tabTo(page, { name: 'action' });
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'approuver');
    await tabTo(page, { text: 'Appliquer aux inscriptions cochées' });
    await Promise.all([page.waitForURL(/fait=/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('.fr-alert').first().textContent()) ?? '', /2 inscriptions approuvées/);
    await t.check(page, 'orga-approuvees');

    // A refusal without its reason: the error is on the field, and the ticks and the action are kept.
    await tabTo(page, { name: 'ids', value: ids[2] });
    await page.keyboard.press('Space');
    await tabTo(page, { name: 'action' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'refuser');
    await tabTo(page, { text: 'Appliquer aux inscriptions cochées' });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const motif = page.locator('#champ-motif');
    assert.equal(await motif.getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#champ-motif-erreur').textContent()) ?? '', /Indiquez le motif/);
    assert.equal(await page.locator('select[name="action"]').inputValue(), 'refuser');
    assert.equal(await page.locator(`input[name="ids"][value="${ids[2]}"]`).isChecked(), true);
    await t.check(page, 'orga-erreur-motif');

    await tabTo(page, { id: 'champ-motif' });
    await page.keyboard.type('Public non concerné par cette rencontre.');
    await tabTo(page, { text: 'Appliquer aux inscriptions cochées' });
    await Promise.all([page.waitForURL(/fait=/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('.fr-alert').first().textContent()) ?? '', /1 inscription refusée/);
    await t.check(page, 'orga-refusee');

    const rows = await t.db
      .selectFrom('registration')
      .select(['id', 'status', 'refusal_reason'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual(
      ids.map((id) => byId.get(id)?.status),
      ['confirmee', 'confirmee', 'refusee'],
    );
    assert.equal(byId.get(ids[2]!)?.refusal_reason, 'Public non concerné par cette rencontre.');
    const subjects = async (who: string) =>
      (await t.mailsTo(`personne.${who}@example.fr`)).map((m) => m.mail.subject);
    assert.deepEqual(await subjects('ada'), [
      `Demande d’inscription reçue : ${t.event.title}`,
      `Inscription confirmée : ${t.event.title}`,
    ]);
    assert.deepEqual(await subjects('cyd'), [
      `Demande d’inscription reçue : ${t.event.title}`,
      `Inscription non retenue : ${t.event.title}`,
    ]);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('every page met passes the HTML checker', async () => {
    assert.deepEqual(await t.htmlErrors(), []);
  });
});
