import { Feed } from 'feed';
import type { CollectionDef, ContentItem } from './news.domain.js';

/**
 * RSS 2.0 and Atom 1.0 for one collection, with absolute addresses (feed readers need them).
 *
 * @example
 * buildFeed(COLLECTIONS.communiques, items, 'https://example.gouv.fr').rss2()
 */
export function buildFeed(collection: CollectionDef, items: ContentItem[], publicUrl: string) {
  const link = `${publicUrl}${collection.basePath}`;
  const feed = new Feed({
    title: `${collection.label} — Numérique & Territoires`,
    description: `${collection.label} du programme Transformation numérique des territoires`,
    id: link,
    link,
    language: 'fr',
    updated: items[0] ? new Date(items[0].date) : new Date(0),
    copyright: 'Licence Ouverte / Etalab 2.0',
    feedLinks: { rss: `${link}rss.xml`, atom: `${link}atom.xml` },
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: `${publicUrl}${item.path}`,
      link: `${publicUrl}${item.path}`,
      description: item.bodyText.slice(0, 400),
      content: absolutize(item.bodyHtml, publicUrl),
      date: new Date(item.date),
      category: item.data.categories.map((name) => ({ name })),
    });
  }
  return feed;
}

/** Root-relative links and images become absolute, since a feed is read away from the site. */
function absolutize(html: string, publicUrl: string) {
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${publicUrl}/`);
}
