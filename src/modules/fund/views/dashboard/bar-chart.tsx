/**
 * Horizontal bars drawn on the server as SVG: an image with a title and a description for assistive
 * technologies (the table beside it carries every figure and the links), readable without JavaScript, and
 * styled by classes only (the CSP allows no inline style).
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as written at the end of the bar (« 17,1 M€ »). */
  valueLabel: string;
  /** A ceiling drawn behind the bar (a dispositif's envelope). */
  max?: number;
}

const WIDTH = 480;
const VALUE_WIDTH = 150;
const ROW = 46;
const BAR = 16;

/**
 * Each bar under its label (labels are long: « De 10 000 à 19 999 habitants »), its value after it.
 *
 * @example
 * <BarChart id="graphique-dispositifs" title="Montant accordé par dispositif"
 *   description="Axe 1 : 17,1 M€ sur 30 M€ ; …" bars={[{ label: 'Axe 1', value: 17.1e6, valueLabel: '17,1 M€', max: 30e6 }]} />
 */
export function BarChart(props: { id: string; title: string; description: string; bars: Bar[] }) {
  const { id, bars } = props;
  const top = Math.max(1, ...bars.map((b) => Math.max(b.value, b.max ?? 0)));
  const scale = (v: number) => (Math.max(0, v) / top) * (WIDTH - VALUE_WIDTH);
  const height = bars.length * ROW + 4;
  return (
    <svg
      class="nt-chart nt-bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-titre ${id}-description`}
      id={id}
    >
      <title id={`${id}-titre`}>{props.title}</title>
      <desc id={`${id}-description`}>{props.description}</desc>
      {bars.map((b, i) => {
        const y = i * ROW;
        const width = scale(b.value);
        const end = Math.max(width, b.max ? scale(b.max) : 0);
        return (
          <g>
            <text class="nt-chart__label" x={0} y={y + 16}>
              {b.label}
            </text>
            {b.max ? <rect class="nt-bars__max" x={0} y={y + 22} width={scale(b.max)} height={BAR} /> : null}
            <rect class="nt-bars__bar" x={0} y={y + 22} width={width} height={BAR}>
              <title>{`${b.label} : ${b.valueLabel}`}</title>
            </rect>
            <text class="nt-chart__value" x={end + 8} y={y + 22 + BAR / 2} dominant-baseline="central">
              {b.valueLabel}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
