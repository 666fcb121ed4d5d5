/**
 * The choropleth map of France, by département or by région, overseas included as insets: drawn on the server
 * as SVG, each area a link to its lauréats named for screen readers (« Isère : 1,2 M€, 143 projets »),
 * reachable with the Tab key, coloured by classes in five steps with an HTML legend. The table beside it carries
 * the same figures.
 */

import { formatShortEuros, projectsLabel } from '../../dashboard/format.js';
import { DEPARTEMENT_PATHS, METRO_VIEWBOX, OVERSEAS_INSETS, REGION_PATHS } from './map/geometry.generated.js';

export interface MapArea {
  code: string;
  name: string;
  amountEur: number;
  projects: number;
  href: string;
}

const INSET_NAMES: Record<string, string> = {
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '976': 'Mayotte',
};
const INSET_TOP = 1030;
const INSET_SIZE = 170;

/**
 * Class limits: four thresholds cutting the non-zero amounts into five groups of similar size (quantiles),
 * rounded to two significant digits so that the legend reads well.
 *
 * @example
 * classBreaks([100, 200, 300, 400, 500]) // [200, 300, 400, 500]
 */
export function classBreaks(amounts: number[]): number[] {
  const sorted = amounts.filter((a) => a > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [0.2, 0.4, 0.6, 0.8].map((q) =>
    round2(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!),
  );
  return [...new Set(breaks)];
}

function round2(value: number): number {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / power) * power;
}

/** 0 for no project, then 1 to 5. */
function classOf(amount: number, breaks: number[]): number {
  if (amount <= 0) return 0;
  return 1 + breaks.filter((b) => amount >= b).length;
}

/**
 * @example
 * <Choropleth id="carte-departements" level="departement" title="Montant accordé par département" areas={areas} tableId="tableau-departements" />
 */
export function Choropleth(props: {
  id: string;
  level: 'departement' | 'region';
  title: string;
  areas: MapArea[];
  tableId: string;
}) {
  const { id, level, areas } = props;
  const breaks = classBreaks(areas.map((a) => a.amountEur));
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const shapes = level === 'departement' ? DEPARTEMENT_PATHS : REGION_PATHS;
  const insetCode = (dep: string, region: string) => (level === 'departement' ? dep : region);
  const metro = Object.entries(shapes).filter(([code]) => !code.startsWith('97'));
  const [, , width, height] = METRO_VIEWBOX.split(' ').map(Number) as [number, number, number, number];
  const area = (code: string, d: string) => {
    const a = byCode.get(code);
    if (!a) return <path class="nt-map__area nt-map__c0" d={d} />;
    const label = `${a.name} : ${formatShortEuros(a.amountEur)}, ${projectsLabel(a.projects)}`;
    return (
      <a href={a.href} aria-label={label}>
        <title>{label}</title>
        <path class={`nt-map__area nt-map__c${classOf(a.amountEur, breaks)}`} d={d} />
      </a>
    );
  };
  return (
    <figure class="nt-map fr-m-0" aria-labelledby={`${id}-titre`}>
      <p class="fr-text--sm fr-mb-1w">
        <a class="fr-link fr-link--sm" href={`#${props.tableId}`}>
          Passer la carte et aller au tableau
        </a>
      </p>
      <svg
        class="nt-map__svg"
        viewBox={`0 0 ${width} ${INSET_TOP + INSET_SIZE + 40}`}
        aria-labelledby={`${id}-titre`}
        id={id}
      >
        <title id={`${id}-titre`}>{props.title}</title>
        {metro.map(([code, d]) => area(code, d))}
        {OVERSEAS_INSETS.map((inset, i) => {
          const x = 10 + i * ((width - 20) / OVERSEAS_INSETS.length);
          return (
            <g>
              <text
                class="nt-chart__label"
                x={x + INSET_SIZE / 2}
                y={INSET_TOP + INSET_SIZE + 28}
                text-anchor="middle"
              >
                {INSET_NAMES[inset.departement]}
              </text>
              <svg x={x} y={INSET_TOP} width={INSET_SIZE} height={INSET_SIZE} viewBox={inset.viewBox}>
                <title>{INSET_NAMES[inset.departement]}</title>
                {area(insetCode(inset.departement, inset.region), DEPARTEMENT_PATHS[inset.departement]!)}
              </svg>
            </g>
          );
        })}
        <line class="nt-map__separator" x1="0" x2={width} y1={height + 10} y2={height + 10} />
      </svg>
      <MapLegend breaks={breaks} />
    </figure>
  );
}

function MapLegend({ breaks }: { breaks: number[] }) {
  const steps = [
    { cls: 0, text: 'Aucun projet' },
    ...[0, ...breaks].map((from, i) => {
      const to = breaks[i];
      return {
        cls: i + 1,
        text:
          to === undefined
            ? `${formatShortEuros(from)} et plus`
            : i === 0
              ? `Moins de ${formatShortEuros(to)}`
              : `De ${formatShortEuros(from)} à moins de ${formatShortEuros(to)}`,
      };
    }),
  ];
  return (
    <figcaption>
      <p class="fr-text--sm fr-mb-1v">Légende : montant accordé</p>
      <ul class="nt-legend">
        {steps.map((s) => (
          <li>
            <span class={`nt-legend__swatch nt-map__c${s.cls}`} aria-hidden="true" />
            {s.text}
          </li>
        ))}
      </ul>
    </figcaption>
  );
}
