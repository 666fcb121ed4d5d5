/**
 * A lauréat put together from checked values and its looked-up porteur — the same way for an import line and
 * for the edit form — and the warnings it deserves.
 */
import { sha256 } from '../../../shared/hash.js';
import {
  type DispositifCode,
  type DispositifRule,
  dispositifOf,
  foldLabel,
  type Laureat,
  laureatFingerprint,
  THEMES,
} from '../fund.domain.js';
import { eligibilityWarnings } from '../fund.eligibility.js';
import type { LineDraft } from './line.js';
import type { Porteur } from './porteurs.js';

/** What a lauréat says, checked, before its porteur is looked up. */
export type LaureatFields = Omit<LineDraft, 'line' | 'identifiant' | 'nomAttribuant'>;

/**
 * The identifier of a lauréat the file gives none for: stable for the same dispositif, porteur and title
 * (case, accents and spaces aside), so that importing the same file again finds the same lauréats.
 *
 * @example
 * generatedId('axe-2', '213801855', 'Salle sur demande') // 'axe-2-5c1f…' (16 hexadecimal digits)
 */
export function generatedId(dispositif: DispositifCode, siren: string, title: string): string {
  return `${dispositif}-${sha256(`${dispositif}|${siren}|${foldLabel(title)}`).slice(0, 16)}`;
}

/**
 * The lauréat these fields describe, its fingerprint set. `createdAt` is only used for a new row: storage keeps
 * an existing lauréat’s.
 *
 * @example
 * assembleLaureat(fields, porteur, [{ siren: '200040715', name: 'Grenoble-Alpes-Métropole' }], { id, now })
 */
export function assembleLaureat(
  f: LaureatFields,
  porteur: Porteur,
  coporteurs: Array<{ siren: string; name: string }>,
  at: { id: string; now: string; createdAt?: string; demonstration?: boolean },
): Laureat {
  const base: Omit<Laureat, 'sourceHash' | 'createdAt' | 'updatedAt'> = {
    id: at.id,
    dispositifCode: f.dispositifCode,
    title: f.title,
    summary: f.summary,
    porteur: { siren: porteur.siren, name: porteur.name, kind: porteur.kind },
    territoryKey: porteur.territoryKey,
    communeCode: porteur.communeCode,
    epciCode: porteur.epciCode,
    departementCode: porteur.departementCode,
    regionCode: porteur.regionCode,
    population: porteur.population,
    amountEur: f.amountEur,
    totalCostEur: f.totalCostEur,
    filedOn: f.filedOn,
    decidedOn: f.decidedOn,
    status: f.status,
    siteUrl: f.siteUrl,
    sourceUrl: f.sourceUrl,
    outputs: f.outputs,
    themes: f.themes,
    coporteurs,
    demonstration: at.demonstration ?? false,
  };
  return {
    ...base,
    sourceHash: laureatFingerprint(base),
    createdAt: at.createdAt ?? at.now,
    updatedAt: at.now,
  };
}

export interface LaureatWarning {
  /** The import column (and form field) it is about. */
  column: string;
  message: string;
}

/**
 * What deserves a second look without blocking: the eligibility rule in force when the dossier was filed,
 * themes outside the dispositif’s list, a filing after the decision, an attribuant that is not the operator.
 *
 * @example
 * laureatWarnings(laureat, rules, 'Préfecture de l’Isère') // [] for axe 3
 */
export function laureatWarnings(
  l: Laureat,
  rules: DispositifRule[],
  nomAttribuant: string | null = null,
): LaureatWarning[] {
  const warnings: LaureatWarning[] = eligibilityWarnings(l, rules).map((w) => ({
    column: w.field,
    message: w.message,
  }));
  const dispositif = dispositifOf(l.dispositifCode);
  const outside = l.themes.filter((t) => !dispositif.themes.includes(t));
  if (outside.length > 0) {
    warnings.push({
      column: 'themes',
      message: `Thème${outside.length > 1 ? 's' : ''} hors de la liste du dispositif ${l.dispositifCode} : ${outside.map((t) => THEMES[t]).join(', ')}.`,
    });
  }
  if (l.filedOn && l.filedOn > l.decidedOn) {
    warnings.push({ column: 'dateDepot', message: 'Dossier déposé après la date de convention.' });
  }
  if (nomAttribuant && !attribuantMatches(l.dispositifCode, nomAttribuant)) {
    warnings.push({
      column: 'nomAttribuant',
      message: `« ${nomAttribuant} » n’est pas l’opérateur du dispositif ${l.dispositifCode} (${dispositif.operateur}${l.dispositifCode === 'axe-3' ? ' ou une préfecture' : ''}).`,
    });
  }
  return warnings;
}

/** Names an operator goes by; axe 3 was granted by each préfecture for the DITP. */
const ATTRIBUANTS: Record<string, string[]> = {
  ANCT: ['anct', 'agence nationale de la cohesion des territoires', 'incubateur des territoires'],
  DINUM: ['dinum', 'direction interministerielle du numerique'],
  DITP: ['ditp', 'direction interministerielle de la transformation publique', 'prefecture', 'prefet'],
};

function attribuantMatches(code: DispositifCode, name: string): boolean {
  const folded = foldLabel(name).replace(/-/g, ' ');
  return (ATTRIBUANTS[dispositifOf(code).operateur] ?? []).some((n) => folded.includes(n));
}
