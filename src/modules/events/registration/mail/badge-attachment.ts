/**
 * The badge's QR code as an attachment drawn at sending (see `DrawnAttachment`): the registration's
 * transaction stores the badge's claims, and the outbox worker signs them and draws the PNG. Signing and
 * drawing cost more than the rest of a registration; left to the sending, which goes at the mail server's
 * pace, they stay out of an opening rush. The PNG is the same whenever it is drawn (Ed25519 signatures and the
 * drawing are deterministic), so a retried or resent mail carries the same badge.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../../adapters/db/schema.js';
import type { AttachmentDrawers, DrawnAttachment } from '../../../../ports/outbox.js';
import { type BadgeClaims, getBadgeSigner } from '../../checkin/badge-token.js';
import { badgeQrPng } from './badge-qr.js';

const BADGE_QR = 'badge-qr';

const claimsSchema = z.object({
  registrationId: z.string().min(1),
  eventId: z.string().min(1),
  name: z.string(),
  profile: z.string().min(1),
  mode: z.string().min(1),
});

/**
 * The badge's attachment, to draw at sending.
 *
 * @example
 * attachments.push(badgeAttachment({ registrationId, eventId, name: 'Anne Martin', profile: 'presse', mode: 'presentiel' }));
 */
export function badgeAttachment(claims: BadgeClaims): DrawnAttachment {
  return { filename: 'badge-qr.png', contentType: 'image/png', drawnBy: BADGE_QR, input: claims };
}

/**
 * What an outbox worker needs to draw the events module's attachments, with the badge key of `db`.
 *
 * @example
 * createOutboxWorker({ db, dialect, mailer, clock, drawers: eventMailDrawers(db) });
 */
export function eventMailDrawers(db: Kysely<Database>): AttachmentDrawers {
  const signer = getBadgeSigner(db);
  return {
    [BADGE_QR]: async (input) => badgeQrPng(await signer.sign(claimsSchema.parse(input))),
  };
}
