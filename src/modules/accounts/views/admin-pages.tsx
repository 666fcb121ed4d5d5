import { formatDateTime, plural } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import { Alert, CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import {
  displayName,
  type Grant,
  type Person,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '../accounts.domain.js';
import type { AuditEvent } from '../accounts.repository.js';

export const PER_PAGE = 25;

/** The administration's home: where each list is. */
export function AdminHome({
  can,
}: {
  can: {
    people: boolean;
    audit: boolean;
    organisations: boolean;
    fund: boolean;
    events: boolean;
    catalogue: boolean;
  };
}) {
  const tile = (href: string, title: string, desc: string) => (
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-tile fr-enlarge-link">
        <div class="fr-tile__body">
          <div class="fr-tile__content">
            <h2 class="fr-tile__title">
              <a href={href}>{title}</a>
            </h2>
            <p class="fr-tile__desc">{desc}</p>
          </div>
        </div>
      </div>
    </div>
  );
  return (
    <>
      <h1>Administration</h1>
      <div class="fr-grid-row fr-grid-row--gutters">
        {can.people
          ? tile('/admin/personnes', 'Personnes et rôles', 'Agents et contacts, attribution des rôles.')
          : null}
        {can.organisations
          ? tile('/admin/organisations', 'Organisations', 'Collectivités et organismes publics, par SIREN.')
          : null}
        {can.audit
          ? tile('/admin/journal', 'Journal d’audit', 'Connexions, rôles, modifications de données.')
          : null}
        {can.fund
          ? tile(
              '/admin/fonds',
              'Fonds et lauréats',
              'Import des lauréats, corrections, suivi des dispositifs.',
            )
          : null}
        {can.catalogue
          ? tile(
              '/admin/catalogue',
              'Catalogue de mutualisation',
              'Solutions proposées à relire, vérification, signalements.',
            )
          : null}
        {can.events
          ? tile(
              '/organisation/evenements',
              'Événements',
              'Programme, inscriptions, accréditations, badges et émargement.',
            )
          : null}
      </div>
    </>
  );
}

export function PeoplePage(props: {
  items: Array<Person & { roles: Role[] }>;
  total: number;
  page: number;
  q: string;
  role?: string;
}) {
  const href = (n: number) => {
    const p = new URLSearchParams();
    if (props.q) p.set('q', props.q);
    if (props.role) p.set('role', props.role);
    if (n > 1) p.set('page', String(n));
    const s = p.toString();
    return s ? `/admin/personnes?${s}` : '/admin/personnes';
  };
  return (
    <>
      <h1>Personnes et rôles</h1>
      <form
        method="get"
        action="/admin/personnes"
        class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w"
      >
        <div class="fr-col-12 fr-col-md-5">
          <InputField name="q" label="Nom ou adresse électronique" type="search" value={props.q} />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField
            name="role"
            label="Rôle"
            value={props.role ?? ''}
            options={[
              { value: '', label: 'Tous' },
              ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
            ]}
          />
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <button type="submit" class="fr-btn fr-mb-3w">
            Filtrer
          </button>
        </div>
      </form>
      <p role="status">{plural(props.total, 'personne', 'personnes', 'Aucune personne')}</p>
      <div class="fr-table">
        <table>
          <caption class="fr-sr-only">Personnes inscrites</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Type</th>
              <th scope="col">Rôles</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/personnes/${p.id}`}>{displayName(p)}</a>
                </td>
                <td>{p.email}</td>
                <td>{p.kind === 'agent' ? 'Agent public' : 'Contact'}</td>
                <td>{p.roles.map((r) => ROLE_LABELS[r]).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={props.page}
        pageCount={Math.max(1, Math.ceil(props.total / PER_PAGE))}
        hrefFor={href}
      />
    </>
  );
}

export function PersonPage(props: {
  person: Person;
  organisationName: string | null;
  grants: Grant[];
  events: AuditEvent[];
  csrf: string;
  form?: { role?: string; perimetre?: string; errors?: Record<string, string> };
  notice?: string;
}) {
  const { person } = props;
  return (
    <>
      <h1>{displayName(person)}</h1>
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      <dl class="fr-mb-4w">
        <dt class="fr-text--bold">Adresse électronique</dt>
        <dd>{person.email}</dd>
        <dt class="fr-text--bold">Type de compte</dt>
        <dd>{person.kind === 'agent' ? 'Agent public (ProConnect)' : 'Contact (lien par courriel)'}</dd>
        <dt class="fr-text--bold">Organisation</dt>
        <dd>
          {props.organisationName ?? '—'}
          {person.organisationSiren ? ` (SIREN ${person.organisationSiren})` : ''}
        </dd>
      </dl>
      <section class="fr-mb-5w" aria-labelledby="titre-roles">
        <h2 id="titre-roles">Rôles</h2>
        {props.grants.length === 0 ? <p>Aucun rôle attribué.</p> : null}
        <ul class="fr-raw-list">
          {props.grants.map((g) => (
            <li class="fr-mb-2w">
              <form method="post" action={`/admin/personnes/${person.id}/roles/${g.id}/retirer`}>
                <CsrfField token={props.csrf} />
                <span class="fr-mr-2w">
                  {ROLE_LABELS[g.role]}
                  {g.scope ? ` — ${g.scope}` : ' — toute la plateforme'} (depuis le{' '}
                  {formatDateTime(g.grantedAt)})
                </span>
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">
                  Retirer le rôle {ROLE_LABELS[g.role]}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h3 class="fr-h5">Attribuer un rôle</h3>
        <form method="post" action={`/admin/personnes/${person.id}/roles`} novalidate>
          <CsrfField token={props.csrf} />
          <SelectField
            name="role"
            label="Rôle"
            value={props.form?.role ?? ''}
            error={props.form?.errors?.role}
            options={[
              { value: '', label: 'Choisir un rôle' },
              ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
            ]}
          />
          <InputField
            name="perimetre"
            label="Périmètre (facultatif)"
            hint="Vide pour toute la plateforme ; sinon par exemple organisation:213801855, dispositif:axe-2, departement:38, evenement:journee-2023."
            value={props.form?.perimetre}
            error={props.form?.errors?.perimetre}
          />
          <button type="submit" class="fr-btn">
            Attribuer
          </button>
        </form>
        <details class="fr-mt-3w">
          <summary>Ce que permet chaque rôle</summary>
          <dl>
            {ROLES.map((r) => (
              <>
                <dt class="fr-text--bold">{ROLE_LABELS[r]}</dt>
                <dd>{ROLE_DESCRIPTIONS[r]}</dd>
              </>
            ))}
          </dl>
        </details>
      </section>
      <section aria-labelledby="titre-journal">
        <h2 id="titre-journal">Journal</h2>
        <AuditTable events={props.events} caption="Événements concernant cette personne" />
      </section>
    </>
  );
}

export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  if (events.length === 0) return <p>Aucun événement.</p>;
  return (
    <div class="fr-table">
      <table>
        <caption class="fr-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Par</th>
            <th scope="col">Action</th>
            <th scope="col">Cible</th>
            <th scope="col">Détails</th>
            <th scope="col">Adresse IP</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actorLabel}</td>
              <td>{e.action}</td>
              <td>{e.targetType && e.targetId ? `${e.targetType} ${e.targetId.slice(0, 8)}` : '—'}</td>
              <td>
                {Object.entries(e.details)
                  .map(([k, v]) => `${k} : ${String(v)}`)
                  .join(' ; ') || '—'}
              </td>
              <td>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
