/**
 * Stacked columns over time (one per quarter, one colour per dispositif), drawn on the server as an SVG
 * image with its title and description; the legend is HTML and the table beside it carries the figures.
 */

export interface ColumnSeries {
  label: string;
  /** One value per column. */
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 64;
const BOTTOM = 44;
const TOP = 12;

/**
 * @example
 * <ColumnChart id="graphique-trimestres" title="…" description="…" columns={['T1 2021']} series={[{ label: 'Axe 1', values: [1e6] }]} format={formatShortEuros} />
 */
export function ColumnChart(props: {
  id: string;
  title: string;
  description: string;
  columns: string[];
  series: ColumnSeries[];
  format: (value: number) => string;
}) {
  const { id, columns, series } = props;
  const totals = columns.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceCeiling(Math.max(1, ...totals));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - 8) / Math.max(1, columns.length);
  const y = (v: number) => TOP + plotHeight - (v / top) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  return (
    <svg
      class="nt-chart nt-columns"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-titre ${id}-description`}
      id={id}
    >
      <title id={`${id}-titre`}>{props.title}</title>
      <desc id={`${id}-description`}>{props.description}</desc>
      {ticks.map((t) => (
        <g>
          <line class="nt-chart__grid" x1={LEFT} x2={WIDTH - 8} y1={y(t)} y2={y(t)} />
          <text class="nt-chart__axis" x={LEFT - 6} y={y(t)} text-anchor="end" dominant-baseline="central">
            {props.format(t)}
          </text>
        </g>
      ))}
      {columns.map((label, i) => {
        let base = 0;
        const x = LEFT + i * slot + slot * 0.15;
        return (
          <g>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const rect = (
                <rect
                  class={`nt-series-${k + 1}`}
                  x={x}
                  width={slot * 0.7}
                  y={y(base + v)}
                  height={Math.max(0, y(base) - y(base + v))}
                >
                  <title>{`${label}, ${s.label} : ${props.format(v)}`}</title>
                </rect>
              );
              base += v;
              return rect;
            })}
            <text class="nt-chart__axis" x={x + slot * 0.35} y={HEIGHT - BOTTOM + 16} text-anchor="middle">
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A round ceiling for the axis: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The legend of the series, in HTML (colours by class, the same as the columns').
 *
 * @example
 * <SeriesLegend labels={['Axe 1', 'Axe 2']} />
 */
export function SeriesLegend({ labels }: { labels: string[] }) {
  return (
    <ul class="nt-legend">
      {labels.map((label, k) => (
        <li>
          <span class={`nt-legend__swatch nt-series-${k + 1}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
