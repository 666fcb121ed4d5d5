import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Dialect } from '../../src/adapters/db/connect.js';
import { createKyselyCatalogueRepository } from '../../src/modules/catalogue/catalogue.repository.kysely.js';
import { testSolution, testUse } from '../../src/modules/catalogue/testing/factory.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/** The catalogue's repository on both dialects: the same answers, and the same constraints. */
for (const dialect of dialects) {
  describe(`Catalogue repository contract (${dialect})`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await freshDatabase(dialect as Dialect);
    });
    after(() => handle?.close());
    const repo = () => createKyselyCatalogueRepository(handle.db);

    it('stores a solution with its themes, modes, lauréats, maintainers and screenshots, and reads it back', async () => {
      const s = testSolution({
        id: 'salle-sur-demande',
        name: 'Salle sur demande',
        themes: ['reservation-ressources', 'relation-usagers'],
        adoptionModes: ['saas', 'auto-heberge'],
        laureatIds: ['demo-isere-salle-sur-demande'],
        maintainers: [
          { siren: '223800012', name: 'Département de l’Isère', role: 'porteur' },
          { siren: '213801855', name: 'Commune de Grenoble', role: 'contributeur' },
        ],
      });
      await repo().insertSolution(s);
      await repo().addScreenshot(
        s.id,
        {
          id: 'c1',
          storageKey: 'catalogue/x/c1.png',
          contentType: 'image/png',
          altText: 'Le calendrier',
          position: 1,
        },
        '2023-01-01T00:00:00.000Z',
      );
      const read = await repo().solution(s.id);
      assert.deepEqual(read?.themes, ['relation-usagers', 'reservation-ressources']);
      assert.deepEqual(read?.adoptionModes, ['auto-heberge', 'saas']);
      assert.deepEqual(read?.laureatIds, ['demo-isere-salle-sur-demande']);
      assert.deepEqual(
        read?.maintainers.map((m) => m.role),
        ['porteur', 'contributeur'],
      );
      assert.equal(read?.screenshots[0]?.altText, 'Le calendrier');
      assert.equal(read?.verified, false);
      assert.equal(await repo().solution('inconnue'), null);
    });

    it('one declaration per organisation and solution: a second insert breaks the unique constraint', async () => {
      await repo().insertUse(testUse('salle-sur-demande', 'grenoble'));
      await assert.rejects(
        repo().insertUse({
          ...testUse('salle-sur-demande', 'grenoble'),
          id: randomUUID(),
          status: 'souhaite',
        }),
      );
      // Another organisation, or the same one for another solution, is fine.
      await repo().insertUse(testUse('salle-sur-demande', 'metro'));
      assert.equal((await repo().usesOfSolution('salle-sur-demande')).length, 2);
      const use = await repo().use('salle-sur-demande', '213801855');
      assert.equal(use?.status, 'utilise');
      await repo().updateUse({ ...use!, status: 'souhaite', since: null });
      assert.equal((await repo().use('salle-sur-demande', '213801855'))?.status, 'souhaite');
      assert.equal(await repo().deleteUse('salle-sur-demande', '213801855'), true);
      assert.equal(await repo().deleteUse('salle-sur-demande', '213801855'), false);
    });

    it('référents who agreed receive messages; a revoked grant or no consent does not', async () => {
      const at = '2023-01-01T00:00:00.000Z';
      const person = async (email: string) => {
        const id = randomUUID();
        await handle.db
          .insertInto('person')
          .values({
            id,
            kind: 'agent',
            email,
            given_name: 'A',
            usual_name: 'B',
            proconnect_sub: null,
            uid: null,
            siret: null,
            idp_id: null,
            organisation_siren: null,
            created_at: at,
            updated_at: at,
            last_login_at: null,
          })
          .execute();
        return id;
      };
      const grant = (personId: string, scope: string, revoked = false) =>
        handle.db
          .insertInto('role_grant')
          .values({
            id: randomUUID(),
            person_id: personId,
            role: 'referent',
            scope,
            granted_by: null,
            granted_at: at,
            revoked_at: revoked ? at : null,
            revoked_by: null,
          })
          .execute();
      const scope = 'solution:salle-sur-demande';
      const agreed = await person(`oui-${dialect}@example.fr`);
      const silent = await person(`non-${dialect}@example.fr`);
      const revoked = await person(`parti-${dialect}@example.fr`);
      await grant(agreed, scope);
      await grant(silent, scope);
      await grant(revoked, scope, true);
      await repo().setOptin(agreed, scope, true, at);
      await repo().setOptin(agreed, scope, true, at);
      await repo().setOptin(revoked, scope, true, at);
      assert.deepEqual(
        (await repo().recipients(scope)).map((r) => r.email),
        [`oui-${dialect}@example.fr`],
      );
      assert.deepEqual([...(await repo().reachableScopes([scope, 'organisation:213801855']))], [scope]);
      await repo().setOptin(agreed, scope, false, at);
      assert.deepEqual(await repo().recipients(scope), []);
      assert.deepEqual(await repo().referentScopesOf(silent), [scope]);
    });

    it('logs messages without addresses, counts a sender’s recent ones, and keeps reports until handled', async () => {
      const log = {
        id: randomUUID(),
        solutionId: 'salle-sur-demande',
        kind: 'equipe' as const,
        targetSiren: null,
        senderId: 'p1',
        senderLabel: 'Camille',
        subject: 'Question',
        body: 'Bonjour',
        recipientCount: 2,
        createdAt: '2023-01-20T10:00:00.000Z',
      };
      await repo().insertContact(log, ['r1', 'r2', 'r1']);
      assert.deepEqual((await repo().contact(log.id))?.recipientIds.sort(), ['r1', 'r2']);
      assert.equal(await repo().countContactsSince('p1', '2023-01-20T09:00:00.000Z'), 1);
      assert.equal(await repo().countContactsSince('p1', '2023-01-20T11:00:00.000Z'), 0);
      const report = {
        id: randomUUID(),
        solutionId: 'salle-sur-demande',
        contactId: log.id,
        reporterId: 'r1',
        reporterLabel: 'Réf',
        reason: 'Message publicitaire',
        status: 'ouvert' as const,
        resolution: null,
        handledBy: null,
        handledAt: null,
        createdAt: '2023-01-20T10:05:00.000Z',
      };
      await repo().insertReport(report);
      assert.equal((await repo().reports({ status: 'ouvert', limit: 10, offset: 0 })).total, 1);
      assert.equal(await repo().countReportsSince('r1', '2023-01-20T10:05:00.000Z'), 1);
      assert.equal(await repo().countReportsSince('r1', '2023-01-20T10:05:00.001Z'), 0);
      assert.equal(await repo().countReportsSince('r2', '2023-01-20T00:00:00.000Z'), 0);
      assert.equal(
        await repo().resolveReport(report.id, 'traite', 'Auteur averti', 'Modo', '2023-01-21T00:00:00.000Z'),
        true,
      );
      assert.equal(
        await repo().resolveReport(report.id, 'rejete', 'Encore', 'Modo', '2023-01-21T00:00:00.000Z'),
        false,
      );
      assert.equal((await repo().report(report.id))?.status, 'traite');
      assert.equal(await repo().purgeContactsBefore('2024-01-01T00:00:00.000Z'), 1);
      assert.equal(await repo().contact(log.id), null);
    });

    it('moves through states, counts them, and keeps the history with its reasons', async () => {
      await repo().insertSolution(
        testSolution({ id: 'brouillon-1', status: 'brouillon', publishedAt: null }),
      );
      const at2 = '2023-01-02T00:00:00.000Z';
      assert.equal(
        await repo().setStatus('brouillon-1', ['brouillon'], 'soumise', at2, { refusalReason: null }),
        true,
      );
      // A second submission finds it already submitted: nothing changes.
      assert.equal(
        await repo().setStatus('brouillon-1', ['brouillon'], 'soumise', at2, { refusalReason: null }),
        false,
      );
      assert.equal(
        await repo().setStatus('brouillon-1', ['soumise'], 'brouillon', '2023-01-03T00:00:00.000Z', {
          refusalReason: 'Lien cassé',
        }),
        true,
      );
      await repo().addHistory({
        solutionId: 'brouillon-1',
        at: '2023-01-03T00:00:00.000Z',
        actorId: null,
        actorLabel: 'Relecteur',
        action: 'refuser',
        fromStatus: 'soumise',
        toStatus: 'brouillon',
        reason: 'Lien cassé',
      });
      const s = await repo().solution('brouillon-1');
      assert.equal(s?.status, 'brouillon');
      assert.equal(s?.refusalReason, 'Lien cassé');
      assert.equal(s?.submittedAt, '2023-01-02T00:00:00.000Z');
      assert.equal((await repo().history('brouillon-1'))[0]?.reason, 'Lien cassé');
      const counts = await repo().countByStatus();
      assert.equal(counts.brouillon, 1);
      assert.equal(counts.publiee, 1);
    });
  });
}
