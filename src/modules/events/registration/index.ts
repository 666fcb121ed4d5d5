/**
 * Registration to events: the public form, capacity and waiting lists, the participants' management pages and
 * the e-mails. The back office calls the decisions (`approveRegistration`, `refuseRegistration`) and may call
 * any use case below; every one of them that takes or frees a seat runs under the event's lock (lock.ts).
 * Registrations that arrive together (an opening rush) are decided together, in one transaction (queue.ts).
 *
 * Glossary:
 * - inscription: a registration; its `status` is one of `REGISTRATION_STATUSES` (events.domain.ts).
 * - confirmée / en validation (`validation`): holds a seat; the second waits for an organiser's approval.
 * - liste d’attente (`attente`): no seat yet; first come, first served by `created_at`.
 * - offre: a freed seat offered to the first person waiting, until `offer_expires_at`; accepted in one click.
 * - mode de participation: `presentiel` (in person) or `distance` (remote, with the video link).
 * - jauge: a capacity (of the event, of a mode, a profile's quota, a session).
 * - lien de gestion (« lien magique »): the link in every e-mail that opens the registration's page.
 */

export { type ChangeOutcome, changeRegistration } from './change.js';
export type { FieldErrors, RegistrationInput } from './checks.js';
export { approveRegistration, refuseRegistration } from './decisions.js';
export type { RegistrationDeps } from './deps.js';
export { isFormKey, issueFormKey } from './idempotency.js';
export { registrationIdByToken } from './links.js';
export { acceptOffer, cancelRegistration, type OfferAnswer } from './manage.js';
export { promoteAll, promoteFromWaitlist } from './promote.js';
export { type RegistrationOutcome, registerParticipant } from './register.js';
export { sendReminders } from './reminders.js';
