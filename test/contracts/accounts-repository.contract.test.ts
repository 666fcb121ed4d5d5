import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import type { Person } from '../../src/modules/accounts/accounts.domain.js';
import type { AccountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { createKyselyAccountsRepository } from '../../src/modules/accounts/accounts.repository.kysely.js';
import { dialects, freshDatabase } from '../helpers/database.js';

function person(id: string, over: Partial<Person> = {}): Person {
  return {
    id,
    kind: 'agent',
    email: `${id}@example.gouv.fr`,
    givenName: 'Camille',
    usualName: id,
    proconnectSub: `sub-${id}`,
    uid: null,
    siret: '21380185500016',
    idpId: null,
    organisationSiren: '213801855',
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
    lastLoginAt: null,
    ...over,
  };
}

for (const dialect of dialects) {
  describe(`AccountsRepository on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: AccountsRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyAccountsRepository(handle.db);
      await repo.insertPerson(person('alice'));
      await repo.insertPerson(
        person('bruno', { kind: 'contact', proconnectSub: null, email: 'bruno@example.fr' }),
      );
    });
    after(() => handle.close());

    test('finds people by id, e-mail and ProConnect subject; updates only what is given', async () => {
      assert.equal((await repo.personByEmail('alice@example.gouv.fr'))?.id, 'alice');
      assert.equal((await repo.personBySub('sub-alice'))?.id, 'alice');
      await repo.updatePerson('alice', { lastLoginAt: '2023-01-18T08:00:00.000Z' });
      const alice = await repo.personById('alice');
      assert.equal(alice?.lastLoginAt, '2023-01-18T08:00:00.000Z');
      assert.equal(alice?.siret, '21380185500016');
      assert.equal(await repo.personById('personne'), null);
    });

    test('an e-mail address belongs to one person only', async () => {
      await assert.rejects(
        repo.insertPerson(person('alice2', { email: 'alice@example.gouv.fr', proconnectSub: 'x' })),
      );
    });

    test('a live grant is unique; revoking works once; a revoked role can be granted again', async () => {
      const g = {
        id: 'g1',
        personId: 'alice',
        role: 'referent' as const,
        scope: 'organisation:213801855',
        grantedBy: null,
        grantedAt: '2023-01-02T00:00:00.000Z',
      };
      assert.equal(await repo.insertGrant(g), true);
      assert.equal(await repo.insertGrant({ ...g, id: 'g2' }), false);
      assert.deepEqual(
        (await repo.liveGrants('alice')).map((x) => x.role),
        ['referent'],
      );
      assert.equal((await repo.revokeGrant('g1', 'admin', '2023-01-03T00:00:00.000Z'))?.role, 'referent');
      assert.equal(await repo.revokeGrant('g1', 'admin', '2023-01-03T00:00:00.000Z'), null);
      assert.deepEqual(await repo.liveGrants('alice'), []);
      assert.equal(await repo.insertGrant({ ...g, id: 'g3' }), true);
    });

    test('lists people with their roles, by name or e-mail and by role', async () => {
      const all = await repo.listPeople({ limit: 10, offset: 0 });
      assert.equal(all.total, 2);
      const byRole = await repo.listPeople({ role: 'referent', limit: 10, offset: 0 });
      assert.deepEqual(
        byRole.items.map((p) => [p.id, p.roles]),
        [['alice', ['referent']]],
      );
      const byText = await repo.listPeople({ q: 'BRUNO', limit: 10, offset: 0 });
      assert.deepEqual(
        byText.items.map((p) => p.id),
        ['bruno'],
      );
      const wildcard = await repo.listPeople({ q: '%', limit: 10, offset: 0 });
      assert.equal(wildcard.total, 2);
    });

    test('a login link is used once, and never after it expires', async () => {
      await repo.insertMagicLink({
        tokenHash: 'h1',
        email: 'bruno@example.fr',
        createdAt: '2023-01-01T10:00:00.000Z',
        expiresAt: '2023-01-01T10:15:00.000Z',
      });
      assert.equal(await repo.peekMagicLink('h1', '2023-01-01T10:05:00.000Z'), 'valide');
      assert.equal(await repo.consumeMagicLink('h1', '2023-01-01T10:05:00.000Z'), 'bruno@example.fr');
      assert.equal(await repo.consumeMagicLink('h1', '2023-01-01T10:06:00.000Z'), null);
      assert.equal(await repo.peekMagicLink('h1', '2023-01-01T10:06:00.000Z'), 'utilise');
      await repo.insertMagicLink({
        tokenHash: 'h2',
        email: 'bruno@example.fr',
        createdAt: '2023-01-01T10:00:00.000Z',
        expiresAt: '2023-01-01T10:15:00.000Z',
      });
      assert.equal(await repo.consumeMagicLink('h2', '2023-01-01T10:16:00.000Z'), null);
      assert.equal(await repo.peekMagicLink('h2', '2023-01-01T10:16:00.000Z'), 'expire');
      assert.equal(await repo.peekMagicLink('h3', '2023-01-01T10:16:00.000Z'), 'inconnu');
      assert.equal(await repo.purgeMagicLinks('2023-01-02T00:00:00.000Z'), 2);
    });

    test('the audit log lists newest first, filters, and forgets a deleted person’s name', async () => {
      await repo.audit({
        at: '2023-01-01T00:00:00.000Z',
        actorId: 'alice',
        actorLabel: 'Camille alice',
        action: 'connexion-proconnect',
        targetType: 'personne',
        targetId: 'alice',
        details: { a: 1 },
        ip: '127.0.0.1',
      });
      await repo.audit({
        at: '2023-01-02T00:00:00.000Z',
        actorId: 'alice',
        actorLabel: 'Camille alice',
        action: 'role-attribue',
        targetType: 'personne',
        targetId: 'bruno',
        details: {},
        ip: null,
      });
      const all = await repo.listAudit({ limit: 10, offset: 0 });
      assert.deepEqual(
        all.items.map((e) => e.action),
        ['role-attribue', 'connexion-proconnect'],
      );
      assert.deepEqual(all.items[1]?.details, { a: 1 });
      assert.equal((await repo.listAudit({ targetId: 'bruno', limit: 10, offset: 0 })).total, 1);
      await repo.anonymizeAuditActor('alice');
      assert.ok(
        (await repo.listAudit({ limit: 10, offset: 0 })).items.every(
          (e) => e.actorLabel === 'compte supprimé',
        ),
      );
    });

    test('deleting a person deletes their grants', async () => {
      await repo.deletePerson('alice');
      assert.equal(await repo.personById('alice'), null);
      assert.deepEqual(await repo.liveGrants('alice'), []);
    });
  });
}
