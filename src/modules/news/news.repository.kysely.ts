import type { Kysely, Selectable } from 'kysely';
import type { ContentItemTable, Database } from '../../adapters/db/schema.js';
import { slugify } from '../../shared/slug.js';
import type { CollectionKey, ContentData, ContentItem } from './news.domain.js';
import type { ListQuery, NewsRepository, TermCount } from './news.repository.js';

/**
 * The Publication repository on Kysely, the same SQL for SQLite and PostgreSQL.
 *
 * @example
 * const repo = createKyselyNewsRepository(db);
 * await repo.findPublishedByPath('/espace-presse/journee-numerique-et-territoires-france-relance/');
 */
export function createKyselyNewsRepository(db: Kysely<Database>): NewsRepository {
  const published = () => db.selectFrom('content_item').selectAll().where('published', '=', 1);

  return {
    async save(item) {
      await db.transaction().execute(async (trx) => {
        const row = toRow(item);
        await trx
          .insertInto('content_item')
          .values(row)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              path: row.path,
              title: row.title,
              date: row.date,
              published: row.published,
              chapeau: row.chapeau,
              data: row.data,
              body_md: row.body_md,
              body_html: row.body_html,
              body_text: row.body_text,
              source_file: row.source_file,
              source_hash: row.source_hash,
              updated_at: row.updated_at,
            }),
          )
          .execute();
        await trx.deleteFrom('content_term').where('content_id', '=', item.id).execute();
        const terms = termRows(item);
        if (terms.length > 0) await trx.insertInto('content_term').values(terms).execute();
      });
    },

    async fingerprints(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('content_item')
        .select(['id', 'source_hash'])
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) => ({ id: r.id, sourceHash: r.source_hash }));
    },

    async findPublishedByPath(path) {
      const row = await published().where('path', '=', path).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async listPublished(q: ListQuery) {
      let base = db
        .selectFrom('content_item')
        .where('collection', '=', q.collection)
        .where('published', '=', 1);
      if (q.categorie) {
        const slug = q.categorie;
        base = base.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('content_term')
              .select('content_term.content_id')
              .whereRef('content_term.content_id', '=', 'content_item.id')
              .where('content_term.kind', '=', 'categorie')
              .where('content_term.slug', '=', slug),
          ),
        );
      }
      if (q.tag) {
        const slug = q.tag;
        base = base.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('content_term')
              .select('content_term.content_id')
              .whereRef('content_term.content_id', '=', 'content_item.id')
              .where('content_term.kind', '=', 'tag')
              .where('content_term.slug', '=', slug),
          ),
        );
      }
      const direction = q.sort === 'ancien' ? 'asc' : 'desc';
      const [rows, total] = await Promise.all([
        // Lists show cards: the bodies (most of a row's bytes) stay in the database.
        base
          .select(CARD_COLUMNS)
          .orderBy('date', direction)
          .orderBy('id', direction)
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => fromRow({ ...r, body_md: '', body_html: '', body_text: '' })),
        total: Number(total.n),
      };
    },

    async terms(collection) {
      const rows = await db
        .selectFrom('content_term')
        .innerJoin('content_item', 'content_item.id', 'content_term.content_id')
        .where('content_item.collection', '=', collection)
        .where('content_item.published', '=', 1)
        .select((eb) => [
          'content_term.kind',
          'content_term.slug',
          eb.fn.min('content_term.label').as('label'),
          eb.fn.countAll<number | string>().as('n'),
        ])
        .groupBy(['content_term.kind', 'content_term.slug'])
        .orderBy('content_term.kind')
        .orderBy('content_term.slug')
        .execute();
      return rows.map(
        (r): TermCount => ({
          kind: r.kind as TermCount['kind'],
          slug: r.slug,
          label: String(r.label),
          count: Number(r.n),
        }),
      );
    },

    async latestPublished({ collections, limit }) {
      if (collections.length === 0) return [];
      const rows = await published()
        .where('collection', 'in', collections)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async allPublishedPaths() {
      const rows = await db
        .selectFrom('content_item')
        .select(['path', 'updated_at', 'collection'])
        .where('published', '=', 1)
        .orderBy('path')
        .execute();
      return rows.map((r) => ({
        path: r.path,
        updatedAt: r.updated_at,
        collection: r.collection as CollectionKey,
      }));
    },

    async programmePages() {
      const rows = await published().where('collection', '=', 'tnt').orderBy('title').execute();
      return rows
        .map(fromRow)
        .sort(
          (a, b) =>
            (a.data.menu?.weight ?? 1e9) - (b.data.menu?.weight ?? 1e9) ||
            a.title.localeCompare(b.title, 'fr'),
        );
    },

    async count() {
      const r = await db
        .selectFrom('content_item')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

const CARD_COLUMNS = [
  'id',
  'collection',
  'slug',
  'path',
  'title',
  'date',
  'published',
  'chapeau',
  'data',
  'source_file',
  'source_hash',
  'created_at',
  'updated_at',
] as const;

function toRow(item: ContentItem) {
  return {
    id: item.id,
    collection: item.collection,
    slug: item.slug,
    path: item.path,
    title: item.title,
    date: item.date,
    published: item.published ? 1 : 0,
    chapeau: item.chapeau,
    data: JSON.stringify(item.data),
    body_md: item.bodyMd,
    body_html: item.bodyHtml,
    body_text: item.bodyText,
    source_file: item.sourceFile,
    source_hash: item.sourceHash,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
  };
}

function termRows(item: ContentItem) {
  const seen = new Set<string>();
  const out: Array<{ content_id: string; kind: string; label: string; slug: string }> = [];
  for (const [kind, labels] of [
    ['categorie', item.data.categories],
    ['tag', item.data.tags],
  ] as const) {
    for (const label of labels) {
      const slug = slugify(label);
      if (!slug || seen.has(`${kind}:${slug}`)) continue;
      seen.add(`${kind}:${slug}`);
      out.push({ content_id: item.id, kind, label, slug });
    }
  }
  return out;
}

function fromRow(row: Selectable<ContentItemTable>): ContentItem {
  return {
    id: row.id,
    collection: row.collection as CollectionKey,
    slug: row.slug,
    path: row.path,
    title: row.title,
    date: row.date,
    published: Number(row.published) === 1,
    chapeau: row.chapeau,
    data: JSON.parse(row.data) as ContentData,
    bodyMd: row.body_md,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    sourceFile: row.source_file,
    sourceHash: row.source_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
