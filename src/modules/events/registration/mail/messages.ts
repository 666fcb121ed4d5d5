/**
 * Registration's e-mails, in French, as accessible HTML with their plain-text twin (`renderMail`). Each builder
 * names the fact it announces in its dedupe key, so that a retried transaction, a replayed form or a timer
 * that runs twice never sends it twice.
 */

import type { renderMail } from '../../../../adapters/mail/index.js';
import type { MailAttachment } from '../../../../ports/mailer.js';
import type { ComposedBody } from '../../../../ports/outbox.js';
import { MODES, type Mode } from '../../events.domain.js';
import { parisDateTime, parisSpan } from './format.js';
import { renderPersonal } from './templates.js';

export interface MailEvent {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string | null;
  address: string | null;
  videoUrl: string | null;
  offerHours: number;
}

export interface MailPerson {
  registrationId: string;
  givenName: string;
  email: string;
  mode: Mode;
}

export interface MailSession {
  title: string;
  startsAt: string;
  status: string;
}

/** What a message is and goes to, known without writing it (see composed.ts). */
export interface Envelope {
  kind: string;
  dedupeKey: string;
  to: string;
  subject: string;
}

type Built = Envelope & ComposedBody;

const footerFor = (event: MailEvent) =>
  `Vous recevez ce message parce qu’une inscription à « ${event.title} » a été faite avec cette adresse sur Numérique & Territoires. Si ce n’est pas vous, ignorez-le : rien ne sera fait sans ce lien.`;

function build(
  kind: string,
  dedupeKey: string,
  to: string,
  subject: string,
  content: Parameters<typeof renderMail>[0],
  attachments?: MailAttachment[],
): Built {
  return { kind, dedupeKey, to, subject, ...renderPersonal(content), attachments };
}

/** The envelopes of the messages that may be composed at sending. */
export const envelopes = {
  confirmation: (a: { event: MailEvent; person: MailPerson }): Envelope => ({
    kind: 'inscription-confirmee',
    dedupeKey: `inscription:${a.person.registrationId}:confirmee`,
    to: a.person.email,
    subject: `Inscription confirmée : ${a.event.title}`,
  }),
  requestReceived: (a: { event: MailEvent; person: MailPerson }): Envelope => ({
    kind: 'inscription-demande-recue',
    dedupeKey: `inscription:${a.person.registrationId}:demande-recue`,
    to: a.person.email,
    subject: `Demande d’inscription reçue : ${a.event.title}`,
  }),
  waitingList: (a: { event: MailEvent; person: MailPerson }): Envelope => ({
    kind: 'inscription-liste-attente',
    dedupeKey: `inscription:${a.person.registrationId}:attente`,
    to: a.person.email,
    subject: `Liste d’attente : ${a.event.title}`,
  }),
  changed: (a: { event: MailEvent; person: MailPerson; at: string }): Envelope => ({
    kind: 'inscription-modifiee',
    dedupeKey: `inscription:${a.person.registrationId}:modifiee:${a.at}`,
    to: a.person.email,
    subject: `Inscription modifiée : ${a.event.title}`,
  }),
};

function written(
  envelope: Envelope,
  content: Parameters<typeof renderMail>[0],
  attachments?: MailAttachment[],
) {
  return build(envelope.kind, envelope.dedupeKey, envelope.to, envelope.subject, content, attachments);
}

/** Where and when, as the participant attends it. */
function practical(event: MailEvent, mode: Mode): string[] {
  const lines = [`Date : ${parisSpan(event.startsAt, event.endsAt)}.`];
  if (mode === 'presentiel') {
    const place = [event.venueName, event.address].filter(Boolean).join(', ');
    if (place) lines.push(`Lieu : ${place}.`);
  } else {
    lines.push(
      event.videoUrl
        ? `Vous participez à distance. Lien de connexion à la diffusion : ${event.videoUrl}`
        : 'Vous participez à distance. Le lien de connexion vous sera envoyé avant l’événement.',
    );
  }
  return lines;
}

function sessionLines(sessions: readonly MailSession[]): string[] {
  if (sessions.length === 0) return [];
  const state = (s: MailSession) =>
    s.status === 'confirmee' ? 'place réservée' : s.status === 'offre' ? 'place proposée' : 'liste d’attente';
  return [
    `Vos sessions :\n${sessions.map((s) => `- ${s.title} (${parisDateTime(s.startsAt)}) : ${state(s)}`).join('\n')}`,
  ];
}

/**
 * « Inscription confirmée »: the .ics, and for in-person participants the badge's QR code. Written when it is
 * sent (composed.ts).
 *
 * @example
 * const { text, html, attachments } = confirmationMail({ event, person, sessions, manageUrl, ics, badgePng });
 */
export function confirmationMail(a: {
  event: MailEvent;
  person: MailPerson;
  sessions: readonly MailSession[];
  manageUrl: string;
  ics: string;
  badgePng: Buffer | null;
}): Built {
  const attachments: MailAttachment[] = [
    {
      filename: 'evenement.ics',
      content: a.ics,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    },
  ];
  const paragraphs = [
    `Bonjour ${a.person.givenName},`,
    `Votre inscription à « ${a.event.title} » est confirmée (${MODES[a.person.mode].toLowerCase()}).`,
    ...practical(a.event, a.person.mode),
    ...sessionLines(a.sessions),
    'L’événement est joint à ce message, à ajouter à votre agenda (fichier .ics).',
  ];
  if (a.badgePng) {
    attachments.push({ filename: 'badge-qr.png', content: a.badgePng, contentType: 'image/png' });
    paragraphs.push(
      'Votre badge est joint à ce message sous forme de code QR : présentez-le à l’accueil, sur votre téléphone ou imprimé.',
    );
  }
  paragraphs.push('Un empêchement ? Annulez votre inscription pour libérer votre place.');
  return written(
    envelopes.confirmation(a),
    {
      preheader: `Nous vous attendons ${parisSpan(a.event.startsAt, a.event.endsAt)}.`,
      title: 'Votre inscription est confirmée',
      paragraphs,
      action: { label: 'Gérer mon inscription', url: a.manageUrl },
      footer: footerFor(a.event),
    },
    attachments,
  );
}

/** « Demande reçue »: the profile needs the organisers' approval; distinct from a confirmation. */
export function requestReceivedMail(a: { event: MailEvent; person: MailPerson; manageUrl: string }): Built {
  return written(envelopes.requestReceived(a), {
    title: 'Votre demande d’inscription a bien été reçue',
    paragraphs: [
      `Bonjour ${a.person.givenName},`,
      `Votre demande d’inscription à « ${a.event.title} » a bien été reçue. Elle doit être validée par l’équipe organisatrice : ce n’est pas encore une confirmation.`,
      'Vous recevrez un courriel dès qu’elle aura été examinée. Une place vous est réservée en attendant.',
    ],
    action: { label: 'Suivre ma demande', url: a.manageUrl },
    footer: footerFor(a.event),
  });
}

/** On the waiting list: what happens next. */
export function waitingListMail(a: { event: MailEvent; person: MailPerson; manageUrl: string }): Built {
  return written(envelopes.waitingList(a), {
    title: 'Vous êtes sur la liste d’attente',
    paragraphs: [
      `Bonjour ${a.person.givenName},`,
      `« ${a.event.title} » est complet pour le moment : vous êtes inscrit sur la liste d’attente, dans l’ordre d’arrivée des demandes.`,
      `Si une place se libère, nous vous la proposerons par courriel ; vous aurez alors ${a.event.offerHours} heures pour l’accepter (au plus tard à la clôture des inscriptions).`,
    ],
    action: { label: 'Voir ma place dans la liste', url: a.manageUrl },
    footer: footerFor(a.event),
  });
}

/** A freed seat, offered until `expiresAt`, to accept in one click from the page the link opens. */
export function offerMail(a: {
  event: MailEvent;
  person: MailPerson;
  offerUrl: string;
  expiresAt: string;
  session?: { id: string; title: string };
}): Built {
  const what = a.session ? `la session « ${a.session.title} »` : `« ${a.event.title} »`;
  return build(
    a.session ? 'inscription-session-offre' : 'inscription-offre',
    a.session
      ? `inscription:${a.person.registrationId}:session:${a.session.id}:offre:${a.expiresAt}`
      : `inscription:${a.person.registrationId}:offre`,
    a.person.email,
    `Une place s’est libérée : ${a.session?.title ?? a.event.title}`,
    {
      preheader: `Place réservée jusqu’au ${parisDateTime(a.expiresAt)}.`,
      title: 'Une place s’est libérée pour vous',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Une place s’est libérée pour ${what}. Elle vous est réservée jusqu’au ${parisDateTime(a.expiresAt)} (heure de Paris).`,
        'Passé ce délai, elle sera proposée à la personne suivante de la liste d’attente.',
      ],
      action: { label: 'Accepter la place', url: a.offerUrl },
      footer: footerFor(a.event),
    },
  );
}

/** The offer ran out: the seat went to the next person. */
export function offerExpiredMail(a: { event: MailEvent; person: MailPerson; registerUrl: string }): Built {
  return build(
    'inscription-offre-expiree',
    `inscription:${a.person.registrationId}:offre-expiree`,
    a.person.email,
    `Place non acceptée : ${a.event.title}`,
    {
      title: 'La place proposée n’a pas été acceptée à temps',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `La place qui vous était proposée pour « ${a.event.title} » n’a pas été acceptée dans le délai : elle a été proposée à la personne suivante.`,
        'Vous pouvez vous inscrire à nouveau ; vous prendrez place à la fin de la liste d’attente.',
      ],
      action: { label: 'M’inscrire à nouveau', url: a.registerUrl },
      footer: footerFor(a.event),
    },
  );
}

/** Refused, with the reason. */
export function refusalMail(a: { event: MailEvent; person: MailPerson; reason: string }): Built {
  return build(
    'inscription-refusee',
    `inscription:${a.person.registrationId}:refusee`,
    a.person.email,
    `Inscription non retenue : ${a.event.title}`,
    {
      title: 'Votre demande d’inscription n’a pas été retenue',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Votre demande d’inscription à « ${a.event.title} » n’a pas été retenue.`,
        `Motif : ${a.reason}`,
      ],
      footer: footerFor(a.event),
    },
  );
}

/** Cancelled (by the participant): the seat went back to the list. */
export function cancellationMail(a: { event: MailEvent; person: MailPerson; registerUrl: string }): Built {
  return build(
    'inscription-annulee',
    `inscription:${a.person.registrationId}:annulee`,
    a.person.email,
    `Inscription annulée : ${a.event.title}`,
    {
      title: 'Votre inscription est annulée',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Votre inscription à « ${a.event.title} » est annulée et votre place a été libérée. Merci de l’avoir signalé.`,
        'Si vous changez d’avis, vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes.',
      ],
      action: { label: 'M’inscrire à nouveau', url: a.registerUrl },
      footer: footerFor(a.event),
    },
  );
}

/** The reminder 7 days or 1 day before; remote participants get the video link again. */
export function reminderMail(a: {
  event: MailEvent;
  person: MailPerson;
  sessions: readonly MailSession[];
  manageUrl: string;
  days: 7 | 1;
}): Built {
  const when = a.days === 1 ? 'demain' : 'dans 7 jours';
  return build(
    a.days === 1 ? 'inscription-rappel-1j' : 'inscription-rappel-7j',
    `inscription:${a.person.registrationId}:rappel-${a.days}j`,
    a.person.email,
    `Rappel : ${a.event.title}, ${when}`,
    {
      title: `« ${a.event.title} » a lieu ${when}`,
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Nous vous rappelons votre inscription à « ${a.event.title} ».`,
        ...practical(a.event, a.person.mode),
        ...sessionLines(a.sessions),
        'Un empêchement ? Annulez votre inscription pour qu’une personne de la liste d’attente puisse venir.',
      ],
      action: { label: 'Gérer mon inscription', url: a.manageUrl },
      footer: footerFor(a.event),
    },
  );
}

/** A fresh management link, for someone who registers again with the same address. */
export function linkMail(a: {
  event: MailEvent;
  person: MailPerson;
  manageUrl: string;
  fact: string;
}): Built {
  return build(
    'inscription-lien',
    `inscription:${a.person.registrationId}:lien:${a.fact}`,
    a.person.email,
    `Votre inscription : ${a.event.title}`,
    {
      title: 'Vous êtes déjà inscrit',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Une nouvelle inscription à « ${a.event.title} » a été demandée avec cette adresse, qui a déjà une inscription en cours : aucune seconde inscription n’a été créée.`,
        'Voici le lien pour consulter ou modifier votre inscription.',
      ],
      action: { label: 'Gérer mon inscription', url: a.manageUrl },
      footer: footerFor(a.event),
    },
  );
}

/** The registration changed (mode or sessions), with a new badge when the participant now comes in person. */
export function changedMail(a: {
  event: MailEvent;
  person: MailPerson;
  sessions: readonly MailSession[];
  manageUrl: string;
  at: string;
  badgePng: Buffer | null;
}): Built {
  const attachments: MailAttachment[] = a.badgePng
    ? [{ filename: 'badge-qr.png', content: a.badgePng, contentType: 'image/png' }]
    : [];
  return written(
    envelopes.changed(a),
    {
      title: 'Votre inscription a été modifiée',
      paragraphs: [
        `Bonjour ${a.person.givenName},`,
        `Votre inscription à « ${a.event.title} » a été modifiée : vous participez ${MODES[a.person.mode].toLowerCase()}.`,
        ...practical(a.event, a.person.mode),
        ...sessionLines(a.sessions),
        ...(a.badgePng ? ['Votre badge (code QR) est joint à ce message.'] : []),
      ],
      action: { label: 'Gérer mon inscription', url: a.manageUrl },
      footer: footerFor(a.event),
    },
    attachments,
  );
}
