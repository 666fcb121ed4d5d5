import { formatNumber } from '../../../../platform/i18n/format.js';
import type { EventSummary } from '../../backoffice/deps.js';
import type { StatDimension, StatLine } from '../../backoffice/registrations.filter.js';
import { OrganiserHeader } from './organiser-nav.js';
import { DataTable } from './table.js';

const TABLES: Array<{ key: StatDimension; title: string; first: string }> = [
  { key: 'profile', title: 'Par profil', first: 'Profil' },
  { key: 'mode', title: 'Par mode de participation', first: 'Mode' },
  { key: 'kind', title: 'Par type de collectivité', first: 'Type de collectivité' },
  { key: 'region', title: 'Par région', first: 'Région' },
  { key: 'departement', title: 'Par département', first: 'Département' },
];

/**
 * The registrations counted by profile, mode, collectivité kind and territory, as tables (the accessible form
 * of any chart). Refused and cancelled registrations are left out; « Arrivées » counts check-ins.
 */
export function StatisticsPage(props: {
  event: EventSummary;
  stats: Record<StatDimension, StatLine[]>;
  /** Once personal data is purged, the anonymous counts kept: the page says so. */
  purgedAt?: string | null;
}) {
  const n = formatNumber;
  return (
    <>
      <OrganiserHeader event={props.event} title="Statistiques des inscriptions" current="statistiques" />
      {props.purgedAt ? (
        <p class="fr-text--sm">
          Les données personnelles de cet événement ont été supprimées : ces statistiques anonymes ont été
          conservées.
        </p>
      ) : null}
      {TABLES.map(({ key, title, first }) => (
        <section class="fr-mb-4w">
          <h2>{title}</h2>
          {props.stats[key].length === 0 ? (
            <p>Aucune inscription à compter.</p>
          ) : (
            <DataTable
              caption={`Inscriptions ${title.toLowerCase()}`}
              head={[first, 'Confirmées', 'À valider', 'Liste d’attente', 'Arrivées', 'Total']}
              rowHeaders
              rows={props.stats[key].map((l) => [
                l.label,
                n(l.confirmed),
                n(l.pending),
                n(l.waiting),
                n(l.arrived),
                n(l.total),
              ])}
            />
          )}
        </section>
      ))}
    </>
  );
}
