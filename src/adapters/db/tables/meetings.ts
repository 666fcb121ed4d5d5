/**
 * Tables of the espace de rencontres (migration 013; see ../schema.ts for the conventions: ISO UTC text
 * timestamps, 0/1 booleans, text ids). Capacity is held twice on purpose: `meeting_slot.booked` is a counter
 * that a conditional update moves under the slot's row lock (with a CHECK that it never passes the capacity),
 * and the live bookings are the rows it counts; both change in the same transaction.
 */
export interface MeetingTables {
  meeting_space: MeetingSpaceTable;
  meeting_location: MeetingLocationTable;
  meeting_stand: MeetingStandTable;
  meeting_stand_member: MeetingStandMemberTable;
  meeting_slot: MeetingSlotTable;
  meeting_unavailability: MeetingUnavailabilityTable;
  meeting_participant: MeetingParticipantTable;
  meeting_booking: MeetingBookingTable;
  meeting_token: MeetingTokenTable;
  meeting_ranking: MeetingRankingTable;
  meeting_assignment_run: MeetingAssignmentRunTable;
  meeting_assignment: MeetingAssignmentTable;
}

/** The settings of an event's espace de rencontres (one row per event that has one). */
export interface MeetingSpaceTable {
  event_id: string;
  /** libre (first come, first served) or planifie (rankings, then the organiser's assignment). */
  mode: string;
  /** Meetings one participant may hold at most (null: no limit). */
  per_person_limit: number | null;
  /** Booking opens and closes (null: open now / until each slot starts). */
  booking_opens_at: string | null;
  booking_closes_at: string | null;
  /** In the scheduling mode, rankings are taken until then. */
  ranking_deadline: string | null;
  /** How many stands a participant ranks at most. */
  choices_max: number;
  /** The assignment whose meetings were published (null before). */
  published_run_id: string | null;
  demonstration: number;
  created_at: string;
  updated_at: string;
}

/** A room or a table, and how many meetings it holds at once. */
export interface MeetingLocationTable {
  id: string;
  event_id: string;
  name: string;
  capacity: number;
  sort_order: number;
  created_at: string;
}

/** A State team or programme receiving participants. */
export interface MeetingStandTable {
  id: string;
  event_id: string;
  name: string;
  organisation: string;
  description: string;
  /** JSON array of theme codes (the platform's themes, see the module's topics.ts). */
  topics: string;
  /** JSON array of registration profiles the stand is meant for (empty: everyone). */
  audiences: string;
  /** direct (booked at once) or demande (a request a member accepts or declines). */
  booking_mode: string;
  /** Where its slots are held by default. */
  location_id: string | null;
  sort_order: number;
  demonstration: number;
  created_at: string;
  updated_at: string;
}

/** A person who receives participants at a stand, known by e-mail (lower-cased). */
export interface MeetingStandMemberTable {
  id: string;
  stand_id: string;
  event_id: string;
  email: string;
  name: string;
  role: string;
  created_at: string;
}

/** A time a member receives one participant (capacity 1) or a small group (capacity N). */
export interface MeetingSlotTable {
  id: string;
  event_id: string;
  stand_id: string;
  member_id: string;
  location_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** Live bookings (requested or confirmed) on the slot; 0 ≤ booked ≤ capacity, checked by the database. */
  booked: number;
  created_at: string;
}

/** A period a member is not available: no slot of theirs in it can be booked. */
export interface MeetingUnavailabilityTable {
  id: string;
  member_id: string;
  event_id: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_at: string;
}

/**
 * One row per participant who ever booked: the row every decision about their meetings locks first, so that
 * « nobody in two places at once » and the per-person limit are counted while no one else changes them.
 */
export interface MeetingParticipantTable {
  registration_id: string;
  event_id: string;
  created_at: string;
}

/** A meeting: a participant (a registration) on a slot. */
export interface MeetingBookingTable {
  id: string;
  event_id: string;
  slot_id: string;
  stand_id: string;
  registration_id: string;
  /** demandee (holds the slot until answered), confirmee, refusee, annulee. */
  status: string;
  /** reservation (the participant) or planification (the organiser's published assignment). */
  source: string;
  /** What the participant wants to talk about (optional). */
  note: string;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  cancelled_at: string | null;
  /** participant, membre, organisateur, systeme. */
  cancelled_by: string | null;
  reason: string | null;
}

/** A link sent by e-mail: only its SHA-256 is kept. */
export interface MeetingTokenTable {
  token_hash: string;
  event_id: string;
  /** acces-participant, acces-membre, annulation-participant, annulation-membre. */
  purpose: string;
  registration_id: string | null;
  member_id: string | null;
  booking_id: string | null;
  created_at: string;
}

/** A participant's ranked stand (1 = first choice), in the scheduling mode. */
export interface MeetingRankingTable {
  registration_id: string;
  event_id: string;
  stand_id: string;
  rank: number;
  created_at: string;
}

/** One run of the assignment, reviewed before it is published. */
export interface MeetingAssignmentRunTable {
  id: string;
  event_id: string;
  /** proposee, publiee, abandonnee. */
  status: string;
  participants: number;
  requests: number;
  satisfied: number;
  /** Rank points: a first choice counts `choices_max`, the last one 1. */
  score: number;
  baseline_satisfied: number;
  baseline_score: number;
  duration_ms: number;
  /** JSON: satisfied requests per rank, per stand, the upper bound. */
  detail: string;
  created_by: string;
  created_at: string;
  published_at: string | null;
}

/** A meeting the assignment proposes. */
export interface MeetingAssignmentTable {
  run_id: string;
  registration_id: string;
  stand_id: string;
  slot_id: string;
  rank: number;
}
