import { raw } from 'hono/html';
import { formatDate, formatDateTime } from '../../../platform/i18n/format.js';
import { DemoBadge } from '../../../platform/ui/components.js';
import { slugify } from '../../../shared/slug.js';
import { COLLECTIONS, type ContentItem, type EventInfo } from '../news.domain.js';

/**
 * An item's page: title, date, category, tags (each a filter of its list), chapeau, lead image, body, files,
 * press contact and, for events, when and where. Body and chapeau were sanitised at import: `raw` is safe here.
 */
export function ItemPage({ item }: { item: ContentItem }) {
  const collection = COLLECTIONS[item.collection];
  const image = item.data.images.find((i) => i.available);
  return (
    <article class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
        {item.data.demonstration ? <DemoBadge /> : null}
        {item.data.categories.length > 0 ? (
          <p class="fr-badge fr-badge--sm fr-badge--blue-cumulus fr-mb-2w">
            {item.data.categories.join(', ')}
          </p>
        ) : null}
        <h1>{item.title}</h1>
        {item.collection !== 'tnt' ? (
          <p class="nt-meta fr-text--sm">
            Publié le <time datetime={item.date}>{formatDate(item.date)}</time>
          </p>
        ) : null}
        {item.data.tags.length > 0 ? (
          <ul class="fr-tags-group" aria-label="Mots-clés">
            {item.data.tags.map((tag) => (
              <li>
                <a
                  class="fr-tag fr-tag--sm"
                  href={`${collection.basePath}?tag=${encodeURIComponent(slugify(tag))}`}
                >
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {item.chapeau ? <div class="fr-text--lead">{raw(item.chapeau)}</div> : null}
        {image ? (
          <figure class="fr-content-media">
            <img class="fr-responsive-img" src={image.src} alt={image.alt} />
            {image.caption ? (
              <figcaption class="fr-content-media__caption">{image.caption}</figcaption>
            ) : null}
          </figure>
        ) : null}
        {item.data.event ? <EventBlock event={item.data.event} /> : null}
        <div class="nt-content fr-mb-4w">{raw(item.bodyHtml)}</div>
        {item.data.files.length > 0 ? <Files item={item} /> : null}
        {item.data.contact ? <Contact contact={item.data.contact} /> : null}
      </div>
    </article>
  );
}

function EventBlock({ event }: { event: EventInfo }) {
  return (
    <div class="fr-callout fr-mb-4w">
      <h2 class="fr-callout__title fr-h5">Informations pratiques</h2>
      <dl class="fr-callout__text">
        {event.start ? (
          <>
            <dt class="fr-text--bold">Début</dt>
            <dd>
              <time datetime={event.start}>{formatDateTime(event.start)}</time>
            </dd>
          </>
        ) : null}
        {event.end ? (
          <>
            <dt class="fr-text--bold">Fin</dt>
            <dd>
              <time datetime={event.end}>{formatDateTime(event.end)}</time>
            </dd>
          </>
        ) : null}
        {event.lieu ? (
          <>
            <dt class="fr-text--bold">Lieu</dt>
            <dd>{event.lieu}</dd>
          </>
        ) : null}
        {event.adresse ? (
          <>
            <dt class="fr-text--bold">Adresse</dt>
            <dd>{event.adresse}</dd>
          </>
        ) : null}
        {event.infos.map((info) => (
          <>
            <dt class="fr-text--bold">{info.intitule}</dt>
            <dd>
              {info.contenu ? raw(info.contenu) : null}
              {info.lien ? (
                <>
                  {' '}
                  <a class="fr-link" href={info.lien}>
                    {info.lien.startsWith('mailto:') ? info.lien.slice(7) : 'En savoir plus'}
                  </a>
                </>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
    </div>
  );
}

function Files({ item }: { item: ContentItem }) {
  return (
    <section class="fr-mb-4w" aria-labelledby="documents-titre">
      <h2 id="documents-titre" class="fr-h4">
        Documents
      </h2>
      <ul class="fr-raw-list">
        {item.data.files.map((file) =>
          file.available && file.href ? (
            <li class="fr-mb-2w">
              <a href={file.href} download class="fr-link fr-link--download">
                {file.label}
                {file.details ? <span class="fr-link__detail">{file.details}</span> : null}
              </a>
            </li>
          ) : (
            <li class="fr-mb-2w nt-unavailable">
              <p class="fr-mb-0">
                {file.label} <span class="fr-badge fr-badge--sm">Document indisponible</span>
              </p>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function Contact({ contact }: { contact: NonNullable<ContentItem['data']['contact']> }) {
  return (
    <section class="fr-mb-4w" aria-labelledby="contact-presse-titre">
      <h2 id="contact-presse-titre" class="fr-h4">
        Contact presse
      </h2>
      <address>
        {contact.name ? <p class="fr-mb-1v">{contact.name}</p> : null}
        {contact.phones.map((tel) => (
          <p class="fr-mb-1v">
            <a href={`tel:${tel.replace(/[^+\d]/g, '')}`}>{tel}</a>
          </p>
        ))}
        {contact.email ? (
          <p class="fr-mb-1v">
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </p>
        ) : null}
      </address>
    </section>
  );
}
