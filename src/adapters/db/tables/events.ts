/**
 * Events: the event and its programme, registrations with capacity and waiting lists, press accreditation and
 * check-in (see ../schema.ts for the conventions: ISO UTC text timestamps, 0/1 booleans).
 */
export interface EventTables {
  event: EventTable;
  event_room: EventRoomTable;
  event_session: EventSessionTable;
  session_speaker: SessionSpeakerTable;
  session_invitation: SessionInvitationTable;
  event_question: EventQuestionTable;
  event_profile_rule: EventProfileRuleTable;
  registration: RegistrationTable;
  registration_session: RegistrationSessionTable;
  press_accreditation: PressAccreditationTable;
  checkin_scan: CheckinScanTable;
  idempotency_key: IdempotencyKeyTable;
  signing_key: SigningKeyTable;
}

export interface EventTable {
  /** A slug, part of the event's address (`/evenements/<id>`). */
  id: string;
  title: string;
  summary: string;
  audience: string;
  practical_info: string;
  starts_at: string;
  ends_at: string;
  venue_name: string | null;
  address: string | null;
  in_person: number;
  remote: number;
  /** Given only to registered remote participants. */
  video_url: string | null;
  registration_opens_at: string;
  registration_closes_at: string;
  /** Seats for the whole event (null: no limit), then per attendance mode. */
  capacity_total: number | null;
  capacity_in_person: number | null;
  capacity_remote: number | null;
  /** How long a waiting-list offer stays open, in hours (never past the closing date). */
  offer_hours: number;
  /** Personal data is purged this many months after the event. */
  retention_months: number;
  /** brouillon, publie, archive. */
  status: string;
  demonstration: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventRoomTable {
  id: string;
  event_id: string;
  name: string;
  capacity: number | null;
  sort_order: number;
}

export interface EventSessionTable {
  id: string;
  event_id: string;
  room_id: string | null;
  title: string;
  /** accueil, pleniere, table-ronde, intervention, forum, comite-ferme. */
  kind: string;
  description: string;
  starts_at: string;
  ends_at: string;
  /** Seats of its own (null: the event's capacity applies). */
  capacity: number | null;
  /** Visible and open only to invited people (the political committee). */
  closed: number;
  sort_order: number;
}

export interface SessionSpeakerTable {
  id: string;
  session_id: string;
  name: string;
  role: string;
  organisation: string;
  sort_order: number;
}

export interface SessionInvitationTable {
  session_id: string;
  /** Lower-cased. */
  email: string;
  invited_at: string;
}

export interface EventQuestionTable {
  id: string;
  event_id: string;
  label: string;
  /** texte, choix, oui-non. */
  kind: string;
  /** JSON array of choices for `choix`. */
  choices: string;
  required: number;
  sort_order: number;
}

/** What happens to a registration of a profile: accepted, pending the organiser's approval, or refused. */
export interface EventProfileRuleTable {
  event_id: string;
  /** agent-collectivite, elu-collectivite, structure-mutualisation, service-deconcentre, sgar, charge-transformation, autre-administration, presse, autre. */
  profile: string;
  /** accepte, validation, refuse. */
  decision: string;
  /** Seats reserved for this profile at most (null: no quota). */
  quota: number | null;
  refusal_reason: string | null;
}

export interface RegistrationTable {
  id: string;
  event_id: string;
  person_id: string | null;
  /** Lower-cased. A person holds at most one live registration per event (partial unique index). */
  email: string;
  given_name: string;
  family_name: string;
  organisation_name: string | null;
  organisation_siren: string | null;
  /** The collectivité chosen in the picker (a territory key). */
  collectivite_key: string | null;
  profile: string;
  /** presentiel or distance. */
  mode: string;
  /** confirmee, validation, attente (waiting list), offre (a seat offered), refusee, annulee. */
  status: string;
  offer_expires_at: string | null;
  /** JSON: the answers to the organiser's questions, by question id. */
  answers: string;
  /** Consent to appear in the participants' list. */
  listed: number;
  /** SHA-256 of the token in the management link sent by e-mail. */
  manage_token_hash: string;
  refusal_reason: string | null;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface RegistrationSessionTable {
  registration_id: string;
  session_id: string;
  /** confirmee, attente, offre, annulee. */
  status: string;
  offer_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PressAccreditationTable {
  id: string;
  event_id: string;
  registration_id: string | null;
  email: string;
  full_name: string;
  media: string;
  press_card: string | null;
  /** A file in storage (press card scan, letter of assignment). */
  attachment_key: string | null;
  /** demandee, acceptee, refusee. */
  status: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface CheckinScanTable {
  /** Made by the device when the badge was scanned, so that a scan sent twice counts once. */
  id: string;
  registration_id: string;
  scanned_at: string;
  received_at: string;
  device: string;
}

/** A public form's key, made when it was rendered: a replay returns the first answer. */
export interface IdempotencyKeyTable {
  key: string;
  scope: string;
  /** JSON: what the first request answered (status, location). */
  response: string | null;
  created_at: string;
}

/** A key pair the platform signs with (badges: Ed25519), kept so that what was signed still verifies. */
export interface SigningKeyTable {
  id: string;
  algorithm: string;
  /** SPKI, base64. */
  public_key: string;
  /** PKCS#8, base64. */
  private_key: string;
  created_at: string;
}
