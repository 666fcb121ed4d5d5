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
  /** A break (coffee, lunch): on the programme so that people know when to come back. */
  pause: 'Pause',
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

// ── The event and its programme (events core) ─────────────────────────────────────────────────────────────

/** An event's life: prepared as a draft, published (public page, registration), archived (kept, read-only). */
export const EVENT_STATUSES = { brouillon: 'Brouillon', publie: 'Publié', archive: 'Archivé' } as const;
export type EventStatus = keyof typeof EVENT_STATUSES;

/** The kinds of question an organiser may add to the registration form. */
export const QUESTION_KINDS = {
  texte: 'Texte libre',
  choix: 'Choix dans une liste',
  'oui-non': 'Oui ou non',
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;

export const PROFILE_DECISIONS: Record<ProfileDecision, string> = {
  accepte: 'Acceptée d’office',
  validation: 'Soumise à la validation de l’organisateur',
  refuse: 'Refusée',
};

/** An event as the services and views see it (times are ISO UTC strings; Europe/Paris only on screen). */
export interface EventRecord {
  id: string;
  title: string;
  summary: string;
  audience: string;
  practicalInfo: string;
  startsAt: string;
  endsAt: string;
  venueName: string | null;
  address: string | null;
  inPerson: boolean;
  remote: boolean;
  /** Given only to registered remote participants: never shown on the public page. */
  videoUrl: string | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacityTotal: number | null;
  capacityInPerson: number | null;
  capacityRemote: number | null;
  offerHours: number;
  retentionMonths: number;
  status: EventStatus;
  demonstration: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Room {
  id: string;
  eventId: string;
  name: string;
  capacity: number | null;
  sortOrder: number;
}

export interface Speaker {
  name: string;
  role: string;
  organisation: string;
}

export interface ProgrammeSession {
  id: string;
  eventId: string;
  roomId: string | null;
  title: string;
  kind: SessionKind;
  description: string;
  startsAt: string;
  endsAt: string;
  /** Seats of its own (null: the event's capacity applies). */
  capacity: number | null;
  /** Visible and open only to invited people. */
  closed: boolean;
  sortOrder: number;
  speakers: Speaker[];
}

export interface Question {
  id: string;
  eventId: string;
  label: string;
  kind: QuestionKind;
  /** The choices of a `choix` question, in order; empty otherwise. */
  choices: string[];
  required: boolean;
  sortOrder: number;
}

export interface ProfileRule {
  profile: Profile;
  decision: ProfileDecision;
  /** Seats this profile may hold at most (null: no quota). */
  quota: number | null;
  refusalReason: string | null;
}

/**
 * Whether the registration form is open: the event is published and now is inside its registration window.
 *
 * @example
 * isRegistrationOpen(event, new Date('2022-12-15T10:00Z')) // true for the Journée of 18 January 2023
 */
export function isRegistrationOpen(
  event: Pick<EventRecord, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>,
  now: Date,
): boolean {
  const at = now.toISOString();
  return event.status === 'publie' && event.registrationOpensAt <= at && at < event.registrationClosesAt;
}

/**
 * The sessions a viewer may see: every open session, and the closed ones they are invited to (`visibleClosed`).
 *
 * @example
 * visibleSessions(sessions, new Set(['comite-politique'])) // open sessions plus the political committee
 */
export function visibleSessions<S extends Pick<ProgrammeSession, 'id' | 'closed'>>(
  sessions: readonly S[],
  visibleClosed: ReadonlySet<string>,
): S[] {
  return sessions.filter((s) => !s.closed || visibleClosed.has(s.id));
}
