/**
 * `/resultats`: what the fund financed, where and for whom — key figures, then one section per way of
 * cutting them (dispositif, map by département, région, size and kind of porteur, time), each a chart with
 * its table and CSV download beside it. Server-rendered; no script needed.
 */

import { formatDateTime, formatNumber } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import type { DashboardFigures } from '../../dashboard/figures.js';
import { formatEuros, formatShare, formatShortEuros } from '../../dashboard/format.js';
import { laureatsHref } from '../../dashboard/links.js';
import { type DashboardTable, dashboardTables, shortLabel, type TableId } from '../../dashboard/tables.js';
import { type Bar, BarChart } from './bar-chart.js';
import { Choropleth } from './choropleth.js';
import { ColumnChart, SeriesLegend } from './column-chart.js';
import { DataTable } from './data-table.js';
import { GEOMETRY_SOURCE } from './map/geometry.generated.js';

const SECTIONS: Array<{ id: string; title: string }> = [
  { id: 'par-dispositif', title: 'Par dispositif' },
  { id: 'carte', title: 'Carte par département' },
  { id: 'par-region', title: 'Par région' },
  { id: 'par-population', title: 'Par taille de collectivité' },
  { id: 'par-type', title: 'Par type de porteur' },
  { id: 'dans-le-temps', title: 'Au fil du temps' },
];

/** A text listing the bars, for the chart's description (screen readers read it with the image). */
function describe(bars: Bar[]): string {
  return bars.map((b) => `${b.label} : ${b.valueLabel}`).join(' ; ');
}

function Section(props: { id: string; title: string; intro?: string; children: unknown }) {
  return (
    <section class="fr-mt-6w" aria-labelledby={`${props.id}-titre`} id={props.id}>
      <h2 id={`${props.id}-titre`}>{props.title}</h2>
      {props.intro ? <p>{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

function Beside(props: { chart: unknown; table: unknown; wideChart?: boolean }) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class={`fr-col-12 ${props.wideChart ? 'fr-col-lg-6' : 'fr-col-lg-5'}`}>{props.chart}</div>
      <div class={`fr-col-12 ${props.wideChart ? 'fr-col-lg-6' : 'fr-col-lg-7'}`}>{props.table}</div>
    </div>
  );
}

/**
 * The page's main content, rendered once per computation of the figures (routes keep it).
 *
 * @example
 * <DashboardPage figures={await cache.get()} />
 */
export function DashboardPage({ figures: f }: { figures: DashboardFigures }) {
  const tables = new Map(dashboardTables(f).map((t) => [t.id, t]));
  const table = (id: TableId) => tables.get(id) as DashboardTable;
  const amountBars = (rows: Array<{ name: string; amountEur: number }>): Bar[] =>
    rows.map((r) => ({ label: r.name, value: r.amountEur, valueLabel: formatShortEuros(r.amountEur) }));
  const dispositifBars: Bar[] = f.dispositifs.map((d) => ({
    label: `${shortLabel(d.code)} (${d.operateur})`,
    value: d.amountEur,
    max: d.envelopeEur,
    valueLabel: `${formatShortEuros(d.amountEur)} sur ${formatShortEuros(d.envelopeEur)}`,
  }));
  const populationBars = amountBars(
    f.populationBands.map((b) => ({ name: b.label, amountEur: b.amountEur })),
  );
  const kindBars = amountBars(
    f.porteurKinds.filter((k) => k.projects > 0).map((k) => ({ name: k.label, amountEur: k.amountEur })),
  );
  const quarterColumns = f.quarters.map((q) => `T${q.quarter} ${q.year}`);
  const series = f.dispositifs.map((d) => ({
    label: shortLabel(d.code),
    values: f.quarters.map((q) => q.byDispositif[d.code]?.amountEur ?? 0),
  }));
  return (
    <>
      <h1>Résultats du fonds « Transformation numérique des collectivités territoriales »</h1>
      {f.demonstration ? (
        <div class="fr-callout fr-mb-4w">
          <DemoBadge />
          <p class="fr-callout__text">
            Ces résultats sont calculés sur des lauréats générés pour la démonstration : aucune liste publique
            des lauréats n’existe. Les enveloppes, les règles et les lauréats nommés lors de la Journée
            Numérique & Territoires sont réels ; les montants, les dates et les autres lauréats sont inventés.
          </p>
        </div>
      ) : null}
      <p class="fr-text--lead">
        Le fonds du plan France Relance (mesure ITN7) a financé, en trois axes, des projets de transformation
        numérique portés par les collectivités. Chaque chiffre mène aux lauréats qu’il compte.
      </p>
      <ul class="nt-kpis">
        <li>
          <a class="nt-kpis__value" href={laureatsHref({})}>
            {formatShortEuros(f.overall.amountEur)}
          </a>
          accordés ({formatEuros(f.overall.amountEur)})
        </li>
        <li>
          <span class="nt-kpis__value">{formatNumber(f.overall.projects)}</span>
          projets financés
        </li>
        <li>
          <span class="nt-kpis__value">{formatNumber(f.overall.collectivites)}</span>
          collectivités et groupements soutenus
        </li>
        <li>
          <span class="nt-kpis__value">{formatShare(f.overall.shareUsed)}</span>
          des enveloppes utilisés ({formatShortEuros(f.overall.envelopeEur)} au total)
        </li>
      </ul>
      <nav class="fr-summary fr-mt-4w" aria-labelledby="sommaire-titre">
        <p class="fr-summary__title" id="sommaire-titre">
          Sommaire
        </p>
        <ol>
          {SECTIONS.map((s) => (
            <li>
              <a class="fr-summary__link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Section
        id="par-dispositif"
        title="Par dispositif"
        intro="Montant accordé par axe du fonds, rapporté à son enveloppe."
      >
        <Beside
          chart={
            <BarChart
              id="graphique-dispositifs"
              title="Montant accordé et enveloppe par dispositif"
              description={describe(dispositifBars)}
              bars={dispositifBars}
            />
          }
          table={<DataTable table={table('dispositifs')} />}
        />
      </Section>

      <Section
        id="carte"
        title="Carte par département"
        intro="Montant accordé aux porteurs de chaque département, outre-mer compris. Chaque département de la carte est un lien vers ses lauréats."
      >
        <Beside
          wideChart
          chart={
            <Choropleth
              id="carte-departements"
              level="departement"
              title="Carte de France : montant accordé par département"
              tableId="tableau-departements"
              areas={f.departements.map((d) => ({ ...d, href: laureatsHref({ departement: [d.code] }) }))}
            />
          }
          table={<DataTable table={table('departements')} scroll />}
        />
      </Section>

      <Section
        id="par-region"
        title="Par région"
        intro="Montant accordé aux porteurs de chaque région, y compris les régions elles-mêmes."
      >
        <Beside
          wideChart
          chart={
            <Choropleth
              id="carte-regions"
              level="region"
              title="Carte de France : montant accordé par région"
              tableId="tableau-regions"
              areas={f.regions.map((r) => ({ ...r, href: laureatsHref({ region: [r.code] }) }))}
            />
          }
          table={<DataTable table={table('regions')} />}
        />
      </Section>

      <Section
        id="par-population"
        title="Par taille de collectivité"
        intro="Montant accordé selon la population du porteur, par strate démographique du code général des collectivités territoriales."
      >
        <Beside
          chart={
            <BarChart
              id="graphique-population"
              title="Montant accordé par strate de population du porteur"
              description={describe(populationBars)}
              bars={populationBars}
            />
          }
          table={<DataTable table={table('population')} />}
        />
      </Section>

      <Section id="par-type" title="Par type de porteur">
        <Beside
          chart={
            <BarChart
              id="graphique-types"
              title="Montant accordé par type de porteur"
              description={describe(kindBars)}
              bars={kindBars}
            />
          }
          table={<DataTable table={table('types')} />}
        />
      </Section>

      <Section
        id="dans-le-temps"
        title="Au fil du temps"
        intro="Montant accordé par trimestre de la décision de financement, par dispositif."
      >
        <Beside
          chart={
            <>
              <ColumnChart
                id="graphique-trimestres"
                title="Montant accordé par trimestre de décision et par dispositif"
                description={f.quarters
                  .map((q, i) => `${quarterColumns[i]} : ${formatShortEuros(q.amountEur)}`)
                  .join(' ; ')}
                columns={quarterColumns}
                series={series}
                format={formatShortEuros}
              />
              <SeriesLegend labels={series.map((s) => s.label)} />
            </>
          }
          table={<DataTable table={table('trimestres')} />}
        />
      </Section>

      <p class="fr-text--sm nt-meta fr-mt-6w">
        Chiffres calculés le {formatDateTime(f.computedAt)} sur l’ensemble des lauréats, quel que soit leur
        état (financé, en cours, livré ou abandonné). Les collectivités sont comptées une fois chacune, par
        numéro SIREN du porteur. Contours des départements et des régions : {GEOMETRY_SOURCE} (licence MIT).
      </p>
    </>
  );
}
