import { formatDate, isoDay } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import type { PlaceNames } from '../../search/places.js';
import type { LaureatCard as Card } from '../../search/search.types.js';
import { dispositifShort, formatEur, formatKm, statusBadgeClass, statusLabel } from './labels.js';

/**
 * Where the porteur is: its département with its code, or the région for a région's project.
 *
 * @example
 * placeOf({ departementCode: '38', regionCode: '84' }, names) // 'Isère (38)'
 */
export function placeOf(
  card: Pick<Card, 'departementCode' | 'regionCode'>,
  names: PlaceNames,
): string | null {
  if (card.departementCode) return `${names.departement(card.departementCode)} (${card.departementCode})`;
  if (card.regionCode) return names.region(card.regionCode);
  return null;
}

/**
 * One lauréat in a list: a DSFR card whose whole surface links to the lauréat's page, with its porteur and
 * territory (and, with « à moins de N km », how far it is), dispositif, amount, status and decision date.
 *
 * @example
 * <LaureatCard card={card} names={names} />
 */
export function LaureatCard({
  card,
  names,
  headingLevel = 3,
}: {
  card: Card;
  names: PlaceNames;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as 'h3';
  const place = placeOf(card, names);
  return (
    <div class="fr-card fr-card--sm fr-enlarge-link fr-card--horizontal fr-mb-2w nt-laureat-card">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={`/laureats/${encodeURIComponent(card.id)}`}>{card.title}</a>
          </Heading>
          <p class="fr-card__desc">
            {card.porteurName}
            {place ? ` — ${place}` : ''}
            {card.distanceKm === undefined ? '' : ` — à ${formatKm(card.distanceKm)}`}
          </p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li>
                <p class={`fr-badge fr-badge--sm ${statusBadgeClass(card.status)}`}>
                  {statusLabel(card.status)}
                </p>
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
              {`${dispositifShort(card.dispositifCode)} · `}
              <strong>{formatEur(card.amountEur)}</strong>
              {' · décidé le '}
              <time datetime={isoDay(card.decidedOn)}>{formatDate(card.decidedOn)}</time>
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
