import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { AgentIdentity } from '../../ports/identity-provider.js';
import type { MailMessage } from '../../ports/mailer.js';
import type { Outbox } from '../../ports/outbox.js';
import type { SessionStore } from '../../ports/session-store.js';
import { randomToken, sha256 } from '../../shared/hash.js';
import { isValidSiren, isValidSiret } from '../../shared/siren.js';
import {
  type Actor,
  displayName,
  type Grant,
  isValidScope,
  normalizeEmail,
  type Person,
  ROLES,
  type Role,
} from './accounts.domain.js';
import { AccountsError } from './accounts.errors.js';
import type { AccountsRepository } from './accounts.repository.js';
import { can } from './policy.js';

/** A login link works once, for a quarter of an hour. */
export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;

/** What the accounts module needs from the territories module: organisations by SIREN. */
export interface OrganisationDirectory {
  findOrCreate(input: { siren: string }): Promise<{ siren: string; name: string }>;
  bySiren(siren: string): Promise<{ siren: string; name: string } | null>;
}

export interface RequestContext {
  ip: string | null;
}

export interface AccountsDeps {
  repo: AccountsRepository;
  outbox: Outbox;
  sessions: SessionStore;
  organisations: OrganisationDirectory;
  clock: Clock;
  publicUrl: string;
  loginLinkMail: (input: { url: string; expiresInMinutes: number }) => Omit<MailMessage, 'to'>;
}

/**
 * The use cases of accounts: logging in (ProConnect, e-mail link), roles, one's own data. Every change to a
 * person's rights or data is written to the audit log in the same transaction.
 */
export function createAccountsService(deps: AccountsDeps) {
  const { repo, clock } = deps;
  const now = () => clock.now().toISOString();
  const labelOf = (actor: Actor) => (actor ? displayName(actor.person) : 'système');

  const service = {
    /** The actor behind a session's person id: the person and their live grants, or null. */
    async actorFor(personId: string | null): Promise<Actor> {
      if (!personId) return null;
      const person = await repo.personById(personId);
      if (!person) return null;
      return { person, grants: await repo.liveGrants(person.id) };
    },

    /**
     * An agent back from ProConnect: checked SIRET, attached to the organisation of its SIREN (created when
     * first met), found by their ProConnect subject, else by e-mail, else created.
     */
    async loginWithProConnect(identity: AgentIdentity, ctx: RequestContext): Promise<Person> {
      const siret = (identity.siret ?? '').replace(/\s/g, '');
      if (!siret) {
        throw new AccountsError(
          'siret-manquant',
          'ProConnect n’a pas transmis le SIRET de votre organisation : la connexion ne peut pas aboutir.',
        );
      }
      if (!isValidSiret(siret)) {
        throw new AccountsError(
          'siret-invalide',
          `Le SIRET transmis par ProConnect (${siret}) n’est pas valide : vérifiez votre organisation auprès de votre fournisseur d’identité.`,
        );
      }
      const organisation = await deps.organisations.findOrCreate({ siren: siret.slice(0, 9) });
      const at = now();
      const email = normalizeEmail(identity.email);
      return repo.transaction(async (r) => {
        const existing = (await r.personBySub(identity.sub)) ?? (await r.personByEmail(email));
        const claims = {
          kind: 'agent' as const,
          email,
          givenName: identity.givenName,
          usualName: identity.usualName,
          proconnectSub: identity.sub,
          uid: identity.uid,
          siret,
          idpId: identity.idpId,
          updatedAt: at,
          lastLoginAt: at,
        };
        let person: Person;
        if (existing) {
          // The organisation chosen by the agent wins over the SIRET once corrected; a first agent login sets it.
          const organisationSiren = existing.organisationSiren ?? organisation.siren;
          await r.updatePerson(existing.id, { ...claims, organisationSiren });
          person = { ...existing, ...claims, organisationSiren };
        } else {
          person = { id: randomUUID(), createdAt: at, organisationSiren: organisation.siren, ...claims };
          await r.insertPerson(person);
        }
        await r.audit({
          at,
          actorId: person.id,
          actorLabel: displayName(person),
          action: 'connexion-proconnect',
          targetType: 'personne',
          targetId: person.id,
          details: { organisation: organisation.siren, nouveau: !existing },
          ip: ctx.ip,
        });
        return person;
      });
    },

    /**
     * Sends a single-use login link to an address. Says nothing about whether the address is known: the
     * answer and the time taken are the same either way (an account is only created when the link is used).
     */
    async requestLoginLink(rawEmail: string): Promise<void> {
      const email = normalizeEmail(rawEmail);
      const token = randomToken(32);
      const createdAt = clock.now();
      const expiresAt = new Date(createdAt.getTime() + LOGIN_LINK_TTL_MS);
      const url = `${deps.publicUrl}/connexion/lien/${token}`;
      await repo.transaction(async (r, trx) => {
        await r.insertMagicLink({
          tokenHash: sha256(token),
          email,
          createdAt: createdAt.toISOString(),
          expiresAt: expiresAt.toISOString(),
        });
        // Same transaction: the mail exists if and only if the link does.
        await deps.outbox.enqueue(trx, {
          kind: 'lien-connexion',
          to: email,
          ...deps.loginLinkMail({ url, expiresInMinutes: LOGIN_LINK_TTL_MS / 60_000 }),
        });
      });
    },

    /** Whether a link can still be used, to show the right page before the person confirms. */
    linkState(token: string) {
      return repo.peekMagicLink(sha256(token), now());
    },

    /** Uses a login link: once, before it expires. The person is created at first use (kind `contact`). */
    async consumeLoginLink(token: string, ctx: RequestContext): Promise<Person> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
        throw new AccountsError('lien-invalide', 'Ce lien de connexion n’est pas valide.');
      }
      const at = now();
      return repo.transaction(async (r) => {
        const email = await r.consumeMagicLink(sha256(token), at);
        if (!email) {
          throw new AccountsError(
            'lien-invalide',
            'Ce lien de connexion a déjà servi ou a expiré. Demandez-en un nouveau : il vous parviendra en quelques instants.',
          );
        }
        let person = await r.personByEmail(email);
        if (!person) {
          person = {
            id: randomUUID(),
            kind: 'contact',
            email,
            givenName: null,
            usualName: null,
            proconnectSub: null,
            uid: null,
            siret: null,
            idpId: null,
            organisationSiren: null,
            createdAt: at,
            updatedAt: at,
            lastLoginAt: at,
          };
          await r.insertPerson(person);
        } else {
          await r.updatePerson(person.id, { lastLoginAt: at });
        }
        await r.audit({
          at,
          actorId: person.id,
          actorLabel: displayName(person),
          action: 'connexion-lien',
          targetType: 'personne',
          targetId: person.id,
          details: {},
          ip: ctx.ip,
        });
        return person;
      });
    },

    /** Records a logout (the session itself is ended by the route). */
    async recordLogout(actor: Actor, ctx: RequestContext) {
      if (!actor) return;
      await repo.audit({
        at: now(),
        actorId: actor.person.id,
        actorLabel: labelOf(actor),
        action: 'deconnexion',
        targetType: 'personne',
        targetId: actor.person.id,
        details: {},
        ip: ctx.ip,
      });
    },

    /** An administrator grants a role for a scope ('' for the whole platform). */
    async grantRole(
      actor: Actor,
      input: { personId: string; role: string; scope: string },
      ctx: RequestContext,
    ) {
      if (!can(actor, 'roles:grant'))
        throw new AccountsError('interdit', 'Vous ne pouvez pas attribuer de rôle.');
      if (!(ROLES as readonly string[]).includes(input.role)) {
        throw new AccountsError('role-inconnu', 'Choisissez un rôle dans la liste.');
      }
      const role = input.role as Role;
      const scope = input.scope.trim();
      if (!isValidScope(role, scope)) {
        throw new AccountsError(
          'perimetre-invalide',
          `Le périmètre « ${scope} » ne convient pas au rôle choisi.`,
        );
      }
      const target = await repo.personById(input.personId);
      if (!target) throw new AccountsError('introuvable', 'Cette personne n’existe plus.');
      const grant: Grant = {
        id: randomUUID(),
        personId: target.id,
        role,
        scope,
        grantedBy: actor!.person.id,
        grantedAt: now(),
      };
      await repo.transaction(async (r) => {
        if (!(await r.insertGrant(grant))) {
          throw new AccountsError('deja-attribue', 'Cette personne a déjà ce rôle pour ce périmètre.');
        }
        await r.audit({
          at: grant.grantedAt,
          actorId: actor!.person.id,
          actorLabel: labelOf(actor),
          action: 'role-attribue',
          targetType: 'personne',
          targetId: target.id,
          details: { role, perimetre: scope },
          ip: ctx.ip,
        });
      });
      return grant;
    },

    /** An administrator withdraws a grant; the person's sessions end, so the change applies at once. */
    async revokeRole(actor: Actor, grantId: string, ctx: RequestContext) {
      if (!can(actor, 'roles:revoke'))
        throw new AccountsError('interdit', 'Vous ne pouvez pas retirer de rôle.');
      const at = now();
      const revoked = await repo.transaction(async (r) => {
        const grant = await r.revokeGrant(grantId, actor!.person.id, at);
        if (!grant) return null;
        await r.audit({
          at,
          actorId: actor!.person.id,
          actorLabel: labelOf(actor),
          action: 'role-retire',
          targetType: 'personne',
          targetId: grant.personId,
          details: { role: grant.role, perimetre: grant.scope },
          ip: ctx.ip,
        });
        return grant;
      });
      if (!revoked) throw new AccountsError('introuvable', 'Ce rôle a déjà été retiré.');
      await deps.sessions.destroyForPerson(revoked.personId);
      return revoked;
    },

    /** Writes an organisation's renaming (done by the territories module) to the audit log. */
    async recordOrganisationRename(
      actor: Actor,
      change: { siren: string; before: string | null; after: string },
      ctx: RequestContext,
    ) {
      await repo.audit({
        at: now(),
        actorId: actor?.person.id ?? null,
        actorLabel: labelOf(actor),
        action: 'organisation-renommee',
        targetType: 'organisation',
        targetId: change.siren,
        details: { avant: change.before, apres: change.after },
        ip: ctx.ip,
      });
    },

    /** An agent corrects the organisation they belong to (by SIREN). */
    async changeOrganisation(actor: Actor, rawSiren: string, ctx: RequestContext) {
      if (!actor || !can(actor, 'organisation:correct-own')) {
        throw new AccountsError('interdit', 'Seuls les agents publics sont rattachés à une organisation.');
      }
      const siren = rawSiren.replace(/\s/g, '');
      if (!isValidSiren(siren)) {
        throw new AccountsError(
          'siren-invalide',
          'Le SIREN doit compter 9 chiffres et être valide (clé de contrôle).',
        );
      }
      const organisation = await deps.organisations.findOrCreate({ siren });
      const at = now();
      await repo.transaction(async (r) => {
        await r.updatePerson(actor.person.id, { organisationSiren: organisation.siren, updatedAt: at });
        await r.audit({
          at,
          actorId: actor.person.id,
          actorLabel: labelOf(actor),
          action: 'organisation-corrigee',
          targetType: 'personne',
          targetId: actor.person.id,
          details: { avant: actor.person.organisationSiren, apres: organisation.siren },
          ip: ctx.ip,
        });
      });
      return organisation;
    },

    /**
     * Makes sure a person with this address exists and is an administrator (the `nt create-admin` command and
     * the demonstration data). The person logs in later with ProConnect or a link sent to that address.
     */
    async ensureRole(
      rawEmail: string,
      role: Role,
      scope = '',
    ): Promise<{ person: Person; created: boolean }> {
      const email = normalizeEmail(rawEmail);
      const at = now();
      return repo.transaction(async (r) => {
        let person = await r.personByEmail(email);
        const created = !person;
        if (!person) {
          person = {
            id: randomUUID(),
            kind: 'contact',
            email,
            givenName: null,
            usualName: null,
            proconnectSub: null,
            uid: null,
            siret: null,
            idpId: null,
            organisationSiren: null,
            createdAt: at,
            updatedAt: at,
            lastLoginAt: null,
          };
          await r.insertPerson(person);
        }
        const granted = await r.insertGrant({
          id: randomUUID(),
          personId: person.id,
          role,
          scope,
          grantedBy: null,
          grantedAt: at,
        });
        if (granted) {
          await r.audit({
            at,
            actorId: null,
            actorLabel: 'système',
            action: 'role-attribue',
            targetType: 'personne',
            targetId: person.id,
            details: { role, perimetre: scope },
            ip: null,
          });
        }
        return { person, created };
      });
    },

    /** Everything the platform holds about the actor, as the RGPD's right of access asks. */
    async exportOwnData(actor: NonNullable<Actor>) {
      const events = await repo.listAudit({ targetId: actor.person.id, limit: 1000, offset: 0 });
      return {
        exporte_le: now(),
        personne: actor.person,
        roles: actor.grants.map((g) => ({ role: g.role, perimetre: g.scope, depuis: g.grantedAt })),
        journal: events.items.map((e) => ({
          date: e.at,
          action: e.action,
          par: e.actorLabel,
          details: e.details,
        })),
      };
    },

    /** Deletes the actor's account: person, roles and sessions; the audit log keeps a pseudonymous trace. */
    async deleteOwnAccount(actor: NonNullable<Actor>, ctx: RequestContext) {
      const at = now();
      await repo.transaction(async (r) => {
        await r.audit({
          at,
          actorId: actor.person.id,
          actorLabel: 'compte supprimé',
          action: 'compte-supprime',
          targetType: 'personne',
          targetId: actor.person.id,
          details: {},
          ip: ctx.ip,
        });
        await r.deletePerson(actor.person.id);
        // Earlier entries keep what happened, no longer who it was.
        await r.anonymizeAuditActor(actor.person.id);
      });
      await deps.sessions.destroyForPerson(actor.person.id);
    },
  };
  return service;
}

export type AccountsService = ReturnType<typeof createAccountsService>;
