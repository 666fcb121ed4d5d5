import { formatDate, formatNumber } from '../../../platform/i18n/format.js';
import { COG_EDITION } from '../cog/source.js';
import type { CoordinateSummary } from '../geo/coordinates.repository.kysely.js';
import type { TerritoryMeta } from '../territories.repository.js';
import { CoordinatesAbout } from './coordinates-about.js';

const EPCI_TYPES: Record<string, string> = {
  MET69: 'Métropole de Lyon',
  METRO: 'Métropoles',
  CU: 'Communautés urbaines',
  CA: 'Communautés d’agglomération',
  CC: 'Communautés de communes',
};

/**
 * « À propos des données »: where the territories come from, which edition is loaded, what it holds, and where
 * the communes' points come from.
 *
 * @example
 * <AboutPage meta={await territories.about()} coordinates={await territories.coordinatesAbout()} />
 */
export function AboutPage({
  meta,
  coordinates = null,
}: {
  meta: TerritoryMeta | null;
  coordinates?: CoordinateSummary | null;
}) {
  const c = meta?.counts;
  const row = (label: string, n: number | undefined) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="fr-cell--right">{n === undefined ? '–' : formatNumber(n)}</td>
    </tr>
  );
  return (
    <>
      <h1>À propos des données des territoires</h1>
      <p class="fr-text--lead">
        Les communes, intercommunalités, départements et régions de la plateforme sont ceux du Code officiel
        géographique (COG) {COG_EDITION.year} de l’Insee.
      </p>
      <h2>Sources</h2>
      <ul>
        <li>
          le Code officiel géographique de l’Insee, au 1<sup>er</sup> janvier {COG_EDITION.year} : communes,
          communes déléguées et associées, anciens codes des communes fusionnées, arrondissements municipaux,
          départements et régions ;
        </li>
        <li>
          la liste des EPCI à fiscalité propre et de leur composition, publiée par la direction générale des
          collectivités locales (DGCL) ;
        </li>
        <li>les populations légales de l’Insee (population municipale) ;</li>
        <li>la base officielle des codes postaux de La Poste ;</li>
        <li>les numéros SIREN des communes et des EPCI, du répertoire Sirene de l’Insee ;</li>
        <li>
          les coordonnées des communes, de GeoNames (licence CC BY 4.0) : voir{' '}
          <a href="#coordonnees">coordonnées des communes et distances</a>.
        </li>
      </ul>
      <p>
        Ces données sont réunies par le paquet{' '}
        <a href="https://www.npmjs.com/package/@etalab/decoupage-administratif/v/6.0.0">
          {COG_EDITION.packageName} {COG_EDITION.packageVersion}
        </a>{' '}
        d’Etalab (données sous Licence Ouverte, code sous licence MIT). La plateforme en charge la version
        figée ci-dessus dans sa base de données au démarrage, et ne change d’édition que lorsque cette version
        est mise à jour.
      </p>
      <h2>Ce que contient l’édition chargée</h2>
      {meta ? (
        <p>
          Édition « {meta.edition} », chargée le {formatDate(meta.loadedAt)}.
        </p>
      ) : (
        <p>Les données des territoires n’ont pas encore été chargées.</p>
      )}
      <div class="fr-table">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            <div class="fr-table__content">
              <table>
                <caption>Nombre de territoires par type</caption>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col" class="fr-cell--right">
                      Nombre
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {row('Régions', c?.regions)}
                  {row('Départements', c?.departements)}
                  {row('Intercommunalités à fiscalité propre (EPCI)', c?.epci)}
                  {Object.entries(EPCI_TYPES).map(([type, label]) =>
                    row(`dont ${label}`, c?.epciByType[type] ?? 0),
                  )}
                  {row('Communes', c?.communes)}
                  {row('Arrondissements municipaux (Paris, Lyon, Marseille)', c?.arrondissements)}
                  {row('Communes déléguées', c?.communesDeleguees)}
                  {row('Communes associées', c?.communesAssociees)}
                  {row('Anciens codes INSEE de communes fusionnées', c?.anciensCodes)}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <h2>Périmètre</h2>
      <p>
        La plateforme couvre les communes de métropole et des cinq départements et régions d’outre-mer. Les
        communes des collectivités d’outre-mer (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin,
        Wallis-et-Futuna, Polynésie française) et de Nouvelle-Calédonie n’y figurent pas : le paquet ne leur
        donne pas de numéro SIREN.
      </p>
      <p>
        Un ancien code INSEE mène à la commune qui a succédé à la commune fusionnée : son adresse renvoie vers
        la page de la commune actuelle.
      </p>
      <CoordinatesAbout summary={coordinates} />
    </>
  );
}
