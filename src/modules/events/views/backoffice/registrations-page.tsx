import { formatDateTime, plural } from '../../../../platform/i18n/format.js';
import { Pagination } from '../../../../platform/ui/components.js';
import { Alert, CsrfField, InputField, SelectField } from '../../../../platform/ui/forms.js';
import type { BulkReport } from '../../backoffice/bulk.js';
import { type EventSummary, organiserPath } from '../../backoffice/deps.js';
import { filterQuery, type RegistrationFilter } from '../../backoffice/registrations.filter.js';
import {
  type BackofficeRegistration,
  COLLECTIVITE_KIND_LABELS,
} from '../../backoffice/registrations.query.js';
import { MODES, PROFILES, REGISTRATION_STATUSES } from '../../events.domain.js';
import { OrganiserHeader, StatusBadge } from './organiser-nav.js';

export const PER_PAGE = 50;

const options = (map: Record<string, string>, all: string) => [
  { value: '', label: all },
  ...Object.entries(map).map(([value, label]) => ({ value, label })),
];

/** « 3 inscriptions approuvées, 1 déjà traitée », after a bulk decision. */
export function bulkNotice(report: BulkReport): string {
  const verb = report.action === 'approuver' ? ['approuvée', 'approuvées'] : ['refusée', 'refusées'];
  const parts = [
    plural(report.done, `inscription ${verb[0]}`, `inscriptions ${verb[1]}`, `Aucune inscription ${verb[0]}`),
  ];
  if (report.waiting > 0)
    parts.push(`${plural(report.waiting, 'approuvée', 'approuvées')} sur liste d’attente (jauge atteinte)`);
  if (report.skipped > 0)
    parts.push(`${plural(report.skipped, 'déjà traitée', 'déjà traitées')}, inchangée(s)`);
  return parts.join(', ');
}

/**
 * The organisers' list of registrations: filters and search (a GET form: the address can be bookmarked), the
 * exports and badges of what the filters keep, and a bulk decision on the ticked lines (one POST form around
 * the table; a refusal needs its reason).
 */
export function RegistrationsPage(props: {
  event: EventSummary;
  filter: RegistrationFilter;
  territories: {
    regions: Array<{ value: string; label: string }>;
    departements: Array<{ value: string; label: string }>;
  };
  rows: BackofficeRegistration[];
  total: number;
  csrf: string;
  notice?: string;
  errors?: Record<string, string>;
  bulk?: { action?: string; motif?: string; ids?: string[] };
}) {
  const { event, filter } = props;
  const base = organiserPath(event.id, '/inscriptions');
  const query = filterQuery(filter);
  const pageCount = Math.max(1, Math.ceil(props.total / PER_PAGE));
  const errors = props.errors ?? {};
  return (
    <>
      <OrganiserHeader event={event} title="Inscriptions" current="inscriptions" />
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      {errors.ids ? <Alert type="error" title={errors.ids} /> : null}
      <form method="get" action={base} class="fr-mb-4w">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Filtrer et rechercher</legend>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <InputField name="q" label="Nom, adresse électronique ou organisation" value={filter.q ?? ''} />
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="statut"
              label="Statut"
              value={filter.statut ?? ''}
              options={options(REGISTRATION_STATUSES, 'Tous les statuts')}
            />
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="profil"
              label="Profil"
              value={filter.profil ?? ''}
              options={options(PROFILES, 'Tous les profils')}
            />
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="mode"
              label="Mode de participation"
              value={filter.mode ?? ''}
              options={options(MODES, 'Tous les modes')}
            />
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="collectivite"
              label="Type de collectivité"
              value={filter.collectivite ?? ''}
              options={options(COLLECTIVITE_KIND_LABELS, 'Tous les types')}
            />
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <SelectField
              name="territoire"
              label="Territoire"
              value={filter.territoire ?? ''}
              options={[
                { value: '', label: 'Tous les territoires' },
                ...props.territories.regions.map((r) => ({ value: r.value, label: `Région : ${r.label}` })),
                ...props.territories.departements.map((d) => ({
                  value: d.value,
                  label: `Département : ${d.label}`,
                })),
              ]}
            />
          </div>
          <div class="fr-fieldset__element">
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button class="fr-btn" type="submit">
                  Filtrer
                </button>
              </li>
              <li>
                <a class="fr-btn fr-btn--tertiary" href={base}>
                  Réinitialiser les filtres
                </a>
              </li>
            </ul>
          </div>
        </fieldset>
      </form>

      <p class="fr-mb-1w" role="status">
        {plural(
          props.total,
          'inscription correspond',
          'inscriptions correspondent',
          'Aucune inscription ne correspond',
        )}{' '}
        aux filtres.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-download-line" href={`${base}/export.csv${query}`}>
            Exporter en CSV
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-download-line" href={`${base}/export.xlsx${query}`}>
            Exporter en XLSX
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary fr-icon-printer-line" href={`${base}/badges.pdf${query}`}>
            Badges à imprimer (PDF, confirmés en présentiel)
          </a>
        </li>
      </ul>

      {props.rows.length === 0 ? null : (
        <form method="post" action={`${base}/lot`}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="retour" value={query} />
          <RegistrationTable rows={props.rows} total={props.total} ticked={new Set(props.bulk?.ids ?? [])} />
          <fieldset class="fr-fieldset fr-mt-2w">
            <legend class="fr-fieldset__legend">Décider pour les inscriptions cochées</legend>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
              <SelectField
                name="action"
                label="Action"
                value={props.bulk?.action ?? ''}
                error={errors.action}
                options={[
                  { value: '', label: 'Choisir une action' },
                  { value: 'approuver', label: 'Approuver' },
                  { value: 'refuser', label: 'Refuser' },
                ]}
              />
            </div>
            <div class="fr-fieldset__element">
              <div class={`fr-input-group${errors.motif ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for="champ-motif">
                  Motif du refus
                  <span class="fr-hint-text">Obligatoire pour refuser ; envoyé aux personnes refusées.</span>
                </label>
                <textarea
                  class={`fr-input${errors.motif ? ' fr-input--error' : ''}`}
                  id="champ-motif"
                  name="motif"
                  rows={3}
                  aria-describedby={errors.motif ? 'champ-motif-erreur' : undefined}
                  aria-invalid={errors.motif ? 'true' : undefined}
                >
                  {props.bulk?.motif ?? ''}
                </textarea>
                {errors.motif ? (
                  <p class="fr-error-text" id="champ-motif-erreur">
                    {errors.motif}
                  </p>
                ) : null}
              </div>
            </div>
            <div class="fr-fieldset__element">
              <button class="fr-btn" type="submit">
                Appliquer aux inscriptions cochées
              </button>
            </div>
          </fieldset>
        </form>
      )}
      <Pagination
        page={filter.page}
        pageCount={pageCount}
        hrefFor={(n) => `${base}${filterQuery(filter, n > 1 ? { page: String(n) } : {})}`}
      />
    </>
  );
}

function RegistrationTable({
  rows,
  total,
  ticked,
}: {
  rows: BackofficeRegistration[];
  total: number;
  ticked: ReadonlySet<string>;
}) {
  return (
    <div class="fr-table fr-table--bordered">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>
                Inscriptions ({rows.length} affichées sur {total})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Sélection</th>
                  <th scope="col">Personne</th>
                  <th scope="col">Organisation et collectivité</th>
                  <th scope="col">Profil</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Inscription</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const name = `${r.givenName} ${r.familyName}`.trim();
                  return (
                    <tr>
                      <td>
                        <div class="fr-checkbox-group fr-checkbox-group--sm">
                          <input
                            type="checkbox"
                            id={`sel-${r.id}`}
                            name="ids"
                            value={r.id}
                            checked={ticked.has(r.id)}
                          />
                          <label class="fr-label" for={`sel-${r.id}`}>
                            <span class="fr-sr-only">Sélectionner {name}</span>
                          </label>
                        </div>
                      </td>
                      <td>
                        <strong>{name}</strong>
                        <br />
                        {r.email}
                      </td>
                      <td>
                        {r.organisation ?? '—'}
                        {r.collectiviteName ? (
                          <>
                            <br />
                            <span class="fr-text--xs">
                              {r.collectiviteName} ({COLLECTIVITE_KIND_LABELS[r.collectiviteKind]}
                              {r.departement ? `, ${r.departement.name}` : ''})
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>{PROFILES[r.profile as keyof typeof PROFILES] ?? r.profile}</td>
                      <td>{MODES[r.mode as keyof typeof MODES] ?? r.mode}</td>
                      <td>
                        <StatusBadge
                          status={r.status}
                          label={
                            REGISTRATION_STATUSES[r.status as keyof typeof REGISTRATION_STATUSES] ?? r.status
                          }
                        />
                        {r.refusalReason && r.status === 'refusee' ? (
                          <p class="fr-text--xs fr-mb-0">{r.refusalReason}</p>
                        ) : null}
                      </td>
                      <td>{formatDateTime(r.createdAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
