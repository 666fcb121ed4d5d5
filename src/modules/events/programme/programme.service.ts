/**
 * The programme's use cases: rooms, sessions with their speakers, the organiser's questions, the rules per
 * profile and the invitations to closed sessions. Every write is scoped to its event (an id forged from another
 * event finds nothing) and audited by `changed` once committed.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../ports/clock.js';
import type { EventRecord, ProfileRule, ProgrammeSession, Question, Room } from '../events.domain.js';
import type { EventsRepository } from '../events.repository.js';
import type { QuestionInput, RoomInput, SessionInput } from '../events.schemas.js';
import { type Author, EventsNotFoundError, type Result } from './results.js';
import { dayLabel, shortTime } from './timetable.js';

interface ProgrammeDeps {
  repo: EventsRepository;
  clock: Clock;
  requireEvent(id: string): Promise<EventRecord>;
  changed(author: Author, action: string, eventId: string, details?: Record<string, unknown>): Promise<void>;
}

/** The most invitations one paste may add: a closed committee, not a mailing list. */
export const MAX_INVITATIONS = 500;

/**
 * @example
 * const programme = createProgrammeService({ repo, clock, requireEvent, changed });
 * await programme.addSession(author, 'journee-2027', input) // { ok: true, value: { id, … } }
 */
export function createProgrammeService(deps: ProgrammeDeps) {
  const { repo, requireEvent, changed } = deps;
  const now = () => deps.clock.now().toISOString();

  /** A session must fit in the event and sit in one of its rooms: the messages go on the fields. */
  async function checkSession(event: EventRecord, input: SessionInput): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const at = (iso: string) => `${dayLabel(iso)} à ${shortTime(iso)}`;
    const window = `entre le ${at(event.startsAt)} et le ${at(event.endsAt)}`;
    if (input.startsAt < event.startsAt)
      errors.startTime = `La session doit commencer pendant l’événement, ${window}.`;
    if (input.endsAt > event.endsAt) errors.endTime = `La session doit finir pendant l’événement, ${window}.`;
    if (input.roomId && !(await repo.roomsOf(event.id)).some((r) => r.id === input.roomId)) {
      errors.roomId = 'Choisissez une salle de cet événement.';
    }
    return errors;
  }

  return {
    /** Everything the organisers' pages show of an event. */
    async programme(eventId: string) {
      const event = await requireEvent(eventId);
      const [rooms, sessions, questions, rules] = await Promise.all([
        repo.roomsOf(eventId),
        repo.sessionsOf(eventId),
        repo.questionsOf(eventId),
        repo.rulesOf(eventId),
      ]);
      return { event, rooms, sessions, questions, rules };
    },

    rooms: (eventId: string) => repo.roomsOf(eventId),
    sessions: (eventId: string) => repo.sessionsOf(eventId),
    questions: (eventId: string) => repo.questionsOf(eventId),
    rules: (eventId: string) => repo.rulesOf(eventId),

    async session(eventId: string, sessionId: string): Promise<ProgrammeSession> {
      const session = await repo.sessionById(eventId, sessionId);
      if (!session) throw new EventsNotFoundError('session');
      return session;
    },

    async addRoom(author: Author, eventId: string, input: RoomInput): Promise<Result<Room>> {
      await requireEvent(eventId);
      const rooms = await repo.roomsOf(eventId);
      if (rooms.some((r) => r.name.toLowerCase() === input.name.toLowerCase())) {
        return { ok: false, errors: { name: 'Une salle porte déjà ce nom dans cet événement.' } };
      }
      const room: Room = { id: randomUUID(), eventId, ...input, sortOrder: rooms.length };
      await repo.insertRoom(room);
      await changed(author, 'salle-ajoutee', eventId, { salle: room.name });
      return { ok: true, value: room };
    },

    async updateRoom(
      author: Author,
      eventId: string,
      roomId: string,
      input: RoomInput,
    ): Promise<Result<Room>> {
      const rooms = await repo.roomsOf(eventId);
      const current = rooms.find((r) => r.id === roomId);
      if (!current) throw new EventsNotFoundError('salle');
      if (rooms.some((r) => r.id !== roomId && r.name.toLowerCase() === input.name.toLowerCase())) {
        return { ok: false, errors: { name: 'Une salle porte déjà ce nom dans cet événement.' } };
      }
      const room = { ...current, ...input };
      await repo.updateRoom(room);
      await changed(author, 'salle-modifiee', eventId, { salle: room.name });
      return { ok: true, value: room };
    },

    /** Removes a room; its sessions stay in the programme without a room (the schema sets it to null). */
    async deleteRoom(author: Author, eventId: string, roomId: string): Promise<void> {
      if (!(await repo.deleteRoom(eventId, roomId))) throw new EventsNotFoundError('salle');
      await changed(author, 'salle-supprimee', eventId, { salleId: roomId });
    },

    async addSession(
      author: Author,
      eventId: string,
      input: SessionInput,
    ): Promise<Result<ProgrammeSession>> {
      const event = await requireEvent(eventId);
      const errors = await checkSession(event, input);
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const session: ProgrammeSession = {
        id: randomUUID(),
        eventId,
        ...input,
        sortOrder: (await repo.sessionsOf(eventId)).length,
      };
      await repo.transaction((r) => r.insertSession(session));
      await changed(author, 'session-ajoutee', eventId, { sessionId: session.id, titre: session.title });
      return { ok: true, value: session };
    },

    async updateSession(
      author: Author,
      eventId: string,
      sessionId: string,
      input: SessionInput,
    ): Promise<Result<ProgrammeSession>> {
      const event = await requireEvent(eventId);
      const current = await repo.sessionById(eventId, sessionId);
      if (!current) throw new EventsNotFoundError('session');
      const errors = await checkSession(event, input);
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const session: ProgrammeSession = { ...current, ...input };
      await repo.transaction((r) => r.updateSession(session));
      await changed(author, 'session-modifiee', eventId, { sessionId, titre: session.title });
      return { ok: true, value: session };
    },

    async deleteSession(author: Author, eventId: string, sessionId: string): Promise<void> {
      if (!(await repo.deleteSession(eventId, sessionId))) throw new EventsNotFoundError('session');
      await changed(author, 'session-supprimee', eventId, { sessionId });
    },

    async addQuestion(author: Author, eventId: string, input: QuestionInput): Promise<Result<Question>> {
      await requireEvent(eventId);
      const question: Question = {
        id: randomUUID(),
        eventId,
        ...input,
        sortOrder: (await repo.questionsOf(eventId)).length,
      };
      await repo.insertQuestion(question);
      await changed(author, 'question-ajoutee', eventId, { questionId: question.id });
      return { ok: true, value: question };
    },

    async updateQuestion(
      author: Author,
      eventId: string,
      questionId: string,
      input: QuestionInput,
    ): Promise<Result<Question>> {
      const current = (await repo.questionsOf(eventId)).find((q) => q.id === questionId);
      if (!current) throw new EventsNotFoundError('question');
      const question = { ...current, ...input };
      await repo.updateQuestion(question);
      await changed(author, 'question-modifiee', eventId, { questionId });
      return { ok: true, value: question };
    },

    async deleteQuestion(author: Author, eventId: string, questionId: string): Promise<void> {
      if (!(await repo.deleteQuestion(eventId, questionId))) throw new EventsNotFoundError('question');
      await changed(author, 'question-supprimee', eventId, { questionId });
    },

    /** Replaces the rules per profile (decision, quota, refusal reason) in one go. */
    async setRules(author: Author, eventId: string, rules: ProfileRule[]): Promise<Result<ProfileRule[]>> {
      await requireEvent(eventId);
      const cleaned = rules.map((r) => ({
        ...r,
        // A reason only means something for a refusal; refused with no reason would leave the person guessing.
        refusalReason:
          r.decision === 'refuse'
            ? (r.refusalReason ?? 'Cet événement n’est pas ouvert à votre profil.')
            : null,
      }));
      await repo.transaction((r) => r.replaceRules(eventId, cleaned));
      await changed(author, 'regles-profils-modifiees', eventId, {
        regles: cleaned.map((r) => `${r.profile}:${r.decision}${r.quota ? `:${r.quota}` : ''}`),
      });
      return { ok: true, value: cleaned };
    },

    invitations: (sessionId: string) => repo.invitationsOf(sessionId),

    /** Invites named people (their addresses) to a closed session; returns how many were new. */
    async invite(
      author: Author,
      eventId: string,
      sessionId: string,
      emails: string[],
    ): Promise<Result<number>> {
      const session = await repo.sessionById(eventId, sessionId);
      if (!session) throw new EventsNotFoundError('session');
      if (!session.closed) {
        return {
          ok: false,
          errors: { emails: 'Cette session est ouverte à tous : rendez-la fermée avant d’inviter.' },
        };
      }
      if (emails.length > MAX_INVITATIONS) {
        return { ok: false, errors: { emails: `Au plus ${MAX_INVITATIONS} adresses à la fois.` } };
      }
      const added = await repo.addInvitations(sessionId, emails, now());
      if (added > 0) await changed(author, 'invitations-ajoutees', eventId, { sessionId, nombre: added });
      return { ok: true, value: added };
    },

    async uninvite(author: Author, eventId: string, sessionId: string, email: string): Promise<void> {
      if (!(await repo.sessionById(eventId, sessionId))) throw new EventsNotFoundError('session');
      if (!(await repo.removeInvitation(sessionId, email))) throw new EventsNotFoundError('invitation');
      await changed(author, 'invitation-retiree', eventId, { sessionId, courriel: email.toLowerCase() });
    },
  };
}
