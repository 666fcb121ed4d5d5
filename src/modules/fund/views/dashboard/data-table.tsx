/**
 * A dashboard table in DSFR markup (caption, column and row headers with their scope), the lauréats behind
 * each row one click away, and the download of the same figures as CSV.
 */
import { formatNumber } from '../../../../platform/i18n/format.js';
import { formatEuros, formatShare } from '../../dashboard/format.js';
import type { ColumnKind, DashboardTable, TableRow } from '../../dashboard/tables.js';

/** Where a table's CSV is served. */
export const DOWNLOAD_PREFIX = '/resultats/donnees/';

function formatCell(value: number | null, kind: ColumnKind | undefined): string {
  if (value === null) return '—';
  if (kind === 'eur') return formatEuros(value);
  if (kind === 'share') return formatShare(value);
  return formatNumber(value);
}

function Row({ row, table, footer }: { row: TableRow; table: DashboardTable; footer?: boolean }) {
  const hasRelated = table.rows.some((r) => r.related);
  return (
    <tr class={footer ? 'nt-table__total' : undefined}>
      <th scope="row">{row.href ? <a href={row.href}>{row.header}</a> : row.header}</th>
      {row.values.map((v, i) => (
        <td class="fr-cell--right">{formatCell(v, table.columns[i]?.kind)}</td>
      ))}
      {hasRelated ? <td>{row.related ? <a href={row.related.href}>{row.related.text}</a> : null}</td> : null}
    </tr>
  );
}

/**
 * @example
 * <DataTable table={tables.find((t) => t.id === 'regions')!} scroll />
 */
export function DataTable({ table, scroll }: { table: DashboardTable; scroll?: boolean }) {
  const hasRelated = table.rows.some((r) => r.related);
  const captionId = `tableau-${table.id}-titre`;
  const body = (
    <table id={`tableau-${table.id}`}>
      <caption id={captionId}>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{table.headerLabel}</th>
          {table.columns.map((c) => (
            <th scope="col" class="fr-cell--right">
              {c.label}
            </th>
          ))}
          {hasRelated ? <th scope="col">Lauréats</th> : null}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <Row row={row} table={table} />
        ))}
        {table.footer.map((row) => (
          <Row row={row} table={table} footer />
        ))}
      </tbody>
    </table>
  );
  return (
    <div>
      <div class="fr-table fr-table--sm fr-mb-2w">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            {scroll ? (
              // A long table scrolls in its own box; focusable, so that the keyboard can scroll it too.
              <div
                class="fr-table__content nt-table-scroll"
                tabindex={0}
                role="region"
                aria-labelledby={captionId}
              >
                {body}
              </div>
            ) : (
              <div class="fr-table__content">{body}</div>
            )}
          </div>
        </div>
      </div>
      <p>
        <a class="fr-link fr-link--download" download href={`${DOWNLOAD_PREFIX}${table.file}`}>
          Télécharger les données de ce tableau{' '}
          <span class="fr-link__detail">CSV (UTF-8, point-virgule)</span>
        </a>
      </p>
    </div>
  );
}
