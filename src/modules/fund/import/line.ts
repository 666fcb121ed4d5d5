/**
 * One line of an import file read into a draft lauréat, every column checked, every problem reported (not
 * only the first), each with its column and the value as written.
 */
import { type DispositifCode, type LaureatStatus, parseDispositifCode } from '../fund.domain.js';
import type { HeaderMap, ImportColumnName } from './columns.js';
import {
  type Parsed,
  parseDay,
  parseEuros,
  parseIdentifier,
  parseSirenList,
  parseStatusValue,
  parseText,
  parseThemes,
  parseWebAddress,
  sirenOf,
  splitList,
} from './fields.js';
import { type ImportIssue, shown } from './report.js';

/** A line whose every value is valid on its own; the porteur is not looked up yet. */
export interface LineDraft {
  line: number;
  identifiant: string | null;
  dispositifCode: DispositifCode;
  siren: string;
  nomBeneficiaire: string | null;
  title: string;
  summary: string;
  themes: string[];
  amountEur: number;
  totalCostEur: number | null;
  filedOn: string | null;
  decidedOn: string;
  status: LaureatStatus;
  coporteurs: string[];
  siteUrl: string | null;
  sourceUrl: string | null;
  outputs: string;
  nomAttribuant: string | null;
}

export type LineResult = { ok: true; draft: LineDraft } | { ok: false; issues: ImportIssue[] };

/**
 * Reads one data line with the header’s map of columns.
 *
 * @example
 * readLine({ line: 2, cells: ['axe-2', '213801855', 'Démat', '12 500', '2022-01-20'] }, columns)
 */
export function readLine(row: { line: number; cells: string[] }, columns: HeaderMap): LineResult {
  const issues: ImportIssue[] = [];
  const cell = (name: ImportColumnName) => {
    const index = columns[name];
    return index === undefined ? '' : (row.cells[index] ?? '');
  };
  function check<T>(name: ImportColumnName, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    issues.push({ line: row.line, column: name, value: shown(cell(name)), reason: parsed.reason });
    return undefined;
  }
  function required<T>(name: ImportColumnName, read: (raw: string) => Parsed<T>): T | undefined {
    const raw = cell(name);
    return check(name, raw.trim() ? read(raw) : { ok: false, reason: `${name} manquant` });
  }
  const optional = <T>(name: ImportColumnName, read: (raw: string) => Parsed<T>): T | null | undefined =>
    cell(name).trim() ? check(name, read(cell(name))) : null;

  const identifiant = check('identifiant', parseIdentifier(cell('identifiant')));
  const dispositifCode = required('dispositif', (raw) => {
    const code = parseDispositifCode(raw);
    return code ? { ok: true, value: code } : { ok: false, reason: `dispositif inconnu : ${raw.trim()}` };
  });
  const siren = required('idBeneficiaire', (raw) => {
    const value = sirenOf(raw);
    return value ? { ok: true, value } : { ok: false, reason: 'SIREN inconnu ou invalide' };
  });
  const nom = check('nomBeneficiaire', parseText(cell('nomBeneficiaire'), 'nomBeneficiaire', { max: 300 }));
  const title = check('objet', parseText(cell('objet'), 'objet', { max: 300, required: true }));
  const summary = check('resume', parseText(cell('resume'), 'resume', { max: 5_000 }));
  const themes = check('themes', parseThemes(splitList(cell('themes'))));
  const amountEur = required('montant', (raw) => parseEuros(raw, 'montant'));
  const totalCostEur = optional('coutTotal', (raw) => parseEuros(raw, 'coutTotal'));
  const filedOn = optional('dateDepot', parseDay);
  const decidedOn = required('dateConvention', parseDay);
  const status = check('statut', parseStatusValue(cell('statut')));
  const coporteurs = check('coporteurs', parseSirenList(splitList(cell('coporteurs'))));
  const siteUrl = check('site', parseWebAddress(cell('site')));
  const sourceUrl = check('codeSource', parseWebAddress(cell('codeSource')));
  const outputs = check('realisations', parseText(cell('realisations'), 'realisations', { max: 5_000 }));
  const nomAttribuant = cell('nomAttribuant').trim() || null;

  if (
    issues.length > 0 ||
    identifiant === undefined ||
    dispositifCode === undefined ||
    siren === undefined ||
    nom === undefined ||
    title === undefined ||
    summary === undefined ||
    themes === undefined ||
    amountEur === undefined ||
    totalCostEur === undefined ||
    filedOn === undefined ||
    decidedOn === undefined ||
    status === undefined ||
    coporteurs === undefined ||
    siteUrl === undefined ||
    sourceUrl === undefined ||
    outputs === undefined
  ) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    draft: {
      line: row.line,
      identifiant,
      dispositifCode,
      siren,
      nomBeneficiaire: nom || null,
      title,
      summary,
      themes,
      amountEur,
      totalCostEur,
      filedOn,
      decidedOn,
      status,
      // The porteur is not its own co-porteur.
      coporteurs: coporteurs.filter((s) => s !== siren),
      siteUrl,
      sourceUrl,
      outputs,
      nomAttribuant,
    },
  };
}
