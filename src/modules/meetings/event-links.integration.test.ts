import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testPlatform } from '../../../test/helpers/platform.js';

/** The events module knows nothing of the espace de rencontres: the app links them through `addPageLinks`. */
describe('an event’s page links to its espace de rencontres, in the whole app', () => {
  let t: Awaited<ReturnType<typeof testPlatform>>;
  before(async () => {
    t = await testPlatform('sqlite');
    await t.events.seedDemoEvent();
  });
  after(() => t.close());

  const link = (html: string, id: string) => html.includes(`href="/evenements/${id}/rencontres"`);

  test('no link while the event has no espace; one once it has', async () => {
    const id = 'journee-numerique-et-territoires-2023';
    const before = await (await t.request(`/evenements/${id}`)).text();
    assert.equal(link(before, id), false);
    await t.meetings.seedDemo();
    // The seed tells the page cache; the page now offers the espace, beside nothing else to register for.
    const after = await (await t.request(`/evenements/${id}`)).text();
    assert.equal(link(after, id), true);
    assert.match(after, /Espace de rencontres/);
    const space = await t.request(`/evenements/${id}/rencontres`);
    assert.equal(space.status, 200);
  });
});
