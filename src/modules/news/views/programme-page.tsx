import type { ContentItem } from '../news.domain.js';

/** The index of the programme's pages, in their menu order. */
export function ProgrammePage({ pages }: { pages: ContentItem[] }) {
  return (
    <>
      <h1>Le programme TNT</h1>
      <p class="fr-text--lead">
        Le programme « Transformation numérique des territoires » (2021–2024) réunit l’État et les
        collectivités territoriales pour accélérer la transformation numérique des services publics locaux.
      </p>
      {pages.length === 0 ? (
        <p>Aucune page n’est encore publiée.</p>
      ) : (
        <ul>
          {pages.map((page) => (
            <li>
              <a href={page.path}>{page.data.menu?.title ?? page.title}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
