import { plural } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import type { Page } from '../../../shared/pagination.js';
import type { CollectionDef, ContentItem, SortOrder } from '../news.domain.js';
import type { TermCount } from '../news.repository.js';
import { ItemCard } from './item-card.js';

export interface ListState {
  categorie?: string;
  tag?: string;
  tri: SortOrder;
}

/** The address of a list with the given state; defaults are left out so that addresses stay short. */
export function listHref(base: string, state: ListState, page = 1): string {
  const params = new URLSearchParams();
  if (state.categorie) params.set('categorie', state.categorie);
  if (state.tag) params.set('tag', state.tag);
  if (state.tri !== 'recent') params.set('tri', state.tri);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/**
 * A collection's list: filters by category and tag (DSFR tags, each a link), sort by date, results as cards,
 * DSFR pagination. Works without JavaScript: every control is a link or a GET form.
 */
export function ListPage({
  collection,
  result,
  state,
}: {
  collection: CollectionDef;
  result: Page<ContentItem> & { terms: TermCount[] };
  state: ListState;
}) {
  const base = collection.basePath;
  const categories = result.terms.filter((t) => t.kind === 'categorie');
  const tags = result.terms.filter((t) => t.kind === 'tag');
  const active = [
    ...(state.categorie ? [{ kind: 'categorie' as const, slug: state.categorie }] : []),
    ...(state.tag ? [{ kind: 'tag' as const, slug: state.tag }] : []),
  ];
  const labelOf = (kind: string, slug: string) =>
    result.terms.find((t) => t.kind === kind && t.slug === slug)?.label ?? slug;
  return (
    <>
      <h1>{collection.label}</h1>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <form method="get" action={base} class="fr-mb-3w">
            {state.categorie ? <input type="hidden" name="categorie" value={state.categorie} /> : null}
            {state.tag ? <input type="hidden" name="tag" value={state.tag} /> : null}
            <div class="fr-select-group">
              <label class="fr-label" for="tri">
                Trier par date
              </label>
              <select class="fr-select" id="tri" name="tri">
                <option value="recent" selected={state.tri === 'recent'}>
                  Les plus récents d’abord
                </option>
                <option value="ancien" selected={state.tri === 'ancien'}>
                  Les plus anciens d’abord
                </option>
              </select>
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm">
              Trier
            </button>
          </form>
          <TermFilter title="Catégories" kind="categorie" terms={categories} base={base} state={state} />
          <TermFilter title="Mots-clés" kind="tag" terms={tags} base={base} state={state} />
        </div>
        <div class="fr-col-12 fr-col-md-8">
          <p role="status" class="fr-mb-2w">
            {plural(result.total, 'publication', 'publications', 'Aucune publication')}
            {active.length > 0 ? ' pour les filtres choisis' : ''}
          </p>
          {active.length > 0 ? (
            <ul class="fr-tags-group" aria-label="Filtres actifs">
              {active.map((f) => (
                <li>
                  <a
                    class="fr-tag fr-tag--sm fr-icon-close-line fr-tag--icon-left"
                    href={listHref(base, { ...state, [f.kind]: undefined })}
                    aria-label={`Retirer le filtre ${labelOf(f.kind, f.slug)}`}
                  >
                    {labelOf(f.kind, f.slug)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {result.items.map((item) => (
            <ItemCard item={item} />
          ))}
          {result.total === 0 ? (
            <p>
              Aucune publication ne correspond. <a href={base}>Voir toutes les publications</a>
            </p>
          ) : null}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(n) => listHref(base, state, n)}
          />
          <p class="fr-mt-4w">
            <a class="fr-link fr-icon-rss-line fr-link--icon-left" href={`${base}rss.xml`}>
              Flux RSS
            </a>{' '}
            <a class="fr-link fr-icon-rss-line fr-link--icon-left fr-ml-2w" href={`${base}atom.xml`}>
              Flux Atom
            </a>
          </p>
        </div>
      </div>
    </>
  );
}

function TermFilter({
  title,
  kind,
  terms,
  base,
  state,
}: {
  title: string;
  kind: 'categorie' | 'tag';
  terms: TermCount[];
  base: string;
  state: ListState;
}) {
  if (terms.length === 0) return null;
  const id = `filtre-${kind}`;
  return (
    <section class="fr-mb-3w" aria-labelledby={id}>
      <h2 id={id} class="fr-h6">
        {title}
      </h2>
      <ul class="fr-tags-group">
        {terms.map((t) => {
          const current = state[kind] === t.slug;
          return (
            <li>
              <a
                class="fr-tag fr-tag--sm"
                href={listHref(base, { ...state, [kind]: current ? undefined : t.slug })}
                aria-current={current ? 'true' : undefined}
                title={current ? `Retirer le filtre ${t.label}` : `Filtrer par ${t.label} (${t.count})`}
              >
                {t.label} ({t.count})
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
