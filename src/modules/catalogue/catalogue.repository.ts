import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type {
  HistoryEntry,
  Screenshot,
  Solution,
  SolutionContent,
  SolutionStatus,
  SolutionUse,
} from './catalogue.domain.js';

/** A solution in a list (an editor's, the back office's): no children. */
export interface SolutionSummary {
  id: string;
  name: string;
  status: SolutionStatus;
  verified: boolean;
  authorId: string | null;
  demonstration: boolean;
  updatedAt: string;
  submittedAt: string | null;
  refusalReason: string | null;
}

export interface NewHistoryEntry extends Omit<HistoryEntry, 'id'> {
  solutionId: string;
  actorId: string | null;
}

/** A report, as moderators see it. */
export interface Report {
  id: string;
  solutionId: string;
  solutionName: string;
  contactId: string | null;
  reporterId: string;
  reporterLabel: string;
  reason: string;
  status: 'ouvert' | 'traite' | 'rejete';
  resolution: string | null;
  handledBy: string | null;
  handledAt: string | null;
  createdAt: string;
}

/** A message as logged (never an address). */
export interface ContactLog {
  id: string;
  solutionId: string;
  kind: 'equipe' | 'utilisateur';
  targetSiren: string | null;
  senderId: string;
  senderLabel: string;
  subject: string;
  body: string;
  recipientCount: number;
  createdAt: string;
}

/** A person who may receive messages for a scope: a live référent grant and their consent. */
export interface Recipient {
  personId: string;
  email: string;
  name: string;
}

/**
 * The catalogue's storage. Writes that belong together run in `transaction`, whose repository and database
 * (for the outbox and the search index) are the transaction's.
 */
export interface CatalogueRepository {
  db: Kysely<Database>;
  transaction<T>(work: (repo: CatalogueRepository) => Promise<T>): Promise<T>;

  solution(id: string): Promise<Solution | null>;
  /** Solutions whole, in the order of `ids` (unknown ids left out). */
  solutionsByIds(ids: string[]): Promise<Solution[]>;
  /** Published solutions' ids after `after`, in byte order (keyset pages for the open data files). */
  publishedIdsAfter(after: string, limit: number): Promise<string[]>;
  solutionIdsLike(base: string): Promise<Set<string>>;
  insertSolution(solution: Solution): Promise<void>;
  replaceContent(id: string, content: SolutionContent, at: string, keepVerified: boolean): Promise<void>;
  /** Moves a solution to `status` if it is still in one of `from`; false when another step came first. */
  setStatus(
    id: string,
    from: readonly SolutionStatus[],
    status: SolutionStatus,
    at: string,
    fields: { refusalReason?: string | null },
  ): Promise<boolean>;
  setVerified(id: string, verified: boolean, at: string, by: string | null): Promise<void>;
  addHistory(entry: NewHistoryEntry): Promise<void>;
  history(id: string): Promise<HistoryEntry[]>;
  summaries(filter: {
    authorId?: string;
    ids?: string[];
    status?: SolutionStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: SolutionSummary[]; total: number }>;
  countByStatus(): Promise<Record<SolutionStatus, number>>;
  /** Whether any solution was generated for the demonstration. */
  hasDemonstration(): Promise<boolean>;

  addScreenshot(solutionId: string, screenshot: Screenshot, at: string): Promise<void>;
  removeScreenshot(solutionId: string, screenshotId: string): Promise<Screenshot | null>;

  use(solutionId: string, siren: string): Promise<SolutionUse | null>;
  /** Inserts a declaration; throws on the unique constraint (solution, organisation). */
  insertUse(use: SolutionUse): Promise<void>;
  updateUse(use: SolutionUse): Promise<void>;
  deleteUse(solutionId: string, siren: string): Promise<boolean>;
  usesOfSolution(solutionId: string): Promise<SolutionUse[]>;
  usesOfSolutions(solutionIds: string[]): Promise<SolutionUse[]>;
  usesOfOrganisation(siren: string): Promise<Array<SolutionUse & { solutionName: string }>>;
  /** The published solutions an organisation builds or maintains. */
  maintainedBy(
    siren: string,
  ): Promise<Array<{ id: string; name: string; role: string; organisationName: string }>>;

  insertContact(log: ContactLog, recipientIds: string[]): Promise<void>;
  countContactsSince(senderId: string, since: string): Promise<number>;
  /** Deletes the messages logged before `before` (ISO); returns how many. */
  purgeContactsBefore(before: string): Promise<number>;
  contact(id: string): Promise<(ContactLog & { recipientIds: string[] }) | null>;
  setOptin(personId: string, scope: string, on: boolean, at: string): Promise<void>;
  optinsOf(personId: string): Promise<string[]>;
  recipients(scope: string): Promise<Recipient[]>;
  /** Which of these scopes have at least one référent who accepts messages (one query). */
  reachableScopes(scopes: string[]): Promise<Set<string>>;
  /** The scopes a person holds a live référent grant for. */
  referentScopesOf(personId: string): Promise<string[]>;

  insertReport(report: Omit<Report, 'solutionName'>): Promise<void>;
  /** The people who moderate the catalogue (the policy's `catalogue:moderate`: opérateurs, administrateurs). */
  moderators(): Promise<Array<{ personId: string; email: string }>>;
  /** How many reports a person made since `since` (ISO): reports are limited, as messages are. */
  countReportsSince(reporterId: string, since: string): Promise<number>;
  reports(filter: { status?: Report['status']; limit: number; offset: number }): Promise<{
    items: Report[];
    total: number;
  }>;
  report(id: string): Promise<Report | null>;
  resolveReport(
    id: string,
    status: 'traite' | 'rejete',
    resolution: string,
    by: string,
    at: string,
  ): Promise<boolean>;
}
