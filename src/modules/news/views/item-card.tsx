import { formatDate, isoDay } from '../../../platform/i18n/format.js';
import { DemoBadge } from '../../../platform/ui/components.js';
import type { ContentItem } from '../news.domain.js';

/** One item in a list: a DSFR horizontal card whose whole surface is the link. */
export function ItemCard({ item, headingLevel = 2 }: { item: ContentItem; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const category = item.data.categories[0];
  return (
    <div class="fr-card fr-enlarge-link fr-card--horizontal fr-mb-3w">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={item.path}>{item.title}</a>
          </Heading>
          {item.chapeau ? <p class="fr-card__desc">{stripTags(item.chapeau)}</p> : null}
          <div class="fr-card__start">
            {category ? <p class="fr-card__detail">{category}</p> : null}
            {item.data.demonstration ? <DemoBadge /> : null}
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail fr-icon-calendar-line">
              <time datetime={isoDay(item.date)}>{formatDate(item.date)}</time>
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The chapeau is stored as sanitised inline HTML; a card shows its text only. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .trim();
}
