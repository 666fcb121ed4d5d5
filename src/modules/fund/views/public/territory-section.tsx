import { plural } from '../../../../platform/i18n/format.js';
import type { LaureatCard as Card } from '../../search/search.types.js';
import { formatEur } from './labels.js';

/**
 * The content of « Ce qui a été financé ici » on every territory's page (the page draws the section and its
 * heading): how many lauréats and how much, the five latest, and a link to the search filtered on the
 * territory.
 *
 * @example
 * <FundedHere total={3} amountEur={120000} latest={cards} href="/laureats?commune=38185" scope="par cette commune" />
 */
export function FundedHere(props: {
  total: number;
  amountEur: number;
  latest: Card[];
  href: string;
  /** Who the lauréats are, in words: « portés par cette commune », « portés dans ce département ». */
  scope: string;
  /** For a commune: the search « à moins de 20 km » of it. */
  nearHref?: string;
}) {
  const near = props.nearHref ? (
    <p>
      <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={props.nearHref}>
        Les projets financés à moins de 20 km
      </a>
    </p>
  ) : null;
  return (
    <div class="nt-funded-here">
      {props.total === 0 ? (
        <>
          <p>Aucun projet financé par le fonds n’est enregistré {props.scope}.</p>
          {near}
        </>
      ) : (
        <>
          <p>
            {plural(props.total, 'projet financé', 'projets financés')} {props.scope}, pour{' '}
            {formatEur(props.amountEur)} d’aides accordées.
          </p>
          <h3 class="fr-h6">Les plus récents</h3>
          <ul>
            {props.latest.map((l) => (
              <li>
                <a href={`/laureats/${encodeURIComponent(l.id)}`}>{l.title}</a> — {l.porteurName},{' '}
                {formatEur(l.amountEur)}
              </li>
            ))}
          </ul>
          <p>
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={props.href}>
              {props.total === 1
                ? 'Voir ce lauréat'
                : `Voir les ${plural(props.total, 'lauréat', 'lauréats')}`}
            </a>
          </p>
          {near}
        </>
      )}
    </div>
  );
}
