/**
 * The events back office: press accreditation, the organisers' registration pages, check-in at the door and
 * the RGPD purge, as one factory for the composition root.
 *
 * Glossary:
 * - accréditation presse: a journalist's request to cover the event; accepted, it gives a badge marked PRESSE.
 * - émargement: checking people in at the door (the paper « feuille d’émargement » they used to sign).
 * - badge: the printed or on-screen card whose QR code carries a signed token (checkin/badge-token.ts).
 * - liste d’attente: the line of people waiting for a seat of the event or of a session.
 * - purge: deleting an event's personal data once its retention period (`retention_months`) is over.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { accreditationRoutes } from './accreditation/accreditation.routes.js';
import { backofficeRoutes } from './backoffice/backoffice.routes.js';
import type { BackofficeDeps } from './backoffice/deps.js';
import { type BadgeSigner, getBadgeSigner } from './checkin/badge-token.js';
import { checkinRoutes } from './checkin/checkin.routes.js';
import { purgeEventPersonalData } from './purge.js';

export type { BackofficeDeps } from './backoffice/deps.js';
export { type BadgeClaims, type BadgeSigner, getBadgeSigner, verifyBadge } from './checkin/badge-token.js';
export { eventsPastRetention, keptStatistics, purgeEventPersonalData, registrationData } from './purge.js';

export interface EventsBackoffice {
  /** Every page and endpoint: mount with `app.route('/', backoffice.routes)`. */
  routes: Hono<AppEnv>;
  /** The RGPD purge, for the hourly housekeeping; idempotent. */
  purge(now: Date): ReturnType<typeof purgeEventPersonalData>;
  /** The signer of badges (the same key whoever asks: it lives in the database). */
  badgeSigner: BadgeSigner;
}

/**
 * Builds the back office from the platform's adapters.
 *
 * @example
 * const backoffice = createEventsBackoffice({ db, dialect, outbox, outboxAdmin, storage, clock, publicUrl });
 * app.route('/', backoffice.routes);
 * // in housekeeping(): await backoffice.purge(clock.now());
 */
export function createEventsBackoffice(deps: BackofficeDeps): EventsBackoffice {
  const signer = getBadgeSigner(deps.db);
  const withSigner = { ...deps, signer };
  const routes = new Hono<AppEnv>();
  routes.route('/', accreditationRoutes(withSigner));
  routes.route('/', backofficeRoutes(withSigner));
  routes.route('/', checkinRoutes(withSigner));
  return {
    routes,
    purge: (now) => purgeEventPersonalData(deps.db, now, { storage: deps.storage }),
    badgeSigner: signer,
  };
}
