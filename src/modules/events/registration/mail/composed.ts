/**
 * Registration's messages composed at sending (see `ComposedAtSending`): the decision's transaction stores
 * what the message says (the event and the person as they were, the sessions, the link, the calendar, the
 * badge's claims) and the outbox worker writes the text, the HTML and the badge's signed QR code when it
 * sends. Writing them costs more than the decision itself; left to the sending, which goes at the mail
 * server's pace anyway, it stays out of an opening rush. The same input gives the same message (Ed25519
 * signatures and the QR drawing are deterministic), so a retried or resent mail is the same mail.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../adapters/db/schema.js';
import type { MailComposers, OutboxMessage } from '../../../../ports/outbox.js';
import { type BadgeClaims, getBadgeSigner } from '../../checkin/badge-token.js';
import { badgeQrPng } from './badge-qr.js';
import {
  changedMail,
  confirmationMail,
  envelopes,
  type MailEvent,
  type MailPerson,
  type MailSession,
  requestReceivedMail,
  waitingListMail,
} from './messages.js';

const COMPOSER = 'inscription';

type Facts = { event: MailEvent; person: MailPerson; manageUrl: string };

/** What a registration message composed at sending says. */
export type ComposedInput =
  | (Facts & { mail: 'confirmation'; sessions: MailSession[]; ics: string; badge: BadgeClaims | null })
  | (Facts & { mail: 'demande' | 'attente' })
  | (Facts & { mail: 'modifiee'; sessions: MailSession[]; at: string; badge: BadgeClaims | null });

/**
 * The message as the outbox takes it: its envelope (kind, dedupe key, recipient, subject) now, the rest at
 * sending.
 *
 * @example
 * await outbox.enqueue(trx, composedAtSending({ mail: 'attente', event, person, manageUrl }));
 */
export function composedAtSending(input: ComposedInput): OutboxMessage {
  return { ...envelopeOf(input), composedAtSending: { composer: COMPOSER, input } };
}

function envelopeOf(input: ComposedInput) {
  switch (input.mail) {
    case 'confirmation':
      return envelopes.confirmation(input);
    case 'demande':
      return envelopes.requestReceived(input);
    case 'attente':
      return envelopes.waitingList(input);
    case 'modifiee':
      return envelopes.changed(input);
  }
}

/**
 * What an outbox worker needs to compose the events module's messages, with the badge key of `db`.
 *
 * @example
 * createOutboxWorker({ db, dialect, mailer, clock, composers: eventMailComposers(db) });
 */
export function eventMailComposers(db: Kysely<Database>): MailComposers {
  const signer = getBadgeSigner(db);
  const badge = async (claims: BadgeClaims | null) => (claims ? badgeQrPng(await signer.sign(claims)) : null);
  return {
    [COMPOSER]: async (raw) => {
      const input = readable(raw);
      const m =
        input.mail === 'confirmation'
          ? confirmationMail({ ...input, badgePng: await badge(input.badge) })
          : input.mail === 'modifiee'
            ? changedMail({ ...input, badgePng: await badge(input.badge) })
            : input.mail === 'demande'
              ? requestReceivedMail(input)
              : waitingListMail(input);
      return { text: m.text, html: m.html, attachments: m.attachments };
    },
  };
}

const MAILS = new Set(['confirmation', 'demande', 'attente', 'modifiee']);

/** The stored input, checked for what every message reads: a message that cannot be written is not sent. */
function readable(raw: unknown): ComposedInput {
  const input = raw as Partial<ComposedInput> | null;
  if (
    !input ||
    typeof input.mail !== 'string' ||
    !MAILS.has(input.mail) ||
    typeof input.event?.title !== 'string' ||
    typeof input.person?.email !== 'string' ||
    typeof input.manageUrl !== 'string'
  ) {
    throw new Error('Message d’inscription illisible : il ne peut pas être rédigé.');
  }
  return input as ComposedInput;
}
