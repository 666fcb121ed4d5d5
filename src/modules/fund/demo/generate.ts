/**
 * The demonstration lauréats: no public list of the fund's lauréats exists, so the demo invents one,
 * distributed like the real fund (see plan.ts) over real collectivités of the COG, with the lauréats the
 * Journée named. Deterministic: the same seed and COG give the same rows. Every row says `demonstration = 1`.
 */
import { type DispositifCode, ruleInForce, THEMES } from '../fund.domain.js';
import { dayNumber, isoOfDay } from './dates.js';
import { namedLaureats } from './named.js';
import { type PorteurPickers, porteurPickers } from './pickers.js';
import {
  AXE_PLANS,
  amountPerAxe,
  FLAT_AMOUNT_EUR,
  OCTOBER_2021,
  projectsPerAxe,
  REFERENCE_COUNT,
} from './plan.js';
import { type DemoCog, type PorteurPools, porteurPools } from './porteurs.js';
import { type Random, seededRandom, shareOut } from './random.js';
import { type DemoLaureat, type Draft, toRow } from './row.js';

export type { DemoLaureat } from './row.js';

export interface GenerateOptions extends DemoCog {
  seed: number;
  /** How many lauréats; 5,000 by default, like the real fund. */
  count?: number;
}

const AXE1_THEMES = Object.keys(THEMES).slice(0, 17);
const AXE2_THEMES = ['dematerialisation-demarches', 'usage-donnee', 'cooperation', 'franceconnect-api'];
const AXE3_THEMES: Array<[string, number]> = Object.keys(THEMES).map((code) => [
  code,
  [
    'dematerialisation-demarches',
    'relation-usagers',
    'diagnostic-numerique',
    'communication-usagers',
  ].includes(code)
    ? 4
    : code === 'franceconnect-api'
      ? 0.5
      : 1,
]);

/**
 * Generates `count` demonstration lauréats (5,000 by default) over the given COG.
 *
 * @example
 * const rows = generateLaureats({ seed: 2023, ...cog });
 * rows.length // 5000
 * rows.reduce((sum, r) => sum + r.laureat.amount_eur, 0) // about 88 M€
 */
export function generateLaureats(options: GenerateOptions): DemoLaureat[] {
  const count = options.count ?? REFERENCE_COUNT;
  const random = seededRandom(options.seed);
  const pools = porteurPools(options);
  const perAxe = projectsPerAxe(count);
  const targets = amountPerAxe(count);
  const picks = porteurPickers(random, pools);
  const drafts: Draft[] = [];
  let serial = 0;
  const nextId = () => `demo-${String(++serial).padStart(6, '0')}`;

  const named = namedLaureats(pools);
  for (const n of named) {
    drafts.push({
      id: n.id,
      axe: n.dispositifCode,
      porteur: n.porteur,
      themes: n.themes,
      coporteurs: [],
      filedOn: n.filedOn,
      decidedOn: n.decidedOn,
      weight: 0,
      stateShare: n.amountEur / n.totalCostEur,
      amountEur: n.amountEur,
      named: n,
    });
  }
  const namedCount = (axe: DispositifCode) => named.filter((n) => n.dispositifCode === axe).length;

  for (let i = namedCount('axe-1'); i < perAxe['axe-1']; i++) {
    const porteur = picks.axe1();
    const { filedOn, decidedOn } = dates(random, 'axe-1');
    drafts.push({
      id: nextId(),
      axe: 'axe-1',
      porteur,
      themes: themes(
        random,
        AXE1_THEMES.map((t) => [t, 1]),
      ),
      // Axe 1 services are built with other collectivités of the région, then offered to all.
      coporteurs: picks.partners(porteur, random.int(1, 4)),
      filedOn,
      decidedOn,
      weight: clamp(random.logNormal(350_000, 0.45), 80_000, 1_200_000),
      stateShare: 1,
    });
  }
  for (let i = namedCount('axe-2'); i < perAxe['axe-2']; i++) {
    const { filedOn, decidedOn } = dates(random, 'axe-2');
    const rule = ruleInForce('axe-2', filedOn)!;
    const porteur = picks.axe2(rule);
    drafts.push({
      id: nextId(),
      axe: 'axe-2',
      porteur,
      themes: themes(
        random,
        AXE2_THEMES.map((t) => [t, 1]),
      ),
      coporteurs: [],
      filedOn,
      decidedOn,
      weight: clamp(random.logNormal(150_000, 0.6), 40_000, 1_500_000),
      stateShare: 0.35 + random.next() * ((rule.maxStateShare ?? 0.5) - 0.35),
    });
  }
  for (let i = 0; i < perAxe['axe-2-bis']; i++) {
    const { filedOn, decidedOn } = dates(random, 'axe-2-bis');
    drafts.push({
      id: nextId(),
      axe: 'axe-2-bis',
      porteur: picks.axe2bis(),
      themes: ['franceconnect-api'],
      coporteurs: [],
      filedOn,
      decidedOn,
      weight: 1,
      stateShare: FLAT_AMOUNT_EUR / random.int(6_000, 20_000),
      amountEur: FLAT_AMOUNT_EUR,
    });
  }
  drafts.push(...axe3Drafts(random, pools, picks, perAxe['axe-3'], targets['axe-3'], nextId));

  // Axes 1 and 2: what the named lauréats leave of the target, shared out in proportion to the weights.
  for (const axe of ['axe-1', 'axe-2'] as const) {
    const open = drafts.filter((d) => d.axe === axe && d.amountEur === undefined);
    const taken = drafts.filter((d) => d.axe === axe && d.amountEur !== undefined);
    const left = targets[axe] - taken.reduce((sum, d) => sum + d.amountEur!, 0);
    const amounts = shareOut(
      Math.max(0, left),
      open.map((d) => d.weight),
    );
    open.forEach((d, i) => {
      d.amountEur = amounts[i]!;
    });
  }
  return drafts.map((d) => toRow(random, d));
}

/** Axe 3: an envelope per département (half population, half number of communes), then its projects. */
function axe3Drafts(
  random: Random,
  pools: PorteurPools,
  picks: PorteurPickers,
  projects: number,
  target: number,
  nextId: () => string,
): Draft[] {
  const population = new Map<string, number>();
  const communes = new Map<string, number>();
  for (const c of pools.communes) {
    const dep = c.departementCode!;
    population.set(dep, (population.get(dep) ?? 0) + (c.population ?? 0));
    communes.set(dep, (communes.get(dep) ?? 0) + 1);
  }
  const departements = [...communes.keys()].sort();
  const totalPopulation = [...population.values()].reduce((a, b) => a + b, 0);
  const weights = departements.map(
    (d) => 0.5 * (population.get(d)! / totalPopulation) + 0.5 * (communes.get(d)! / pools.communes.length),
  );
  const projectCounts = shareOut(projects, weights);
  const withProjects = departements.map((_, i) => (projectCounts[i]! > 0 ? weights[i]! : 0));
  const envelopes = shareOut(target, withProjects);
  const drafts: Draft[] = [];
  departements.forEach((dep, i) => {
    const mine: Draft[] = [];
    for (let k = 0; k < projectCounts[i]!; k++) {
      const porteur = picks.axe3(dep);
      const { filedOn, decidedOn } = dates(random, 'axe-3');
      // A few communes carry their project with their intercommunalité.
      const epci =
        porteur.kind === 'commune' && porteur.epciSiren && random.chance(0.08)
          ? picks.bySiren(porteur.epciSiren)
          : undefined;
      mine.push({
        id: nextId(),
        axe: 'axe-3',
        porteur,
        themes: themes(random, AXE3_THEMES),
        coporteurs: porteur.kind === 'commune' && epci ? [epci] : [],
        filedOn,
        decidedOn,
        weight:
          clamp(random.logNormal(12_000, 0.8), 1_500, 250_000) *
          (porteur.kind === 'commune' ? 1 : porteur.kind === 'epci' ? 2 : 3),
        stateShare: 0.4 + random.next() * 0.4,
      });
    }
    const amounts = shareOut(
      envelopes[i]!,
      mine.map((d) => d.weight),
    );
    mine.forEach((d, k) => {
      d.amountEur = amounts[k]!;
    });
    drafts.push(...mine);
  });
  return drafts;
}

/** A decision date drawn on the axe's timeline (the October 2021 share first), and the filing before it. */
function dates(random: Random, axe: DispositifCode): { filedOn: string; decidedOn: string } {
  const { decisions, instructionDays } = AXE_PLANS[axe];
  const early = random.chance(decisions.byOctober2021);
  const october = dayNumber(OCTOBER_2021);
  const from = early ? dayNumber(decisions.from) : october + 1;
  const to = early ? Math.min(dayNumber(decisions.to), october) : dayNumber(decisions.to);
  const decided = random.int(from, to);
  const filed = Math.max(
    dayNumber('2021-01-25'),
    decided - random.int(instructionDays[0], instructionDays[1]),
  );
  return { filedOn: isoOfDay(filed), decidedOn: isoOfDay(decided) };
}

function themes(random: Random, choices: Array<[string, number]>): string[] {
  const first = random.weighted(choices);
  if (!random.chance(0.25)) return [first];
  const second = random.weighted(choices);
  return second === first ? [first] : [first, second];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
