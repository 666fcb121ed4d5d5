/**
 * The dry run: every line of a file read, checked, its porteur looked up, its permission checked and compared
 * with what is stored, without writing anything. Applying is the service’s, and only of a plan without a
 * rejected line.
 */
import { sha256 } from '../../../shared/hash.js';
import type { DispositifCode, DispositifRule, Laureat } from '../fund.domain.js';
import type { FundRepository } from '../fund.repository.js';
import { assembleLaureat, generatedId, laureatWarnings } from './assemble.js';
import { mapHeader } from './columns.js';
import { type LineDraft, readLine } from './line.js';
import type { NewOrganisation, PorteurDirectory } from './porteurs.js';
import { readTable } from './read-table.js';
import type { ImportIssue, ImportPlan, ImportReport } from './report.js';

/** Which lauréats the person importing may write, and how to tell them when a line is outside. */
export interface ImportScope {
  allows(target: { dispositifCode: DispositifCode; departementCode: string | null }): boolean;
  /** « axe-2 », « axe-3 dans les départements 38 et 73 »… for the rejection’s reason. */
  description: string;
}

export interface PlanDeps {
  repo: Pick<FundRepository, 'fingerprints'>;
  /** A fresh directory per import: its lookups are kept for the import only. */
  porteurs: PorteurDirectory;
  rules: DispositifRule[];
  now: string;
}

/**
 * Reads and checks a whole file, and says what importing it would do.
 *
 * @example
 * const plan = await planImport(deps, await readFile('laureats.csv'), 'laureats.csv', scope);
 * plan.report // { created: 120, updated: 3, unchanged: 0, rejected: [], … }
 */
export async function planImport(
  deps: PlanDeps,
  bytes: Uint8Array,
  fileName: string,
  scope: ImportScope,
): Promise<ImportPlan> {
  const report: ImportReport = {
    fileName,
    format: null,
    lines: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    warnings: [],
    ignoredColumns: [],
  };
  const refused = () => finish(report, [], new Set(), []);

  const table = await readTable(bytes);
  if (!table.ok) {
    report.rejected.push({ line: table.line, column: null, value: '', reason: table.reason });
    return refused();
  }
  report.format = table.format;
  report.lines = table.rows.length;
  const header = mapHeader(table.header);
  if (!header.ok) {
    for (const p of header.problems) {
      report.rejected.push({ line: table.headerLine, column: p.column, value: '', reason: p.reason });
    }
    return refused();
  }
  report.ignoredColumns = header.ignored;

  const drafts: LineDraft[] = [];
  for (const row of table.rows) {
    // In a CSV a stray separator shifts every value after it: one clear reason beats ten confusing ones.
    if (table.format === 'csv' && row.cells.length !== table.header.length) {
      report.rejected.push({
        line: row.line,
        column: null,
        value: '',
        reason: `nombre de colonnes incorrect : ${row.cells.length} au lieu de ${table.header.length}`,
      });
      continue;
    }
    const read = readLine(row, header.columns);
    if (read.ok) drafts.push(read.draft);
    else report.rejected.push(...read.issues);
  }

  await deps.porteurs.prefetch(drafts.flatMap((d) => [d.siren, ...d.coporteurs]));

  const candidates: Array<{ laureat: Laureat; draft: LineDraft; idColumn: string }> = [];
  const organisations = new Map<string, NewOrganisation>();
  const lineOfId = new Map<string, number>();
  for (const d of drafts) {
    const reject = (column: string, value: string, reason: string) =>
      report.rejected.push({ line: d.line, column, value, reason });
    const found = deps.porteurs.porteur(d.siren, d.nomBeneficiaire);
    if (!found) {
      reject(
        'idBeneficiaire',
        d.siren,
        'SIREN inconnu ou invalide : organisme absent du référentiel, indiquez son nom dans nomBeneficiaire',
      );
      continue;
    }
    const id = d.identifiant ?? generatedId(d.dispositifCode, d.siren, d.title);
    const idColumn = d.identifiant ? 'identifiant' : 'objet';
    const first = lineOfId.get(id);
    if (first !== undefined) {
      reject(idColumn, d.identifiant ?? d.title, `doublon de la ligne ${first}`);
      continue;
    }
    lineOfId.set(id, d.line);
    if (!scope.allows({ dispositifCode: d.dispositifCode, departementCode: found.porteur.departementCode })) {
      reject(
        'dispositif',
        d.dispositifCode,
        `dispositif ${d.dispositifCode} hors de votre périmètre (${scope.description})`,
      );
      continue;
    }
    const coporteurs = d.coporteurs.map((siren) => {
      const c = deps.porteurs.coporteur(siren);
      if (c.create) organisations.set(siren, c.create);
      return { siren, name: c.name };
    });
    if (found.create) organisations.set(d.siren, found.create);
    const laureat = assembleLaureat(d, found.porteur, coporteurs, { id, now: deps.now });
    candidates.push({ laureat, draft: d, idColumn });
    for (const w of laureatWarnings(laureat, deps.rules, d.nomAttribuant)) {
      report.warnings.push({ line: d.line, column: w.column, value: '', reason: w.message });
    }
  }

  const stored = new Map(
    (await deps.repo.fingerprints(candidates.map((c) => c.laureat.id))).map((f) => [f.id, f]),
  );
  const writes: Laureat[] = [];
  const created = new Set<string>();
  for (const { laureat, draft, idColumn } of candidates) {
    const existing = stored.get(laureat.id);
    if (existing && !scope.allows(existing)) {
      report.rejected.push({
        line: draft.line,
        column: idColumn,
        value: laureat.id,
        reason: `identifiant déjà pris par un lauréat du dispositif ${existing.dispositifCode}, hors de votre périmètre`,
      });
    } else if (!existing) {
      report.created++;
      created.add(laureat.id);
      writes.push(laureat);
    } else if (existing.sourceHash !== laureat.sourceHash) {
      report.updated++;
      writes.push(laureat);
    } else {
      report.unchanged++;
    }
  }
  report.rejected.sort(byLine);
  report.warnings.sort(byLine);
  return finish(report, writes, created, [...organisations.values()]);
}

function finish(
  report: ImportReport,
  writes: Laureat[],
  created: Set<string>,
  organisations: NewOrganisation[],
): ImportPlan {
  // A line to create that would now update (someone saved that lauréat in between) changes the digest too.
  const digest = sha256(
    JSON.stringify({
      writes: writes.map((l) => [l.id, l.sourceHash, created.has(l.id)]),
      unchanged: report.unchanged,
      rejected: report.rejected.map((r) => [r.line, r.column, r.reason]),
    }),
  );
  return { report, writes, organisations, digest };
}

function byLine(a: ImportIssue, b: ImportIssue): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
