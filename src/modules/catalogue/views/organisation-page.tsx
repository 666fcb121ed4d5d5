import { DemoBadge } from '../../../platform/ui/components.js';
import { MAINTAINER_ROLES, type SolutionUse, USE_STATUSES } from '../catalogue.domain.js';
import type { SolutionCard } from '../search/search.types.js';
import { label, organisationsCount } from './labels.js';
import { formatMonth } from './solution-users.js';

/**
 * An organisation's page in the catalogue: the solutions it uses, those it wishes to use, those it builds.
 *
 * @example
 * <OrganisationPage siren="213801855" name="Commune de Grenoble" uses={uses} maintained={[]} />
 */
export function OrganisationPage(props: {
  siren: string;
  name: string;
  uses: Array<SolutionUse & { solutionName: string }>;
  maintained: Array<{ id: string; name: string; role: string }>;
}) {
  const groups = (['utilise', 'souhaite'] as const).map((status) => ({
    status,
    uses: props.uses.filter((u) => u.status === status),
  }));
  return (
    <>
      <h1>{props.name}</h1>
      <p class="fr-text--lead">
        Ce que cette organisation utilise et construit, d’après les déclarations faites dans le catalogue de
        mutualisation.
      </p>
      {groups.map(({ status, uses }) => (
        <section class="fr-mt-4w" aria-labelledby={`solutions-${status}`}>
          <h2 id={`solutions-${status}`}>
            {status === 'utilise' ? 'Les solutions utilisées' : 'Les solutions souhaitées'}
          </h2>
          {uses.length === 0 ? (
            <p>{status === 'utilise' ? 'Aucune solution déclarée.' : 'Aucune.'}</p>
          ) : (
            <ul>
              {uses.map((u) => (
                <li>
                  <a href={`/catalogue/solutions/${u.solutionId}`}>{u.solutionName}</a>
                  {u.since ? ` — depuis ${formatMonth(u.since)}` : ''}
                  {u.useCase ? ` : ${u.useCase}` : ''}
                  {u.demonstration ? <DemoBadge /> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {props.maintained.length > 0 ? (
        <section class="fr-mt-4w" aria-labelledby="solutions-construites">
          <h2 id="solutions-construites">Les solutions qu’elle construit</h2>
          <ul>
            {props.maintained.map((m) => (
              <li>
                <a href={`/catalogue/solutions/${m.id}`}>{m.name}</a> (
                {label(MAINTAINER_ROLES, m.role).toLowerCase()})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="fr-mt-4w">
        <a
          class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
          href={`/catalogue?siren=${props.siren}`}
        >
          Chercher parmi les solutions qu’elle utilise
        </a>
      </p>
      <p class="fr-text--sm">
        {`Les déclarations sont faites par les agents de l’organisation (« ${label(USE_STATUSES, 'utilise')} » ou « ${label(USE_STATUSES, 'souhaite')} ») : elles ne sont pas vérifiées par le programme.`}
      </p>
    </>
  );
}

/**
 * « Solutions utilisées ici » on a territory's page: how many, the most used five, and the search link.
 *
 * @example
 * <UsedHere total={3} items={cards} href="/catalogue?departement=38" />
 */
export function UsedHere(props: { total: number; items: SolutionCard[]; href: string | null }) {
  return (
    <div class="nt-used-here">
      <h3 class="fr-h5 fr-mt-4w">Solutions du catalogue de mutualisation utilisées ici</h3>
      {props.total === 0 ? (
        <p>
          Aucune organisation de ce territoire n’a déclaré utiliser une solution du catalogue de
          mutualisation.
        </p>
      ) : (
        <>
          <p>
            {props.total === 1 ? 'Une solution' : `${props.total.toLocaleString('fr-FR')} solutions`} du
            catalogue de mutualisation {props.total === 1 ? 'est utilisée' : 'sont utilisées'} par des
            organisations de ce territoire.
          </p>
          <ul>
            {props.items.map((s) => (
              <li>
                <a href={`/catalogue/solutions/${s.id}`}>{s.name}</a> — utilisée par{' '}
                {organisationsCount(s.users)} au total
              </li>
            ))}
          </ul>
          {props.href ? (
            <p>
              <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={props.href}>
                Voir ces solutions dans le catalogue
              </a>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
