import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import { createKyselyOutbox, createOutboxAdmin } from '../../src/adapters/mail/index.js';
import { createLocalFileStorage } from '../../src/adapters/storage/local-files.js';
import {
  decideAccreditation,
  requestAccreditation,
} from '../../src/modules/events/accreditation/accreditation.service.js';
import type { BackofficeDeps } from '../../src/modules/events/backoffice/deps.js';
import { eventMessages } from '../../src/modules/events/backoffice/messages.js';
import { statistics } from '../../src/modules/events/backoffice/registrations.filter.js';
import { loadRegistrations } from '../../src/modules/events/backoffice/registrations.query.js';
import {
  insertAccreditation,
  insertEvent,
  insertRegistration,
} from '../../src/modules/events/backoffice/testing/factory.js';
import { getBadgeSigner } from '../../src/modules/events/checkin/badge-token.js';
import {
  arrivalCounts,
  attendeeList,
  recordScans,
} from '../../src/modules/events/checkin/checkin.service.js';
import { keptStatistics, purgeEventPersonalData, registrationData } from '../../src/modules/events/purge.js';
import { fixedClock } from '../../src/ports/clock.js';
import { dialects, freshDatabase } from '../helpers/database.js';

for (const dialect of dialects) {
  describe(`events back office on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let deps: BackofficeDeps;
    let uploads: string;
    const clock = fixedClock('2023-01-10T10:00:00.000Z');
    before(async () => {
      handle = await freshDatabase(dialect);
      uploads = await mkdtemp(join(tmpdir(), 'nt-contract-'));
      deps = {
        db: handle.db,
        dialect,
        outbox: createKyselyOutbox({ clock }),
        outboxAdmin: createOutboxAdmin({ db: handle.db, clock }),
        storage: createLocalFileStorage(uploads),
        clock,
        publicUrl: 'https://nt.example',
      };
    });
    after(async () => {
      await handle.close();
      await rm(uploads, { recursive: true, force: true });
    });

    test('two signers racing to create the badge key agree on one key', async () => {
      const [a, b] = await Promise.all([
        getBadgeSigner(handle.db).publicKeyJwk(),
        getBadgeSigner(handle.db).publicKeyJwk(),
      ]);
      assert.equal(a.x, b.x);
      assert.equal((await handle.db.selectFrom('signing_key').selectAll().execute()).length, 1);
    });

    test('a scan sent twice, or two scans of one badge at once, check the person in once', async () => {
      const event = await insertEvent(handle.db);
      const r = await insertRegistration(handle.db, { event_id: event.id });
      const scan = {
        id: randomUUID(),
        registrationId: r.id,
        scannedAt: '2023-01-18T08:05:00.000Z',
        device: 'a',
      };
      const now = new Date('2023-01-18T08:10:00.000Z');
      const results = await Promise.all([
        recordScans(handle.db, event.id, [scan], now),
        recordScans(handle.db, event.id, [scan], now),
        recordScans(
          handle.db,
          event.id,
          [{ ...scan, id: randomUUID(), scannedAt: '2023-01-18T08:06:00.000Z', device: 'b' }],
          now,
        ),
      ]);
      const outcomes = results
        .flat()
        .map((x) => x.outcome)
        .sort();
      assert.equal(outcomes.filter((o) => o === 'enregistre').length, 1);
      assert.equal(outcomes.length, 3);
      const [resent] = await recordScans(handle.db, event.id, [scan], now);
      assert.equal(resent?.outcome, 'deja-recu');
      assert.equal(
        (await handle.db.selectFrom('checkin_scan').selectAll().where('registration_id', '=', r.id).execute())
          .length,
        2,
      );
      assert.deepEqual(await arrivalCounts(handle.db, event.id), {
        arrived: 1,
        expected: 1,
        pressArrived: 0,
        pressExpected: 0,
      });
      // A device clock running ahead never dates an arrival in the future.
      const ahead = await insertRegistration(handle.db, { event_id: event.id });
      await recordScans(
        handle.db,
        event.id,
        [{ id: randomUUID(), registrationId: ahead.id, scannedAt: '2030-01-01T00:00:00.000Z', device: 'c' }],
        now,
      );
      const people = await attendeeList(handle.db, event.id);
      assert.equal(people.find((p) => p.id === ahead.id)?.checkedInAt, now.toISOString());
    });

    test('an accreditation form replayed, or sent twice for one address at once, records one request', async () => {
      const event = await insertEvent(handle.db);
      const key = randomUUID();
      const input = {
        eventId: event.id,
        key,
        givenName: 'Anne',
        familyName: 'Martin',
        email: 'anne@redaction.fr',
        media: 'Le Quotidien',
        pressCard: '',
        attachment: null,
      };
      const [a, b] = await Promise.all([
        requestAccreditation(deps, input),
        requestAccreditation(deps, input),
      ]);
      assert.ok(a.ok && b.ok);
      assert.equal(a.id, b.id);
      const [c, d] = await Promise.all([
        requestAccreditation(deps, { ...input, key: randomUUID(), email: 'paul@redaction.fr' }),
        requestAccreditation(deps, { ...input, key: randomUUID(), email: 'paul@redaction.fr' }),
      ]);
      assert.deepEqual([c.ok, d.ok].sort(), [false, true]);
      const rows = await handle.db
        .selectFrom('press_accreditation')
        .select('email')
        .where('event_id', '=', event.id)
        .execute();
      assert.deepEqual(rows.map((r) => r.email).sort(), ['anne@redaction.fr', 'paul@redaction.fr']);
      const mails = await handle.db
        .selectFrom('outbox_message')
        .select('id')
        .where('kind', '=', 'accreditation-demandee')
        .execute();
      assert.equal(mails.length, 2);
    });

    test('accepting and refusing one request at once decides it once, with one e-mail', async () => {
      const event = await insertEvent(handle.db);
      const a = await insertAccreditation(handle.db, { event_id: event.id });
      const signer = getBadgeSigner(handle.db);
      const results = await Promise.all([
        decideAccreditation(
          deps,
          { eventId: event.id, id: a.id, decision: 'acceptee', reason: null, actor: 'orga' },
          signer,
        ),
        decideAccreditation(
          deps,
          { eventId: event.id, id: a.id, decision: 'refusee', reason: 'Non', actor: 'orga' },
          signer,
        ),
      ]);
      assert.equal(results.filter((r) => r.ok).length, 1);
      const mails = await handle.db
        .selectFrom('outbox_message')
        .select('kind')
        .where('recipient', '=', a.email)
        .execute();
      assert.equal(mails.length, 1);
      const registrations = await handle.db
        .selectFrom('registration')
        .select('profile')
        .where('email', '=', a.email)
        .execute();
      assert.equal(registrations.length, mails[0]?.kind === 'accreditation-acceptee' ? 1 : 0);
    });

    test('registrations carry their collectivité’s kind, département and région, and count by each', async () => {
      const event = await insertEvent(handle.db);
      const territory = {
        siren: null,
        epci_type: null,
        epci_code: null,
        commune_code: null,
        chef_lieu: null,
        population: null,
        postcodes: '',
        zone: 'metro',
      };
      await handle.db
        .insertInto('territory')
        .values([
          {
            ...territory,
            kind: 'commune',
            code: '38185',
            name: 'Grenoble',
            departement_code: '38',
            region_code: '84',
          },
          {
            ...territory,
            kind: 'departement',
            code: '38',
            name: 'Isère',
            departement_code: '38',
            region_code: '84',
          },
          {
            ...territory,
            kind: 'region',
            code: '84',
            name: 'Auvergne-Rhône-Alpes',
            departement_code: null,
            region_code: '84',
          },
        ])
        .execute();
      await insertRegistration(handle.db, { event_id: event.id, collectivite_key: '38185' });
      await insertRegistration(handle.db, {
        event_id: event.id,
        collectivite_key: 'departement-38',
        profile: 'elu-collectivite',
      });
      await insertRegistration(handle.db, {
        event_id: event.id,
        collectivite_key: null,
        profile: 'sgar',
        status: 'annulee',
      });
      const rows = await loadRegistrations(handle.db, event.id);
      const grenoble = rows.find((r) => r.collectiviteKey === '38185');
      assert.equal(grenoble?.collectiviteName, 'Grenoble');
      assert.deepEqual(grenoble?.departement, { key: 'departement-38', name: 'Isère' });
      assert.deepEqual(grenoble?.region, { key: 'region-84', name: 'Auvergne-Rhône-Alpes' });
      const stats = statistics(rows);
      assert.deepEqual(stats.kind.map((l) => [l.key, l.total]).sort(), [
        ['commune', 1],
        ['departement', 1],
      ]);
      assert.deepEqual(
        stats.region.map((l) => [l.label, l.total]),
        [['Auvergne-Rhône-Alpes', 2]],
      );
    });

    test('an event’s e-mails are those to its people, login links excepted', async () => {
      const event = await insertEvent(handle.db);
      const r = await insertRegistration(handle.db, { event_id: event.id, email: 'lea@exemple.fr' });
      const outbox = createKyselyOutbox({ clock });
      const mail = { subject: 'S', text: 't', html: '<p>t</p>' };
      await outbox.enqueue(handle.db, { ...mail, kind: 'inscription-confirmee', to: 'Lea@Exemple.fr' });
      await outbox.enqueue(handle.db, { ...mail, kind: 'lien-connexion', to: r.email });
      await outbox.enqueue(handle.db, { ...mail, kind: 'inscription-confirmee', to: 'inconnu@exemple.fr' });
      const { items, total } = await eventMessages(handle.db, event.id, { limit: 10, offset: 0 });
      assert.equal(total, 1);
      assert.equal(items[0]?.kind, 'inscription-confirmee');
    });

    test('the purge deletes an event’s personal data after its retention period, keeps anonymous counts, and runs once', async () => {
      const event = await insertEvent(handle.db, {
        ends_at: '2023-01-18T15:30:00.000Z',
        retention_months: 6,
      });
      const kept = await insertEvent(handle.db, { ends_at: '2023-06-30T15:30:00.000Z' });
      const anne = await insertRegistration(handle.db, {
        event_id: event.id,
        checked_in_at: '2023-01-18T08:05:00.000Z',
      });
      await insertRegistration(handle.db, {
        event_id: event.id,
        mode: 'distance',
        profile: 'sgar',
        collectivite_key: null,
      });
      await insertRegistration(handle.db, { event_id: kept.id });
      await recordScans(
        handle.db,
        event.id,
        [{ id: randomUUID(), registrationId: anne.id, scannedAt: '2023-01-18T08:05:00.000Z', device: 'a' }],
        new Date('2023-01-18T08:06:00.000Z'),
      );
      await deps.storage.put('accreditations/x/piece.pdf', Buffer.from('%PDF-1.4 carte'));
      await insertAccreditation(handle.db, {
        event_id: event.id,
        status: 'acceptee',
        attachment_key: 'accreditations/x/piece.pdf',
      });

      const data = await registrationData(handle.db, anne.id);
      assert.equal(data?.inscription.adresseElectronique, anne.email);
      assert.equal(data?.passagesALAccueil.length, 1);
      assert.equal(JSON.stringify(data).includes(anne.manage_token_hash), false);

      const early = await purgeEventPersonalData(handle.db, new Date('2023-07-18T15:29:00.000Z'));
      assert.equal(early.events.includes(event.id), false);
      const report = await purgeEventPersonalData(handle.db, new Date('2023-07-18T15:30:00.000Z'), {
        storage: deps.storage,
      });
      assert.ok(report.events.includes(event.id));
      assert.ok(!report.events.includes(kept.id));
      assert.equal(
        (await handle.db.selectFrom('registration').select('id').where('event_id', '=', event.id).execute())
          .length,
        0,
      );
      assert.equal(
        (
          await handle.db
            .selectFrom('press_accreditation')
            .select('id')
            .where('event_id', '=', event.id)
            .execute()
        ).length,
        0,
      );
      assert.equal(
        (
          await handle.db
            .selectFrom('checkin_scan')
            .select('id')
            .where('registration_id', '=', anne.id)
            .execute()
        ).length,
        0,
      );
      assert.equal(
        (await handle.db.selectFrom('registration').select('id').where('event_id', '=', kept.id).execute())
          .length,
        1,
      );
      assert.equal(await deps.storage.has('accreditations/x/piece.pdf'), false, 'the press card is deleted');
      await assert.rejects(readFile(join(uploads, 'accreditations/x/piece.pdf')), { code: 'ENOENT' });
      assert.equal(await registrationData(handle.db, anne.id), null);

      const stats = await keptStatistics(handle.db, event.id);
      assert.equal(stats?.statistics.registrations, 2);
      assert.equal(stats?.statistics.arrived, 1);
      assert.deepEqual(stats?.statistics.accreditations, { acceptee: 1 });
      assert.deepEqual(stats?.statistics.dimensions.mode.map((l) => [l.key, l.total]).sort(), [
        ['distance', 1],
        ['presentiel', 1],
      ]);
      assert.equal(JSON.stringify(stats).includes(anne.email), false);

      const again = await purgeEventPersonalData(handle.db, new Date('2023-08-01T00:00:00.000Z'));
      assert.equal(again.events.includes(event.id), false);
      assert.equal((await keptStatistics(handle.db, event.id))?.statistics.registrations, 2);
    });
  });
}
