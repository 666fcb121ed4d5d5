/**
 * A drafted lauréat made into the rows to insert: its title, summary, status and fingerprint.
 */
import { createHash } from 'node:crypto';
import type { LaureatTable } from '../../../adapters/db/tables/fund.js';
import { type DispositifCode, type LaureatStatus, THEMES } from '../fund.domain.js';
import { monthsBetween } from './dates.js';
import type { namedLaureats } from './named.js';
import { STATUS_REFERENCE_DAY } from './plan.js';
import type { Porteur } from './porteurs.js';
import type { Random } from './random.js';
import { OUTPUTS, TITLES_BY_THEME } from './titles.js';

/** One generated lauréat, ready to insert: its row, its themes and its co-porteurs. */
export interface DemoLaureat {
  laureat: LaureatTable;
  themes: string[];
  coporteurs: Array<{ siren: string; name: string }>;
}

/** A lauréat before its amount is known: amounts are shared out per axe (or per département) at the end. */
export interface Draft {
  id: string;
  axe: DispositifCode;
  porteur: Porteur;
  themes: string[];
  coporteurs: Porteur[];
  filedOn: string;
  decidedOn: string;
  weight: number;
  /** The State's share of the cost, to derive the total cost from the amount. */
  stateShare: number;
  amountEur?: number;
  named?: ReturnType<typeof namedLaureats>[number];
}

/** Older decisions are more often delivered; a few projects were given up. */
function statusOf(random: Random, decidedOn: string): LaureatStatus {
  if (random.chance(0.025)) return 'abandonne';
  const age = monthsBetween(decidedOn, STATUS_REFERENCE_DAY);
  if (age > 15) return random.chance(0.75) ? 'livre' : 'en-cours';
  if (age > 6) return random.chance(0.35) ? 'livre' : 'en-cours';
  return random.chance(0.6) ? 'finance' : 'en-cours';
}

/**
 * The rows of one drafted lauréat.
 *
 * @example
 * const { laureat, themes, coporteurs } = toRow(seededRandom(1), draft);
 */
export function toRow(random: Random, d: Draft): DemoLaureat {
  const n = d.named;
  const theme = d.themes[0]!;
  const title = n?.title ?? random.pick(TITLES_BY_THEME[theme] ?? ['Projet de transformation numérique']);
  const status = n?.status ?? statusOf(random, d.decidedOn);
  const amount = d.amountEur ?? 0;
  const content = {
    id: d.id,
    dispositif_code: d.axe,
    title,
    summary:
      n?.summary ??
      `${title} : un projet porté par ${withArticle(d.porteur.name)} (thème « ${THEMES[theme] ?? theme} »).`,
    porteur_siren: d.porteur.siren,
    porteur_name: d.porteur.name,
    porteur_kind: d.porteur.kind,
    territory_key: d.porteur.territoryKey,
    commune_code: d.porteur.communeCode,
    epci_code: d.porteur.epciSiren,
    departement_code: d.porteur.departementCode,
    region_code: d.porteur.regionCode,
    population: d.porteur.population,
    amount_eur: amount,
    total_cost_eur: n?.totalCostEur ?? Math.round(amount / d.stateShare),
    filed_on: d.filedOn,
    decided_on: d.decidedOn,
    status,
    site_url: null,
    source_url: d.axe === 'axe-1' && !n ? `https://code.exemple.invalid/${d.id}` : null,
    outputs: n?.outputs ?? (status === 'livre' ? random.pick(OUTPUTS) : ''),
    demonstration: 1,
  };
  const coporteurs = d.coporteurs.map((p) => ({ siren: p.siren, name: p.name }));
  const at = `${d.decidedOn}T09:00:00.000Z`;
  return {
    laureat: {
      ...content,
      source_hash: createHash('sha256')
        .update(JSON.stringify([content, d.themes, coporteurs]))
        .digest('hex'),
      created_at: at,
      updated_at: at,
    },
    themes: d.themes,
    coporteurs,
  };
}

/** « la Commune de Vizille », « le Département de l’Isère », « la Métropole de Lyon ». */
function withArticle(name: string): string {
  if (name.startsWith('Département')) return `le ${name}`;
  if (/^(Commune|Communauté|Métropole|Région|Collectivité)/.test(name)) return `la ${name}`;
  return name;
}
