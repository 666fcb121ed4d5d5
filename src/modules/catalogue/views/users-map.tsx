import { formatNumber } from '../../../platform/i18n/format.js';
import { APP_PREFIX } from '../../../platform/ui/assets-paths.js';
import { DEPARTEMENT_PATHS, METRO_VIEWBOX, OVERSEAS_INSETS } from '../../fund/index.js';
import type { PlaceNames } from '../search/public-service.js';
import { organisationsCount } from './labels.js';

/** The stylesheet of the maps (the fund's dashboard's, shared under the app's assets). */
export const MAP_STYLESHEET = { rel: 'stylesheet', href: `${APP_PREFIX}charts.css` };

const INSET_NAMES: Record<string, string> = {
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '976': 'Mayotte',
};
const INSET_TOP = 1030;
const INSET_SIZE = 170;

/** 0 for none, then 1 to 5 by the share of the largest count (few organisations: steps stay readable). */
function classOf(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.min(5, 1 + Math.floor((4 * (n - 1)) / Math.max(1, max - 1)));
}

/**
 * Where a solution is used (or the matching solutions' users), by département: a map drawn on the server
 * as SVG (the fund's outlines), each département with users a link named for screen readers and reachable
 * with the Tab key, and beside it the same figures as a table — the map is never the only way to read them.
 *
 * @example
 * <UsersMap id="carte" title="Organisations utilisatrices par département" counts={{ '38': 3 }} names={names} hrefFor={(d) => `#dep-${d}`} />
 */
export function UsersMap(props: {
  id: string;
  title: string;
  counts: Record<string, number>;
  names: PlaceNames;
  hrefFor: (departement: string) => string;
}) {
  const { id, counts, names } = props;
  const max = Math.max(0, ...Object.values(counts));
  const [, , width, height] = METRO_VIEWBOX.split(' ').map(Number) as [number, number, number, number];
  const area = (code: string, d: string) => {
    const n = counts[code] ?? 0;
    if (n === 0) return <path class="nt-map__area nt-map__c0" d={d} />;
    const text = `${names.departement(code)} : ${organisationsCount(n)}`;
    return (
      <a href={props.hrefFor(code)} aria-label={text}>
        <title>{text}</title>
        <path class={`nt-map__area nt-map__c${classOf(n, max)}`} d={d} />
      </a>
    );
  };
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-lg-7">
        <figure class="nt-map fr-m-0" aria-labelledby={`${id}-titre`}>
          <p class="fr-text--sm fr-mb-1w">
            <a class="fr-link fr-link--sm" href={`#${id}-tableau`}>
              Passer la carte et aller au tableau
            </a>
          </p>
          <svg
            class="nt-map__svg"
            viewBox={`0 0 ${width} ${INSET_TOP + INSET_SIZE + 40}`}
            aria-labelledby={`${id}-titre`}
          >
            <title id={`${id}-titre`}>{props.title}</title>
            {Object.entries(DEPARTEMENT_PATHS)
              .filter(([code]) => !code.startsWith('97'))
              .map(([code, d]) => area(code, d))}
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
                    {area(inset.departement, DEPARTEMENT_PATHS[inset.departement]!)}
                  </svg>
                </g>
              );
            })}
            <line class="nt-map__separator" x1="0" x2={width} y1={height + 10} y2={height + 10} />
          </svg>
          <figcaption>
            <p class="fr-text--sm fr-mb-1v">Légende : organisations utilisatrices</p>
            <ul class="nt-legend">
              <li>
                <span class="nt-legend__swatch nt-map__c0" aria-hidden="true" />
                Aucune
              </li>
              <li>
                <span class="nt-legend__swatch nt-map__c1" aria-hidden="true" />
                Quelques-unes
              </li>
              <li>
                <span class="nt-legend__swatch nt-map__c5" aria-hidden="true" />
                {`Le plus grand nombre (${formatNumber(max)})`}
              </li>
            </ul>
          </figcaption>
        </figure>
      </div>
      <div class="fr-col-12 fr-col-lg-5">
        <div class="fr-table fr-table--no-caption-top" id={`${id}-tableau`}>
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>{props.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Département</th>
                      <th scope="col">Organisations</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.length === 0 ? (
                      <tr>
                        <td colspan={2}>Aucune organisation utilisatrice déclarée.</td>
                      </tr>
                    ) : (
                      rows.map(([code, n]) => (
                        <tr>
                          <th scope="row">
                            <a href={props.hrefFor(code)}>{`${names.departement(code)} (${code})`}</a>
                          </th>
                          <td>{formatNumber(n)}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
