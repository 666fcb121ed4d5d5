/**
 * The espace de rencontres' e-mails, in French, accessible HTML with their plain-text twin. Each is enqueued in
 * the transaction that made its fact, with a dedupe key naming that fact, so that a retried transaction never
 * sends it twice. Every meeting mail carries its .ics and a cancellation link of its own.
 */

import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { renderMail } from '../../../adapters/mail/index.js';
import { formatDate } from '../../../platform/i18n/format.js';
import type { MailAttachment } from '../../../ports/mailer.js';
import type { Outbox, OutboxMessage } from '../../../ports/outbox.js';
import { agendaIcs, cancellationIcs, type Side } from '../documents/agenda-ics.js';
import type { Canceller } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import type { AgendaItem } from '../store/reads.js';
import { accessUrl, cancelUrl } from './links.js';

export interface MailContext {
  eventId: string;
  eventTitle: string;
  publicUrl: string;
}

type Built = OutboxMessage & { dedupeKey: string };

const ICS = (name: string, content: string): MailAttachment => ({
  filename: name,
  content,
  contentType: 'text/calendar; charset=utf-8',
});

function when(item: AgendaItem): string {
  return `${formatDate(item.startsAt)}, ${timeSpan(item.startsAt, item.endsAt)}`;
}

function footer(ctx: MailContext, side: Side): string {
  return side === 'participant'
    ? `Vous recevez ce message parce que vous êtes inscrit à « ${ctx.eventTitle} » et avez demandé ce rendez-vous sur Numérique & Territoires.`
    : `Vous recevez ce message parce que vous accueillez des participants à un stand de « ${ctx.eventTitle} » sur Numérique & Territoires.`;
}

function meetingLines(item: AgendaItem, side: Side): string[] {
  const lines = [
    `Quand : ${when(item)}.`,
    `Où : ${item.locationName}.`,
    side === 'participant'
      ? `Avec : ${item.memberName}, stand ${item.standName} (${item.organisation}).`
      : `Avec : ${item.participantName}${item.participantOrganisation ? `, ${item.participantOrganisation}` : ''}.`,
  ];
  if (item.note) lines.push(`Sujet indiqué : ${item.note}`);
  return [lines.join('\n')];
}

/**
 * A meeting announced to the participant: confirmed at once, requested (waiting for the stand's answer), or
 * accepted by the stand.
 */
export function participantMeetingMail(
  ctx: MailContext,
  item: AgendaItem,
  tokens: { access: string; cancel: string },
  kind: 'confirme' | 'demande' | 'accepte',
): Built {
  const titles = {
    confirme: `Votre rendez-vous avec ${item.standName} est confirmé`,
    demande: `Votre demande de rendez-vous avec ${item.standName} est envoyée`,
    accepte: `${item.standName} a accepté votre rendez-vous`,
  };
  const intro = {
    confirme: 'Votre rendez-vous est confirmé. Le fichier joint l’ajoute à votre agenda.',
    demande:
      'Votre demande est envoyée à l’équipe du stand. Le créneau vous est réservé jusqu’à sa réponse, que vous recevrez par courriel.',
    accepte:
      'L’équipe du stand a accepté votre demande : le rendez-vous est confirmé. Le fichier joint l’ajoute à votre agenda.',
  };
  return {
    kind: `rencontre-participant-${kind}`,
    dedupeKey: `rencontre:${item.bookingId}:participant:${kind}`,
    to: item.participantEmail,
    subject: titles[kind],
    ...renderMail({
      title: titles[kind],
      preheader: when(item),
      paragraphs: [
        'Bonjour,',
        intro[kind],
        ...meetingLines(item, 'participant'),
        `Un empêchement ? Annulez ce rendez-vous pour libérer le créneau : ${cancelUrl(ctx.publicUrl, tokens.cancel)}`,
      ],
      action: { label: 'Voir mon agenda de rendez-vous', url: accessUrl(ctx.publicUrl, tokens.access) },
      footer: footer(ctx, 'participant'),
    }),
    attachments: [ICS('rendez-vous.ics', agendaIcs(ctx.eventTitle, [item], 'participant', null))],
  };
}

/** A meeting announced to the stand's member: booked (confirmed) or requested (to accept or decline). */
export function memberMeetingMail(
  ctx: MailContext,
  item: AgendaItem,
  tokens: { access: string; cancel: string },
  kind: 'confirme' | 'demande',
): Built {
  const title =
    kind === 'confirme'
      ? `Nouveau rendez-vous avec ${item.participantName}`
      : `Demande de rendez-vous de ${item.participantName}`;
  const paragraphs =
    kind === 'confirme'
      ? ['Bonjour,', 'Un participant a réservé un créneau avec vous.', ...meetingLines(item, 'membre')]
      : [
          'Bonjour,',
          'Un participant demande un rendez-vous. Le créneau est bloqué jusqu’à votre réponse : acceptez ou refusez la demande depuis votre agenda. Un refus libère le créneau aussitôt.',
          ...meetingLines(item, 'membre'),
        ];
  paragraphs.push(`Un empêchement ? Annulez ce rendez-vous : ${cancelUrl(ctx.publicUrl, tokens.cancel)}`);
  return {
    kind: `rencontre-membre-${kind}`,
    dedupeKey: `rencontre:${item.bookingId}:membre:${kind}`,
    to: item.memberEmail,
    subject: title,
    ...renderMail({
      title,
      preheader: when(item),
      paragraphs,
      action: {
        label: kind === 'confirme' ? 'Voir l’agenda du stand' : 'Répondre à la demande',
        url: accessUrl(ctx.publicUrl, tokens.access),
      },
      footer: footer(ctx, 'membre'),
    }),
    attachments: [ICS('rendez-vous.ics', agendaIcs(ctx.eventTitle, [item], 'membre', null))],
  };
}

/** The stand declined a request: the participant is told, the slot is free again. */
export function declinedMail(
  ctx: MailContext,
  item: AgendaItem,
  access: string,
  reason: string | null,
): Built {
  const title = `${item.standName} ne peut pas vous recevoir à ce créneau`;
  return {
    kind: 'rencontre-participant-refuse',
    dedupeKey: `rencontre:${item.bookingId}:participant:refuse`,
    to: item.participantEmail,
    subject: title,
    ...renderMail({
      title,
      paragraphs: [
        'Bonjour,',
        `L’équipe du stand ${item.standName} a décliné votre demande du ${when(item)}.`,
        ...(reason ? [`Son message : ${reason}`] : []),
        'D’autres créneaux sont peut-être libres : consultez l’espace de rencontres.',
      ],
      action: { label: 'Voir les créneaux libres', url: accessUrl(ctx.publicUrl, access) },
      footer: footer(ctx, 'participant'),
    }),
  };
}

const BY: Record<Canceller, string> = {
  participant: 'le participant',
  membre: 'l’équipe du stand',
  organisateur: 'l’organisateur',
  systeme: 'la plateforme',
};

/** A meeting was cancelled: the side that did not cancel is told, with the file that removes it. */
export function cancelledMail(
  ctx: MailContext,
  item: AgendaItem,
  to: Side,
  by: Canceller,
  access: string,
  now: string,
): Built {
  const title =
    to === 'participant'
      ? `Votre rendez-vous avec ${item.standName} est annulé`
      : `Rendez-vous annulé : ${item.participantName}`;
  return {
    kind: `rencontre-${to}-annule`,
    dedupeKey: `rencontre:${item.bookingId}:${to}:annule`,
    to: to === 'participant' ? item.participantEmail : item.memberEmail,
    subject: title,
    ...renderMail({
      title,
      paragraphs: [
        'Bonjour,',
        `Le rendez-vous du ${when(item)} (${item.locationName}) a été annulé par ${BY[by]}.`,
        ...(item.reason ? [`Motif : ${item.reason}`] : []),
        to !== 'participant'
          ? 'Le créneau est de nouveau libre.'
          : by === 'systeme'
            ? 'Le créneau est libéré. Les rendez-vous ont lieu sur place : pour en réserver un autre, participez à l’événement en présentiel.'
            : 'Le créneau est libéré. Vous pouvez en réserver un autre dans l’espace de rencontres.',
      ],
      action: {
        label: to === 'participant' ? 'Voir mon agenda de rendez-vous' : 'Voir l’agenda du stand',
        url: accessUrl(ctx.publicUrl, access),
      },
      footer: footer(ctx, to),
    }),
    attachments: [ICS('annulation.ics', cancellationIcs(ctx.eventTitle, item, to, now))],
  };
}

/** The link to one's space, asked for on the espace de rencontres' page. */
export function accessMail(ctx: MailContext, to: string, side: Side, token: string, nonce: string): Built {
  const title =
    side === 'participant' ? 'Votre accès à l’espace de rencontres' : 'Votre accès à l’agenda de votre stand';
  return {
    kind: `rencontre-acces-${side}`,
    dedupeKey: `rencontre:acces:${nonce}:${side}`,
    to,
    subject: `${title} — ${ctx.eventTitle}`,
    ...renderMail({
      title,
      paragraphs: [
        'Bonjour,',
        side === 'participant'
          ? `Ce lien ouvre votre espace de rencontres de « ${ctx.eventTitle} » : réserver un créneau, voir et annuler vos rendez-vous.`
          : `Ce lien ouvre l’agenda de votre stand à « ${ctx.eventTitle} » : vos rendez-vous, les demandes à traiter, vos indisponibilités.`,
        'Il vous est personnel : ne le transférez pas.',
      ],
      action: {
        label: side === 'participant' ? 'Ouvrir mon espace' : 'Ouvrir l’agenda',
        url: accessUrl(ctx.publicUrl, token),
      },
      footer: footer(ctx, side),
    }),
  };
}

/**
 * The published assignment: a person's whole agenda at once, with its .ics, and for a participant a
 * cancellation link per meeting.
 */
export function publishedAgendaMail(
  ctx: MailContext,
  to: { email: string; side: Side; key: string },
  items: readonly AgendaItem[],
  access: string,
  cancelTokens: ReadonlyMap<string, string>,
): Built {
  const title =
    to.side === 'participant' ? 'Votre programme de rendez-vous' : 'Les rendez-vous de votre stand';
  const lines = items.map((item) => {
    const who =
      to.side === 'participant'
        ? `${item.standName} (${item.memberName})`
        : `${item.participantName}${item.participantOrganisation ? `, ${item.participantOrganisation}` : ''}`;
    const cancel = cancelTokens.get(item.bookingId);
    return `- ${timeSpan(item.startsAt, item.endsAt)}, ${item.locationName} : ${who}${cancel ? `\n  Annuler : ${cancelUrl(ctx.publicUrl, cancel)}` : ''}`;
  });
  return {
    kind: `rencontre-programme-${to.side}`,
    dedupeKey: `rencontre:programme:${to.key}`,
    to: to.email,
    subject: `${title} — ${ctx.eventTitle}`,
    ...renderMail({
      title,
      paragraphs: [
        'Bonjour,',
        to.side === 'participant'
          ? `L’organisateur a établi les rendez-vous de « ${ctx.eventTitle} » d’après vos choix. Les voici ; le fichier joint les ajoute à votre agenda.`
          : `L’organisateur a établi les rendez-vous de « ${ctx.eventTitle} ». Voici les vôtres ; le fichier joint les ajoute à votre agenda.`,
        items.length > 0 ? `${formatDate(items[0]!.startsAt)} :\n${lines.join('\n')}` : 'Aucun rendez-vous.',
      ],
      action: {
        label: to.side === 'participant' ? 'Voir mon agenda de rendez-vous' : 'Voir l’agenda du stand',
        url: accessUrl(ctx.publicUrl, access),
      },
      footer: footer(ctx, to.side),
    }),
    attachments: [ICS('rendez-vous.ics', agendaIcs(ctx.eventTitle, items, to.side, null))],
  };
}

/**
 * Enqueues messages in as few statements as the outbox allows (one for a booking's two, a batch for a published
 * assignment's hundreds).
 */
export async function enqueueAll(outbox: Outbox, trx: Kysely<Database>, messages: readonly OutboxMessage[]) {
  if (messages.length === 0) return;
  if (outbox.enqueueMany) await outbox.enqueueMany(trx, messages);
  else for (const m of messages) await outbox.enqueue(trx, m);
}
