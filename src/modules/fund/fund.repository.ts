import type { Dispositif, DispositifCode, DispositifRule, Laureat } from './fund.domain.js';

/** A lauréat’s fingerprint, to tell created, updated and unchanged apart at import, and whose it is. */
export interface LaureatFingerprint {
  id: string;
  sourceHash: string;
  dispositifCode: DispositifCode;
  departementCode: string | null;
}

/** A territory whose page lists the lauréats of porteurs inside it. */
export type TerritoryRef =
  | { kind: 'commune'; code: string }
  | { kind: 'epci'; code: string }
  | { kind: 'departement'; code: string }
  | { kind: 'region'; code: string };

export interface PageQuery {
  limit: number;
  offset: number;
}

export interface LaureatPage {
  items: Laureat[];
  total: number;
}

/**
 * Which lauréats an operator may see in the administration: those of whole dispositifs, and those of axe 3 in
 * some départements (a préfecture’s operator). Null is everything (an administrator).
 */
export type ManagedScope = { dispositifs: DispositifCode[]; axe3Departements: string[] } | null;

/** A file sent for a dry run, waiting for its confirmation. */
export interface StashedUpload {
  key: string;
  actorId: string | null;
  fileName: string;
  content: Buffer;
  planDigest: string;
  createdAt: string;
}

/** The port of the fund’s storage. Every method behaves the same on SQLite and PostgreSQL. */
export interface FundRepository {
  /** Inserts or replaces dispositifs and rule versions (by code, by id); never deletes one. */
  upsertDispositifs(dispositifs: Dispositif[], rules: DispositifRule[]): Promise<void>;
  listDispositifs(): Promise<Dispositif[]>;
  /** Every rule version, by dispositif then date. */
  listRules(): Promise<DispositifRule[]>;

  /** Inserts or replaces one lauréat with its themes and co-porteurs, in one transaction (`createdAt` kept). */
  saveLaureat(laureat: Laureat): Promise<void>;
  findLaureat(id: string): Promise<Laureat | null>;
  /** The lauréats a porteur carries, newest decision first. */
  listByPorteur(siren: string, page: PageQuery): Promise<LaureatPage>;
  /** The lauréats of porteurs inside a territory (a commune’s, an EPCI’s and its communes’…), newest first. */
  listByTerritory(territory: TerritoryRef, page: PageQuery): Promise<LaureatPage>;
  /** The administration’s list: within a scope, optionally one dispositif, an identifiant or a porteur SIREN. */
  listManaged(
    query: PageQuery & { scope: ManagedScope; dispositif?: DispositifCode; idOrSiren?: string },
  ): Promise<LaureatPage>;
  fingerprints(ids: string[]): Promise<LaureatFingerprint[]>;
  /**
   * Writes a whole import (thousands of lauréats) in one transaction with multi-row statements: all of it or,
   * on any failure, nothing. Existing lauréats are replaced (`createdAt` kept), their themes and co-porteurs
   * with them.
   */
  applyImport(batch: Laureat[]): Promise<void>;
  countLaureats(): Promise<number>;

  stashUpload(upload: StashedUpload): Promise<void>;
  /** The upload of this key sent by this actor, left in place (the rejections download reads it). */
  peekUpload(key: string, actorId: string | null): Promise<StashedUpload | null>;
  /** Removes and returns the upload: of two confirmations at once, only one gets it. */
  takeUpload(key: string, actorId: string | null): Promise<StashedUpload | null>;
  /** Deletes uploads sent before `before` (ISO); returns how many. */
  purgeUploads(before: string): Promise<number>;
}
