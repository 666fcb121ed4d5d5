import { formatNumber } from '../../../platform/i18n/format.js';
import { SOLUTION_COLUMNS, USE_COLUMNS } from '../opendata/record.js';

function Columns({
  columns,
  caption,
}: {
  columns: Array<{ name: string; type: string; description: string }>;
  caption: string;
}) {
  return (
    <div class="fr-table fr-table--sm">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Colonne</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((c) => (
                  <tr>
                    <th scope="row">
                      <code>{c.name}</code>
                    </th>
                    <td>{c.type}</td>
                    <td>{c.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * The catalogue's open data page: its files, licence, columns, and the API.
 *
 * @example
 * <CatalogueDonneesPage count={412} demonstration />
 */
export function CatalogueDonneesPage({ count, demonstration }: { count: number; demonstration: boolean }) {
  const file = (href: string, text: string, hint: string) => (
    <li>
      <a class="fr-link fr-icon-download-line fr-link--icon-left" href={href} download>
        {text} <span class="fr-hint-text">{hint}</span>
      </a>
    </li>
  );
  return (
    <>
      <h1>Données ouvertes du catalogue de mutualisation</h1>
      <p class="fr-text--lead">
        Les {formatNumber(count)} solutions publiées du catalogue et les organisations qui les utilisent,
        libres de réutilisation, en fichiers et par une API.
      </p>
      {demonstration ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w">
          <h2 class="fr-alert__title">Données de démonstration</h2>
          <p>
            Une partie des solutions et des déclarations d’usage est inventée pour la démonstration : la
            colonne <code>demonstration</code> les signale.
          </p>
        </div>
      ) : null}
      <h2>Télécharger</h2>
      <ul class="fr-links-group">
        {file(
          '/donnees/catalogue-solutions.csv',
          'Solutions au format CSV',
          'UTF-8 avec BOM, séparateur « ; », une ligne par solution',
        )}
        {file(
          '/donnees/catalogue-utilisations.csv',
          'Déclarations d’usage au format CSV',
          'une ligne par organisation et par solution',
        )}
        {file(
          '/donnees/catalogue.json',
          'Le catalogue et ses utilisateurs au format JSON',
          'un tableau de solutions, chacune avec « utilisateurs »',
        )}
      </ul>
      <h2 class="fr-mt-4w">Licence</h2>
      <p>
        Ces données sont publiées sous la{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">
          Licence Ouverte / Open Licence version 2.0
        </a>{' '}
        (Etalab). Les déclarations d’usage sont faites par les organisations elles-mêmes.
      </p>
      <h2 class="fr-mt-4w">Les colonnes</h2>
      <Columns columns={SOLUTION_COLUMNS} caption="Les solutions" />
      <Columns columns={USE_COLUMNS} caption="Les déclarations d’usage" />
      <h2 class="fr-mt-4w">L’API</h2>
      <p>
        <code>/api/v1/solutions</code> donne les solutions avec les mêmes filtres que la recherche (
        <code>q</code>, <code>theme</code>, <code>maturite</code>, <code>licence</code>, <code>adoption</code>
        , <code>adoptant</code>, <code>region</code>, <code>departement</code>, <code>pres</code>…), paginées
        par curseur ; <code>/api/v1/solutions/&lt;identifiant&gt;</code> une solution et ses utilisateurs.
        Description complète : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
    </>
  );
}
