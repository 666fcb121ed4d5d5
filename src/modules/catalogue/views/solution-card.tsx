import { DemoBadge } from '../../../platform/ui/components.js';
import { LICENCES, MATURITIES } from '../catalogue.domain.js';
import { themeLabel } from '../catalogue.themes.js';
import type { SolutionCard as Card } from '../search/search.types.js';
import { label, organisationsCount } from './labels.js';

/**
 * A solution in a list: a DSFR card whose whole surface links to its page, with the problem it solves,
 * its maturity, licence, how many organisations use it, and whether its claims were checked.
 *
 * @example
 * <SolutionCard card={card} />
 */
export function SolutionCard({ card, headingLevel = 3 }: { card: Card; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <div class="fr-card fr-card--sm fr-enlarge-link fr-card--horizontal fr-mb-2w">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={`/catalogue/solutions/${card.id}`}>{card.name}</a>
          </Heading>
          <p class="fr-card__desc">{card.summary}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li>
                <p class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">
                  {label(MATURITIES, card.maturity)}
                </p>
              </li>
              <li>
                {card.verified ? (
                  <p class="fr-badge fr-badge--sm fr-badge--success">Vérifiée</p>
                ) : (
                  <p class="fr-badge fr-badge--sm fr-badge--no-icon">Déclarée</p>
                )}
              </li>
              {card.demonstration ? (
                <li>
                  <DemoBadge />
                </li>
              ) : null}
            </ul>
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail">
              {`Utilisée par ${organisationsCount(card.users)}`}
              {card.interested > 0 ? `, souhaitée par ${organisationsCount(card.interested)}` : ''}
              {` · ${label(LICENCES, card.licence)}`}
              {card.themes.length > 0 ? ` · ${card.themes.map(themeLabel).join(', ')}` : ''}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
