/**
 * « Mise en relation »: a logged-in person writes to a solution's team, or to an organisation that uses it,
 * through the platform. The message goes, one e-mail each through the outbox, to the référents of that
 * scope who agreed to receive messages; no address is ever shown to the sender; the sender gets a copy and
 * the answers (Reply-To is the sender). Limited per sender, logged (without addresses), reportable by its
 * recipients. Also: the référents' consent, and reports of entries and messages for the moderators.
 */
import { randomUUID } from 'node:crypto';
import { can, displayName } from '../../accounts/index.js';
import { audited, type CatalogueDeps, historyLabelOf, labelOf, type Who } from '../catalogue.deps.js';
import { organisationScope, solutionScope } from '../catalogue.domain.js';
import { recipientMail, reportMail, senderCopyMail } from './mails.js';

/** A sender may write this many messages per hour, and per day: enough for a person, not for a robot. */
export const CONTACT_LIMITS = { perHour: 5, perDay: 20 } as const;
/** A person may report this many times per hour, and per day: a reader's reports, not a flood. */
export const REPORT_LIMITS = { perHour: 10, perDay: 30 } as const;

export interface ContactInput {
  kind: 'equipe' | 'utilisateur';
  /** For `utilisateur`: the organisation written to. */
  siren: string | null;
  subject: string;
  body: string;
}

export type ContactError =
  | 'introuvable'
  | 'interdit'
  | 'non-utilisatrice'
  | 'aucun-destinataire'
  | 'trop-de-messages'
  | 'contenu';

export function createContactService(deps: CatalogueDeps) {
  const { repo, clock } = deps;

  /** Who a message of this kind reaches: the scope's référents who agreed, the sender left out. */
  async function audienceOf(
    solutionId: string,
    input: Pick<ContactInput, 'kind' | 'siren'>,
    senderId: string,
  ) {
    const scope = input.kind === 'equipe' ? solutionScope(solutionId) : organisationScope(input.siren ?? '');
    return (await repo.recipients(scope)).filter((r) => r.personId !== senderId);
  }

  return {
    /** How many people a message would reach (the form says so; never who). */
    async reach(solutionId: string, input: Pick<ContactInput, 'kind' | 'siren'>, senderId: string | null) {
      return (await audienceOf(solutionId, input, senderId ?? '')).length;
    },

    /**
     * Sends a message. Errors are values: the solution is unknown or unpublished, the organisation does not
     * use it, nobody can receive it, the sender wrote too much lately, or the text is missing.
     *
     * @example
     * await contact.send(who, 'salle-sur-demande', { kind: 'equipe', siren: null, subject: 'Question', body: '…' });
     */
    async send(who: Who, solutionId: string, input: ContactInput) {
      const solution = solutionId.length > 100 ? null : await repo.solution(solutionId);
      if (solution?.status !== 'publiee') return { ok: false as const, error: 'introuvable' as const };
      if (!can(who.actor, 'catalogue:contact')) return { ok: false as const, error: 'interdit' as const };
      const errors: Record<string, string> = {};
      const subject = input.subject.trim();
      const body = input.body.trim();
      if (!subject) errors.objet = 'Saisissez l’objet de votre message.';
      else if (subject.length > 150 || /[\r\n]/.test(subject))
        errors.objet = 'L’objet : une ligne de 150 caractères au plus.';
      if (!body) errors.message = 'Saisissez votre message.';
      else if (body.length > 5_000) errors.message = 'Votre message : 5 000 caractères au plus.';
      if (Object.keys(errors).length > 0) return { ok: false as const, error: 'contenu' as const, errors };
      let target: { siren: string; name: string } | null = null;
      if (input.kind === 'utilisateur') {
        const use = input.siren ? await repo.use(solutionId, input.siren) : null;
        if (!use) return { ok: false as const, error: 'non-utilisatrice' as const };
        target = { siren: use.organisationSiren, name: use.organisationName };
      }
      const now = clock.now();
      const senderId = who.actor.person.id;
      const [lastHour, lastDay] = await Promise.all([
        repo.countContactsSince(senderId, new Date(now.getTime() - 3_600_000).toISOString()),
        repo.countContactsSince(senderId, new Date(now.getTime() - 86_400_000).toISOString()),
      ]);
      if (lastHour >= CONTACT_LIMITS.perHour || lastDay >= CONTACT_LIMITS.perDay)
        return { ok: false as const, error: 'trop-de-messages' as const };
      const recipients = await audienceOf(solutionId, input, senderId);
      if (recipients.length === 0) return { ok: false as const, error: 'aucun-destinataire' as const };

      const id = randomUUID();
      const senderName = displayName(who.actor.person);
      const senderOrganisation = who.actor.person.organisationSiren
        ? ((await deps.placeOf(who.actor.person.organisationSiren))?.organisationName ?? null)
        : null;
      const base = deps.publicUrl.replace(/\/$/, '');
      const facts = {
        solutionName: solution.name,
        solutionUrl: `${base}/catalogue/solutions/${solution.id}`,
        audience: target ? target.name : `l’équipe de « ${solution.name} »`,
        kind: input.kind,
        senderName,
        senderOrganisation,
        subject,
        body,
        reportUrl: `${base}/catalogue/messages/${id}/signaler`,
        preferencesUrl: `${base}/catalogue/mes-solutions`,
      };
      const mail = recipientMail(facts);
      const copy = senderCopyMail(facts, recipients.length);
      await repo.transaction(async (r) => {
        await r.insertContact(
          {
            id,
            solutionId,
            kind: input.kind,
            targetSiren: target?.siren ?? null,
            senderId,
            senderLabel: labelOf(who),
            subject,
            body,
            recipientCount: recipients.length,
            createdAt: now.toISOString(),
          },
          recipients.map((p) => p.personId),
        );
        // One message per recipient: no header of one ever names another.
        for (const p of recipients) {
          await deps.outbox.enqueue(r.db, {
            kind: 'catalogue-message',
            to: p.email,
            replyTo: who.actor.person.email,
            ...mail,
            dedupeKey: `catalogue-message:${id}:${p.personId}`,
          });
        }
        await deps.outbox.enqueue(r.db, {
          kind: 'catalogue-message-copie',
          to: who.actor.person.email,
          ...copy,
          dedupeKey: `catalogue-message:${id}:copie`,
        });
      });
      await audited(deps, who, 'catalogue:message', 'solution', solutionId, {
        message: id,
        type: input.kind,
        ...(target ? { organisation: target.siren } : {}),
        destinataires: recipients.length,
      });
      return { ok: true as const, id, recipients: recipients.length, audience: facts.audience };
    },

    /** A message, for its report page: only its recipients (and moderators) may see that it exists. */
    async messageFor(who: Who, contactId: string) {
      const message = contactId.length > 100 ? null : await repo.contact(contactId);
      if (!message) return null;
      const allowed =
        message.recipientIds.includes(who.actor.person.id) || can(who.actor, 'catalogue:moderate');
      return allowed ? message : null;
    },

    /**
     * Reports an entry (or, with `contactId`, a message received about it) to the moderators; a reason is
     * required, and a person's reports are limited (`REPORT_LIMITS`).
     *
     * @example
     * await contact.report(who, 'salle-sur-demande', { reason: 'Le lien du code source mène à un autre logiciel.' });
     */
    async report(who: Who, solutionId: string, input: { reason: string; contactId?: string | null }) {
      if (!can(who.actor, 'catalogue:report')) return { ok: false as const, error: 'interdit' as const };
      const solution = solutionId.length > 100 ? null : await repo.solution(solutionId);
      if (!solution) return { ok: false as const, error: 'introuvable' as const };
      const reason = input.reason.trim();
      if (!reason || reason.length > 1_000) return { ok: false as const, error: 'motif' as const };
      const now = clock.now();
      const reporterId = who.actor.person.id;
      const [lastHour, lastDay] = await Promise.all([
        repo.countReportsSince(reporterId, new Date(now.getTime() - 3_600_000).toISOString()),
        repo.countReportsSince(reporterId, new Date(now.getTime() - 86_400_000).toISOString()),
      ]);
      if (lastHour >= REPORT_LIMITS.perHour || lastDay >= REPORT_LIMITS.perDay)
        return { ok: false as const, error: 'trop-de-signalements' as const };
      const id = randomUUID();
      const notice = reportMail({
        solutionName: solution.name,
        reason,
        // The name only: `labelOf` falls back to the address of a person without one.
        reporterLabel: historyLabelOf(who),
        aboutMessage: Boolean(input.contactId),
        moderationUrl: `${deps.publicUrl.replace(/\/$/, '')}/admin/catalogue/signalements`,
      });
      // The report and its notice to each moderator commit together.
      await repo.transaction(async (r) => {
        await r.insertReport({
          id,
          solutionId,
          contactId: input.contactId ?? null,
          reporterId: who.actor.person.id,
          reporterLabel: labelOf(who),
          reason,
          status: 'ouvert',
          resolution: null,
          handledBy: null,
          handledAt: null,
          createdAt: now.toISOString(),
        });
        for (const m of await r.moderators()) {
          if (m.personId === reporterId) continue;
          await deps.outbox.enqueue(r.db, {
            kind: 'catalogue-signalement',
            to: m.email,
            ...notice,
            dedupeKey: `catalogue-signalement:${id}:${m.personId}`,
          });
        }
      });
      await audited(deps, who, 'catalogue:signalement', 'solution', solutionId, {
        signalement: id,
        ...(input.contactId ? { message: input.contactId } : {}),
      });
      return { ok: true as const, id };
    },

    /** A moderator closes a report: handled (`traite`) or dismissed (`rejete`), with a note. */
    async resolveReport(who: Who, reportId: string, status: 'traite' | 'rejete', resolution: string) {
      if (!can(who.actor, 'catalogue:moderate')) return { ok: false as const, error: 'interdit' as const };
      const done = await repo.resolveReport(
        reportId.slice(0, 100),
        status,
        resolution.trim(),
        labelOf(who),
        clock.now().toISOString(),
      );
      if (!done) return { ok: false as const, error: 'introuvable' as const };
      await audited(deps, who, `catalogue:signalement-${status}`, 'signalement', reportId, {
        note: resolution,
      });
      return { ok: true as const };
    },

    /**
     * A référent agrees (or stops agreeing) to receive messages for a scope they answer for. An author may
     * agree for their own solution before publication makes them its référent.
     */
    async setOptin(who: Who, scope: string, on: boolean) {
      const personId = who.actor.person.id;
      const scopes = await repo.referentScopesOf(personId);
      let allowed = scopes.includes(scope);
      if (!allowed && scope.startsWith('solution:')) {
        const s = await repo.solution(scope.slice('solution:'.length).slice(0, 100));
        allowed = s?.authorId === personId;
      }
      if (!allowed) return { ok: false as const, error: 'interdit' as const };
      await repo.setOptin(personId, scope, on, clock.now().toISOString());
      await audited(
        deps,
        who,
        on ? 'catalogue:contact-accepte' : 'catalogue:contact-refuse',
        'perimetre',
        scope,
      );
      return { ok: true as const };
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
