import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { arrowTo, focused, retype, tabTo } from '../helpers/keyboard.js';
import { manageLink, registrationE2e, unexpected } from '../support/registration-e2e.js';

const EVENT = 'rencontre-clavier';
const EMAIL = 'camille.durand@grenoble.example.fr';

/**
 * A visitor registers, manages and cancels with the keyboard alone (Tab, Shift+Tab, Space, Enter, arrows, and
 * typing), in Chromium, against the real server; the management link comes from the mail the real SMTP
 * server received. Every page met passes axe-core and the HTML checker, without console or CSP error.
 */
describe('Registration by keyboard, as a visitor with the e-mailed link', () => {
  let t: Awaited<ReturnType<typeof registrationE2e>>;
  before(async () => {
    t = await registrationE2e(EVENT);
  });
  after(async () => {
    await t?.close();
  });

  const registration = () =>
    t.db.selectFrom('registration').selectAll().where('email', '=', EMAIL).executeTakeFirstOrThrow();
  const seats = async (id: string) =>
    Object.fromEntries(
      (
        await t.db
          .selectFrom('registration_session')
          .select(['session_id', 'status'])
          .where('registration_id', '=', id)
          .execute()
      ).map((s) => [s.session_id, s.status]),
    );

  test('s’inscrire: errors first, the summary takes the focus and leads to the fields, then confirmed', async () => {
    const { context, page, problems } = await t.visitor();
    await page.goto(`${t.server.url}/evenements/${EVENT}/inscription`);
    await t.check(page, 'formulaire');

    // A first try, half done: a profile, a first name and a broken address; Enter in a field sends the form.
    await tabTo(page, { name: 'profil' });
    await arrowTo(page, 'Agent de collectivité territoriale');
    await tabTo(page, { name: 'prenom' });
    await page.keyboard.type('Camille');
    await tabTo(page, { name: 'email' });
    await page.keyboard.type('camille.durand@');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    // Every problem at once, in the form's order, announced and focused first.
    const summary = page.locator('.fr-alert--error');
    assert.equal(await summary.locator('h2').textContent(), '7 champs sont à corriger');
    // `autofocus` is applied at the next rendering step after load: waited for, briefly.
    const summaryFocused = await page
      .waitForFunction(() => document.activeElement?.closest('.fr-alert--error') != null, null, {
        timeout: 2_000,
      })
      .then(
        () => true,
        () => false,
      );
    assert.ok(summaryFocused, 'le récapitulatif des erreurs a le focus');
    const links = await summary
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    const forum = `#champ-q_${t.event.questions.forum}`;
    const theme = `#champ-q_${t.event.questions.theme}`;
    assert.deepEqual(links, [
      ['Collectivité', '#champ-collectivite'],
      ['Nom', '#champ-nom'],
      ['Adresse électronique', '#champ-email'],
      ['Organisation', '#champ-organisation'],
      ['Mode de participation', '#champ-mode'],
      ['Resterez-vous pour le forum de l’après-midi ?', forum],
      ['Quel thème vous intéresse le plus ?', theme],
    ]);
    for (const [, href] of links)
      assert.equal(await page.locator(href ?? '').count(), 1, `le lien ${href} mène à un champ de la page`);
    assert.equal(await page.locator('#champ-prenom').inputValue(), 'Camille', 'ce qui était saisi reste');
    assert.equal(await page.locator('#champ-email').inputValue(), 'camille.durand@');
    assert.equal(await page.locator('#champ-email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#champ-profil-0').isChecked(), true);
    await t.check(page, 'formulaire-erreurs');

    // The summary's first link takes the keyboard to the collectivité picker: type, arrow down, Enter.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).href, '#champ-collectivite');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'champ-collectivite');
    await page.keyboard.type('grenob', { delay: 30 });
    await page.locator('[role="option"]').first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('input[name="collectivite"]').inputValue(), '38185');
    assert.match(await page.locator('#champ-collectivite').inputValue(), /^Grenoble/);

    await tabTo(page, { name: 'nom' });
    await page.keyboard.type('Durand');
    await page.keyboard.press('Tab');
    await retype(page, EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ville de Grenoble');
    await page.keyboard.press('Tab');
    await arrowTo(page, 'En présentiel');
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).label, /^Atelier « Données ouvertes »/);
    await page.keyboard.press('Space');
    await tabTo(page, { name: `q_${t.event.questions.forum}` });
    await arrowTo(page, 'Non');
    await page.keyboard.press('Tab');
    await arrowTo(page, 'Données');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Boucle magnétique');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo(page, { text: 'M’inscrire' });
    await Promise.all([page.waitForURL(/\/inscription\/resultat\?cle=/), page.keyboard.press('Enter')]);

    assert.equal(await page.locator('h1').textContent(), 'Votre inscription est confirmée');
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Atelier « Données ouvertes » : place réservée/,
    );
    await t.check(page, 'resultat');
    const row = await registration();
    assert.equal(row.status, 'confirmee');
    assert.equal(row.collectivite_key, '38185');
    assert.equal(row.profile, 'agent-collectivite');
    assert.equal(row.mode, 'presentiel');
    assert.equal(row.listed, 1);
    assert.deepEqual(JSON.parse(row.answers), {
      [t.event.questions.forum]: 'non',
      [t.event.questions.theme]: 'Données',
      [t.event.questions.acces]: 'Boucle magnétique',
    });
    assert.deepEqual(await seats(row.id), { [t.event.sessions.donnees]: 'confirmee' });
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('gérer mon inscription from the mailed link: change the mode and the sessions', async () => {
    const mails = await t.mailsTo(EMAIL);
    assert.deepEqual(
      mails.map((m) => m.mail.subject),
      [`Inscription confirmée : ${t.event.title}`],
    );
    const link = manageLink(mails[0]!, t.server.url);
    const { context, page, problems } = await t.visitor();
    await page.goto(link);
    await t.check(page, 'gerer');
    assert.equal(await page.locator('.fr-badge').first().textContent(), 'Inscription confirmée');

    await tabTo(page, { name: 'mode' });
    assert.equal((await focused(page)).value, 'presentiel', 'the checked mode takes the focus');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).value, 'distance');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).value, t.event.sessions.donnees);
    await page.keyboard.press('Space'); // unticked: the seat is freed
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).value, t.event.sessions.cyber);
    await page.keyboard.press('Space');
    await tabTo(page, { text: 'Enregistrer les modifications' });
    await Promise.all([page.waitForURL(/\?resultat=modifiee$/), page.keyboard.press('Enter')]);

    assert.match(
      (await page.locator('.fr-alert').textContent()) ?? '',
      /Vos modifications sont enregistrées/,
    );
    assert.match((await page.locator('main').textContent()) ?? '', /Participation : à distance/);
    await t.check(page, 'gerer-modifiee');
    const row = await registration();
    assert.equal(row.mode, 'distance');
    // The unticked workshop's seat is released (its line kept as history), the other one is held.
    assert.deepEqual(await seats(row.id), {
      [t.event.sessions.donnees]: 'annulee',
      [t.event.sessions.cyber]: 'confirmee',
    });
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('annuler, with its confirmation: « Garder » changes nothing, « Confirmer » frees the seat', async () => {
    const link = manageLink((await t.mailsTo(EMAIL))[0]!, t.server.url);
    const { context, page, problems } = await t.visitor();
    await page.goto(link);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    await tabTo(page, { text: 'Annuler mon inscription' });
    await Promise.all([page.waitForURL(/\/annuler$/), page.keyboard.press('Enter')]);
    await t.check(page, 'annuler');
    assert.equal((await registration()).status, 'confirmee', 'opening the page cancels nothing');

    await tabTo(page, { text: 'Garder mon inscription' });
    await Promise.all([page.waitForURL(link), page.keyboard.press('Enter')]);
    assert.equal((await registration()).status, 'confirmee');

    await tabTo(page, { text: 'Annuler mon inscription' });
    await Promise.all([page.waitForURL(/\/annuler$/), page.keyboard.press('Enter')]);
    await tabTo(page, { text: 'Confirmer l’annulation' });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
    assert.match(
      (await page.locator('.fr-alert').textContent()) ?? '',
      /Votre inscription est annulée : votre place a été libérée/,
    );
    assert.equal(await page.locator('.fr-badge').first().textContent(), 'Inscription annulée');
    await t.check(page, 'annulee');
    const row = await registration();
    assert.equal(row.status, 'annulee');
    assert.deepEqual(await seats(row.id), {
      [t.event.sessions.donnees]: 'annulee',
      [t.event.sessions.cyber]: 'annulee',
    });
    const mails = await t.mailsTo(EMAIL);
    assert.deepEqual(
      mails.map((m) => m.mail.subject),
      [
        `Inscription confirmée : ${t.event.title}`,
        `Inscription modifiée : ${t.event.title}`,
        `Inscription annulée : ${t.event.title}`,
      ],
    );
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('every page met passes the HTML checker', async () => {
    assert.deepEqual(await t.htmlErrors(), []);
  });
});
