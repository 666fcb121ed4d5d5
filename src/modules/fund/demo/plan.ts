/**
 * The shape of the real fund that the demonstration reproduces (DOMAIN.md): for 5,000 lauréats, how many per
 * axe, how much in all, and how fast they were decided. Figures scale with the number of rows asked for.
 *
 * Sources: axe 1, 44 projects and about 17 M€ by January 2023 (all 44 already chosen by October 2021);
 * axe 2, 75 projects / 13.1 M€ in October 2021, its 24 M€ envelope nearly used by the end; axe 2 bis, a
 * flat 5,000 € per collectivité, 104 collectivités in October 2021; axe 3, 500 projects / 9.7 M€ in
 * October 2021, its 34 M€ spread per département. In all, about 90 M€, more than 5,000 projects and more
 * than 3,200 collectivités in January 2023.
 */
import type { DispositifCode } from '../fund.domain.js';

/** The figures for the default 5,000 rows. */
export const REFERENCE_COUNT = 5_000;

export interface AxePlan {
  code: DispositifCode;
  /** Lauréats for 5,000 rows (axe 2 bis takes what the others leave). */
  projects: number;
  /** Euros granted in all, for 5,000 rows. */
  amountEur: number;
  /** The window of decisions, and the share of them taken by the end of October 2021. */
  decisions: { from: string; to: string; byOctober2021: number };
  /** Days between filing and decision. */
  instructionDays: [number, number];
}

/** The October 2021 checkpoint of DOMAIN.md's figures. */
export const OCTOBER_2021 = '2021-10-31';

export const AXE_PLANS: Record<DispositifCode, AxePlan> = {
  'axe-1': {
    code: 'axe-1',
    projects: 44,
    amountEur: 17_100_000,
    decisions: { from: '2021-05-03', to: '2021-10-15', byOctober2021: 1 },
    instructionDays: [60, 110],
  },
  'axe-2': {
    code: 'axe-2',
    projects: 140,
    amountEur: 23_500_000,
    decisions: { from: '2021-04-01', to: '2022-12-15', byOctober2021: 75 / 140 },
    instructionDays: [30, 100],
  },
  'axe-2-bis': {
    code: 'axe-2-bis',
    // What remains of 5,000 after the other axes: 2,966, that is 14.8 M€ at 5,000 € each.
    projects: 5_000 - 44 - 140 - 1_850,
    amountEur: (5_000 - 44 - 140 - 1_850) * 5_000,
    decisions: { from: '2021-06-15', to: '2022-12-31', byOctober2021: 104 / (5_000 - 44 - 140 - 1_850) },
    instructionDays: [15, 60],
  },
  'axe-3': {
    code: 'axe-3',
    projects: 1_850,
    // 99 % of the 34 M€: a few départements did not use all of theirs.
    amountEur: 33_660_000,
    decisions: { from: '2021-03-01', to: '2022-12-31', byOctober2021: 500 / 1_850 },
    instructionDays: [20, 90],
  },
};

/** The flat amount of the guichet FranceConnect et API. */
export const FLAT_AMOUNT_EUR = 5_000;

/** The day the statuses are judged on: the Journée, when the figures were announced. */
export const STATUS_REFERENCE_DAY = '2023-01-18';

/**
 * How many lauréats of each axe for `count` rows: the reference counts scaled, at least a few of the small
 * axes (so that a small demo still shows every axe), axe 2 bis taking the rest.
 *
 * @example
 * projectsPerAxe(5000) // { 'axe-1': 44, 'axe-2': 140, 'axe-3': 1850, 'axe-2-bis': 2966 }
 */
export function projectsPerAxe(count: number): Record<DispositifCode, number> {
  const scale = count / REFERENCE_COUNT;
  const axe1 = Math.max(4, Math.round(AXE_PLANS['axe-1'].projects * scale));
  const axe2 = Math.max(3, Math.round(AXE_PLANS['axe-2'].projects * scale));
  const axe3 = Math.max(3, Math.round(AXE_PLANS['axe-3'].projects * scale));
  const rest = count - axe1 - axe2 - axe3;
  if (rest < 1) throw new RangeError(`au moins ${axe1 + axe2 + axe3 + 1} lauréats sont nécessaires`);
  return { 'axe-1': axe1, 'axe-2': axe2, 'axe-3': axe3, 'axe-2-bis': rest };
}

/**
 * The euros to grant per axe for `count` rows (axe 2 bis: its projects times the flat amount).
 *
 * @example
 * amountPerAxe(5000)['axe-1'] // 17100000
 */
export function amountPerAxe(count: number): Record<DispositifCode, number> {
  const scale = count / REFERENCE_COUNT;
  const projects = projectsPerAxe(count);
  return {
    'axe-1': Math.round(AXE_PLANS['axe-1'].amountEur * scale),
    'axe-2': Math.round(AXE_PLANS['axe-2'].amountEur * scale),
    'axe-3': Math.round(AXE_PLANS['axe-3'].amountEur * scale),
    'axe-2-bis': projects['axe-2-bis'] * FLAT_AMOUNT_EUR,
  };
}
