import type { Measure } from './load.js';

/** A target and whether the run met it. */
export interface Target {
  label: string;
  actual: string;
  pass: boolean;
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Milliseconds as printed: one decimal, French style. */
export function ms(value: number): string {
  return decimal.format(value);
}

function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (alignRight[col] ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header!), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function statusNote(m: Measure): string {
  if (m.non2xx === 0 && m.errors === 0 && m.timeouts === 0) return 'ok';
  const codes = Object.entries(m.statusCodes)
    .filter(([code]) => code !== '200')
    .map(([code, count]) => `${count}×${code}`);
  return [`non-2xx ${m.non2xx}`, `erreurs ${m.errors}`, `délais dépassés ${m.timeouts}`, ...codes].join(', ');
}

/**
 * The results table: scenario, req/s, p50, p99, ratio to the baseline's req/s, requests answered and their
 * statuses.
 */
export function formatMeasures(measures: Measure[], baseline: Measure): string {
  const rows = [
    ['Scénario', 'req/s', 'p50 ms', 'p99 ms', '/ référence', 'réponses', 'statuts'],
    ...measures.map((m) => [
      m.label,
      integer.format(m.requestsPerSecond),
      ms(m.p50),
      ms(m.p99),
      `${integer.format((m.requestsPerSecond / baseline.requestsPerSecond) * 100)} %`,
      integer.format(m.completed),
      statusNote(m),
    ]),
  ];
  return table(rows, [false, true, true, true, true, true, false]);
}

/** The targets, each with the figure reached and PASS or FAIL. */
export function formatTargets(targets: Target[]): string {
  return targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label} : ${t.actual}`).join('\n');
}
