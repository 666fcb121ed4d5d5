/**
 * The dashboard's tables, as data: the page renders them beside their charts and the downloads write them as
 * CSV, from this one description, so the figures on screen and in the files cannot differ.
 */
import { PORTEUR_KIND_LABELS } from '../fund.domain.js';
import { type DashboardFigures, quarterLabel, type Totals, UNKNOWN_POPULATION } from './figures.js';
import { laureatsHref } from './links.js';

export type ColumnKind = 'eur' | 'count' | 'share';

export interface TableRow {
  /** A stable code (INSEE code, dispositif, band, `2022-T1`), first column of the CSV. */
  code: string;
  /** The row's header cell. */
  header: string;
  /** The lauréats the row counts, when the search can express them exactly. */
  href: string | null;
  /** A link to a broader set (a quarter's year), in its own column. */
  related?: { text: string; href: string };
  values: Array<number | null>;
}

export type TableId = 'dispositifs' | 'regions' | 'departements' | 'population' | 'types' | 'trimestres';

export interface DashboardTable {
  id: TableId;
  caption: string;
  headerLabel: string;
  columns: Array<{ label: string; kind: ColumnKind }>;
  rows: TableRow[];
  /** Rows after the body: lauréats the body cannot place, then the total. */
  footer: TableRow[];
  /** The CSV file's name. */
  file: string;
}

const TOTALS_COLUMNS = [
  { label: 'Montant accordé (€)', kind: 'eur' },
  { label: 'Projets', kind: 'count' },
  { label: 'Collectivités soutenues', kind: 'count' },
] as const satisfies DashboardTable['columns'];

const values = (t: Totals) => [t.amountEur, t.projects, t.collectivites];

/**
 * Every table of the dashboard, in the page's order.
 *
 * @example
 * dashboardTables(figures).map((t) => t.id) // ['dispositifs', 'regions', 'departements', 'population', 'types', 'trimestres']
 */
export function dashboardTables(f: DashboardFigures): DashboardTable[] {
  const total = (extra: Array<number | null> = []): TableRow => ({
    code: 'total',
    header: 'Total',
    href: laureatsHref({}),
    values: [...values(f.overall), ...extra],
  });
  const outside = (code: string, header: string, t: Totals): TableRow[] =>
    t.projects > 0 ? [{ code, header, href: null, values: values(t) }] : [];
  return [
    {
      id: 'dispositifs',
      caption: 'Montants accordés, projets et collectivités soutenues par dispositif',
      headerLabel: 'Dispositif',
      columns: [
        ...TOTALS_COLUMNS,
        { label: 'Enveloppe (€)', kind: 'eur' },
        { label: 'Part de l’enveloppe utilisée', kind: 'share' },
      ],
      rows: f.dispositifs.map((d) => ({
        code: d.code,
        header: d.label,
        href: laureatsHref({ dispositif: [d.code] }),
        values: [...values(d), d.envelopeEur, d.shareUsed],
      })),
      footer: [total([f.overall.envelopeEur, f.overall.shareUsed])],
      file: 'resultats-par-dispositif.csv',
    },
    {
      id: 'regions',
      caption: 'Montants accordés, projets et collectivités soutenues par région',
      headerLabel: 'Région',
      columns: [...TOTALS_COLUMNS],
      rows: f.regions.map((r) => ({
        code: r.code,
        header: r.name,
        href: laureatsHref({ region: [r.code] }),
        values: values(r),
      })),
      footer: [...outside('sans-region', 'Sans région', f.outsideRegions), total()],
      file: 'resultats-par-region.csv',
    },
    {
      id: 'departements',
      caption: 'Montants accordés, projets et collectivités soutenues par département',
      headerLabel: 'Département',
      columns: [...TOTALS_COLUMNS],
      rows: f.departements.map((d) => ({
        code: d.code,
        header: `${d.name} (${d.code})`,
        href: laureatsHref({ departement: [d.code] }),
        values: values(d),
      })),
      footer: [
        ...outside('sans-departement', 'Porteurs sans département (régions…)', f.outsideDepartements),
        total(),
      ],
      file: 'resultats-par-departement.csv',
    },
    {
      id: 'population',
      caption:
        'Montants accordés, projets et collectivités soutenues par taille du porteur (strates de population)',
      headerLabel: 'Population du porteur',
      columns: [...TOTALS_COLUMNS],
      rows: f.populationBands.map((b) => ({
        code: b.code,
        header: b.label,
        href: b.code === UNKNOWN_POPULATION ? null : laureatsHref({ population: [b.code] }),
        values: values(b),
      })),
      footer: [total()],
      file: 'resultats-par-population.csv',
    },
    {
      id: 'types',
      caption: 'Montants accordés, projets et collectivités soutenues par type de porteur',
      headerLabel: 'Type de porteur',
      columns: [...TOTALS_COLUMNS],
      rows: f.porteurKinds.map((k) => ({
        code: k.code,
        header: k.label,
        href: Object.hasOwn(PORTEUR_KIND_LABELS, k.code) ? laureatsHref({ type: [k.code] }) : null,
        values: values(k),
      })),
      footer: [total()],
      file: 'resultats-par-type-de-porteur.csv',
    },
    {
      id: 'trimestres',
      caption: 'Montants accordés et projets par trimestre de décision et par dispositif',
      headerLabel: 'Trimestre de décision',
      columns: [
        ...f.dispositifs.map((d) => ({ label: `${shortLabel(d.code)} (€)`, kind: 'eur' as const })),
        ...TOTALS_COLUMNS,
      ],
      rows: f.quarters.map((q) => ({
        code: `${q.year}-T${q.quarter}`,
        header: quarterLabel(q),
        href: null,
        related: { text: `Lauréats de ${q.year}`, href: laureatsHref({ annee: [String(q.year)] }) },
        values: [...f.dispositifs.map((d) => q.byDispositif[d.code]?.amountEur ?? 0), ...values(q)],
      })),
      footer: [{ ...total(), values: [...f.dispositifs.map((d) => d.amountEur), ...values(f.overall)] }],
      file: 'resultats-par-trimestre.csv',
    },
  ];
}

/**
 * « Axe 2 bis » for `axe-2-bis`: what charts and narrow columns show.
 *
 * @example
 * shortLabel('axe-2-bis') // 'Axe 2 bis'
 */
export function shortLabel(code: string): string {
  const m = /^axe-(\d+)(-bis)?$/.exec(code);
  return m ? `Axe ${m[1]}${m[2] ? ' bis' : ''}` : code;
}
