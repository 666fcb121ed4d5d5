/**
 * Events: the vocabulary shared by the programme, registration, accreditation and check-in. Pure data and
 * rules; no I/O.
 */

export const PROFILES = {
  'agent-collectivite': 'Agent de collectivité territoriale',
  'elu-collectivite': 'Élu de collectivité territoriale',
  'structure-mutualisation': 'Structure de mutualisation',
  'service-deconcentre': 'Service déconcentré de l’État',
  sgar: 'SGAR',
  'charge-transformation': 'Chargé de transformation numérique',
  'autre-administration': 'Autre administration',
  presse: 'Presse',
  autre: 'Autre',
} as const;
export type Profile = keyof typeof PROFILES;

/** Profiles that name their collectivité with the picker. */
export const COLLECTIVITE_PROFILES: readonly Profile[] = ['agent-collectivite', 'elu-collectivite'];

export const SESSION_KINDS = {
  accueil: 'Accueil',
  pleniere: 'Plénière',
  'table-ronde': 'Table ronde',
  intervention: 'Intervention',
  forum: 'Forum',
  'comite-ferme': 'Comité fermé',
} as const;
export type SessionKind = keyof typeof SESSION_KINDS;

export const MODES = { presentiel: 'En présentiel', distance: 'À distance' } as const;
export type Mode = keyof typeof MODES;

/**
 * A registration's states. `validation`: waiting for the organiser's approval; `attente`: on the waiting list;
 * `offre`: a freed seat is offered until `offer_expires_at`.
 */
export const REGISTRATION_STATUSES = {
  confirmee: 'Inscription confirmée',
  validation: 'Demande en attente de validation',
  attente: 'Sur liste d’attente',
  offre: 'Place proposée',
  refusee: 'Inscription refusée',
  annulee: 'Inscription annulée',
} as const;
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES;

/** Statuses that hold (or claim) a seat; `refusee` and `annulee` free it. */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['confirmee', 'validation', 'attente', 'offre'];
/** Statuses counted against capacity: a seat is taken by a confirmed registration, a pending one and an open offer. */
export const SEAT_STATUSES: readonly RegistrationStatus[] = ['confirmee', 'validation', 'offre'];

export type ProfileDecision = 'accepte' | 'validation' | 'refuse';

/**
 * When a waiting-list offer ends: `offerHours` after it is made, but never after registration closes.
 *
 * @example
 * offerExpiry(new Date('2023-01-04T10:00Z'), 48, '2023-01-05T23:00:00.000Z') // 2023-01-05T23:00:00.000Z
 */
export function offerExpiry(now: Date, offerHours: number, closesAt: string): string {
  const byHours = new Date(now.getTime() + offerHours * 3_600_000).toISOString();
  return byHours < closesAt ? byHours : closesAt;
}
