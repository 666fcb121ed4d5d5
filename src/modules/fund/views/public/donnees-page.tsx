import { formatNumber } from '../../../../platform/i18n/format.js';
import { OPEN_DATA_COLUMNS } from '../../opendata/record.js';

/**
 * The open data page: what the dataset is, its licence, its three files, each column with its meaning (the
 * SCDL « Subventions » ones marked), and the API with examples.
 *
 * @example
 * <DonneesPage count={5021} demonstration={true} />
 */
export function DonneesPage({ count, demonstration }: { count: number; demonstration: boolean }) {
  return (
    <>
      <h1>Données ouvertes des lauréats</h1>
      <p class="fr-text--lead">
        La liste complète des {formatNumber(count)} lauréats du fonds « Transformation numérique des
        collectivités territoriales », libre de réutilisation, en fichiers et par une API.
      </p>
      {demonstration ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w">
          <h2 class="fr-alert__title">Données de démonstration</h2>
          <p>
            Aucune liste publique et lisible par machine des lauréats n’existe : une partie de ces lauréats
            est inventée pour la démonstration. La colonne <code>demonstration</code> les signale.
          </p>
        </div>
      ) : null}
      <h2>Télécharger</h2>
      <ul class="fr-links-group">
        <li>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/donnees/laureats.csv" download>
            Lauréats au format CSV <span class="fr-hint-text">UTF-8 avec BOM, séparateur « ; »</span>
          </a>
        </li>
        <li>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/donnees/laureats.json" download>
            Lauréats au format JSON{' '}
            <span class="fr-hint-text">un tableau d’objets, les mêmes champs que l’API</span>
          </a>
        </li>
        <li>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/donnees/laureats.xlsx" download>
            Lauréats au format XLSX <span class="fr-hint-text">une feuille, une ligne par lauréat</span>
          </a>
        </li>
      </ul>
      <h2 class="fr-mt-4w">Licence</h2>
      <p>
        Ces données sont publiées sous la{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">
          Licence Ouverte / Open Licence version 2.0
        </a>{' '}
        (Etalab) : vous pouvez les copier, les modifier et les réutiliser, y compris à des fins commerciales,
        en mentionnant leur source (« Numérique & Territoires ») et la date de leur dernière mise à jour.
      </p>
      <h2 class="fr-mt-4w">Les colonnes</h2>
      <p>
        Les quatorze premières colonnes suivent le schéma{' '}
        <a href="https://schema.data.gouv.fr/scdl/subventions/">SCDL « Subventions »</a>, dans son ordre ; les
        suivantes sont propres au fonds. Une valeur inconnue est laissée vide plutôt que devinée.
      </p>
      <div class="fr-table">
        <table>
          <caption>Colonnes des fichiers et champs de l’API</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Type</th>
              <th scope="col">Schéma SCDL</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DATA_COLUMNS.map((c) => (
              <tr>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.type}</td>
                <td>{c.scdl ? 'Oui' : 'Non'}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="fr-mt-4w">L’API</h2>
      <p>
        Une API JSON en lecture seule, sans clé, décrite au format OpenAPI 3.1 :{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <ul>
        <li>
          <code>GET /api/v1/laureats</code> : les lauréats, filtrés par les mêmes critères que la recherche,
          avec des codes : <code>q</code> (mots), <code>dispositif</code>, <code>theme</code>,{' '}
          <code>region</code> et <code>departement</code> (codes INSEE), <code>commune</code> (code INSEE du
          porteur), <code>epci</code> et <code>siren</code> (SIREN), <code>type</code>,{' '}
          <code>population</code>, <code>montant</code>, <code>statut</code>, <code>annee</code>. Plusieurs
          valeurs : répétez le paramètre ou séparez-les par des virgules. À moins de N km d’une commune :{' '}
          <code>pres_de</code> (son code INSEE) et <code>rayon</code> (5, 10, 20, 50 ou 100 km, à vol d’oiseau
          ; chaque lauréat porte alors sa <code>distanceKm</code>, et les facettes le nombre de lauréats par
          distance). Les distances se comptent entre les points des communes, de GeoNames (licence CC BY 4.0)
          ou estimés pour les plus petites : voyez{' '}
          <a href="/territoires/a-propos-des-donnees#coordonnees">d’où viennent les distances</a>. Tri :{' '}
          <code>tri</code> (<code>pertinence</code>, <code>date</code>, <code>montant</code>,{' '}
          <code>titre</code>). Pages de <code>limite</code> lauréats (100 au plus) ; la suivante s’obtient
          avec le <code>curseur</code> donné par la réponse.
        </li>
        <li>
          <code>GET /api/v1/laureats/&lt;identifiant&gt;</code> : un lauréat.
        </li>
        <li>
          <code>GET /api/v1/dispositifs</code> : les dispositifs et leurs règles datées.
        </li>
      </ul>
      <p>
        Exemple :{' '}
        <a href="/api/v1/laureats?departement=38&amp;statut=livre&amp;limite=10">
          <code>/api/v1/laureats?departement=38&amp;statut=livre&amp;limite=10</code>
        </a>
        , ou à moins de 20 km de Grenoble :{' '}
        <a href="/api/v1/laureats?pres_de=38185&amp;rayon=20">
          <code>/api/v1/laureats?pres_de=38185&amp;rayon=20</code>
        </a>
        . Les réponses portent un ETag : renvoyez-le dans <code>If-None-Match</code> pour ne recevoir qu’un «
        304 » quand rien n’a changé. Une erreur de paramètre répond « 400 » avec un message en français.
      </p>
    </>
  );
}
