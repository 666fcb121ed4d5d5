import type {
  EventRecord,
  EventStatus,
  ProfileRule,
  ProgrammeSession,
  Question,
  Room,
} from './events.domain.js';

/** What the list of events may be narrowed to. */
export interface EventListQuery {
  statuses?: readonly EventStatus[];
  /** Events ending at or after this instant (upcoming and running ones). */
  endingFrom?: string;
  /** Events ending before this instant (past ones). */
  endingBefore?: string;
  /** Most recent first (past events) rather than soonest first. */
  newestFirst?: boolean;
  limit?: number;
}

export interface Invitation {
  sessionId: string;
  email: string;
  invitedAt: string;
}

/**
 * The events core's storage: the event, its rooms, its programme (sessions and their speakers), the organiser's
 * questions, the rules per profile and the invitations to closed sessions. Writes that belong together run in
 * `transaction`, whose callback gets a repository bound to the transaction.
 */
export interface EventsRepository {
  transaction<T>(fn: (repo: EventsRepository) => Promise<T>): Promise<T>;

  insertEvent(event: EventRecord): Promise<void>;
  /** Replaces the event's editable fields; false when there is no such event. */
  updateEvent(event: EventRecord): Promise<boolean>;
  /** Moves the event to `to` only from one of `from`: a conditional update that cannot run twice. */
  changeStatus(id: string, from: readonly EventStatus[], to: EventStatus, at: string): Promise<boolean>;
  eventById(id: string): Promise<EventRecord | null>;
  eventExists(id: string): Promise<boolean>;
  listEvents(query: EventListQuery): Promise<EventRecord[]>;

  roomsOf(eventId: string): Promise<Room[]>;
  insertRoom(room: Room): Promise<void>;
  updateRoom(room: Room): Promise<boolean>;
  deleteRoom(eventId: string, roomId: string): Promise<boolean>;

  /** The programme in time order (then by sort order), each session with its speakers in order. */
  sessionsOf(eventId: string): Promise<ProgrammeSession[]>;
  sessionById(eventId: string, sessionId: string): Promise<ProgrammeSession | null>;
  /** Inserts the session and its speakers. */
  insertSession(session: ProgrammeSession): Promise<void>;
  /** Replaces the session and its speakers; false when there is no such session in this event. */
  updateSession(session: ProgrammeSession): Promise<boolean>;
  deleteSession(eventId: string, sessionId: string): Promise<boolean>;

  questionsOf(eventId: string): Promise<Question[]>;
  insertQuestion(question: Question): Promise<void>;
  updateQuestion(question: Question): Promise<boolean>;
  deleteQuestion(eventId: string, questionId: string): Promise<boolean>;

  rulesOf(eventId: string): Promise<ProfileRule[]>;
  /** Replaces every rule of the event (what a profile without a rule gets is for registration to decide). */
  replaceRules(eventId: string, rules: readonly ProfileRule[]): Promise<void>;

  invitationsOf(sessionId: string): Promise<Invitation[]>;
  /** Adds the (lower-cased) addresses not yet invited; returns how many were new. */
  addInvitations(sessionId: string, emails: readonly string[], at: string): Promise<number>;
  removeInvitation(sessionId: string, email: string): Promise<boolean>;
  /** The closed sessions of an event this address is invited to. */
  invitedSessionIds(eventId: string, email: string): Promise<string[]>;
}
