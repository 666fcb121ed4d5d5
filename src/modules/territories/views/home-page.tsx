import type { Territory } from '../territories.domain.js';
import { displayName, territoryPath } from '../territories.domain.js';
import { CollectivitePicker } from './collectivite-picker.js';

/**
 * The territories' home page: the picker, to go to any territory, and the régions with their départements.
 *
 * @example
 * <HomePage regions={await territories.regionsWithDepartements()} />
 */
export function HomePage({ regions }: { regions: Array<{ region: Territory; departements: Territory[] }> }) {
  return (
    <>
      <h1>Territoires</h1>
      <p class="fr-text--lead">
        Chaque commune, intercommunalité, département et région a sa page : ses chiffres clés, ses territoires
        de rattachement et, bientôt, ce que le programme y a financé.
      </p>
      <form method="get" action="/territoires/aller" class="fr-mb-6w">
        <CollectivitePicker name="territoire" label="Aller à un territoire" />
        <button type="submit" class="fr-btn">
          Voir la page du territoire
        </button>
      </form>
      <h2>Régions et départements</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        {regions.map(({ region, departements }) => (
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <h3 class="fr-h6 fr-mb-1w">
              <a href={territoryPath(region)}>{displayName(region)}</a>
            </h3>
            <ul class="fr-text--sm">
              {departements.map((d) => (
                <li>
                  <a href={territoryPath(d)}>
                    {displayName(d)} ({d.code})
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p>
        <a href="/territoires/a-propos-des-donnees">À propos des données des territoires</a>
      </p>
    </>
  );
}
