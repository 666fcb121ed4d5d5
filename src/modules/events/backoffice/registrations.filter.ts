import { z } from 'zod';
import { fold } from '../checkin/checkin.service.js';
import { MODES, PROFILES, REGISTRATION_STATUSES } from '../events.domain.js';
import {
  type BackofficeRegistration,
  COLLECTIVITE_KIND_LABELS,
  type CollectiviteKind,
} from './registrations.query.js';

const oneOf = (values: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v && values.includes(v) ? v : undefined))
    .catch(undefined);

/** The list's filters from the query string: an unknown value means « all », never an error page. */
export const registrationFilterSchema = z.object({
  statut: oneOf(Object.keys(REGISTRATION_STATUSES)),
  profil: oneOf(Object.keys(PROFILES)),
  mode: oneOf(Object.keys(MODES)),
  collectivite: oneOf(Object.keys(COLLECTIVITE_KIND_LABELS)),
  territoire: z
    .string()
    .optional()
    .transform((v) => (v && /^(departement|region)-[0-9AB]{2,3}$/i.test(v) ? v : undefined))
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type RegistrationFilter = z.infer<typeof registrationFilterSchema>;

/**
 * The registrations a filter keeps; the search looks in names, e-mail and organisation, without regard to case
 * or accents.
 *
 * @example
 * filterRegistrations(rows, { statut: 'validation', q: 'martin', page: 1 })
 */
export function filterRegistrations(rows: BackofficeRegistration[], filter: RegistrationFilter) {
  const q = filter.q ? fold(filter.q) : '';
  return rows.filter(
    (r) =>
      (!filter.statut || r.status === filter.statut) &&
      (!filter.profil || r.profile === filter.profil) &&
      (!filter.mode || r.mode === filter.mode) &&
      (!filter.collectivite || r.collectiviteKind === filter.collectivite) &&
      (!filter.territoire ||
        r.departement?.key === filter.territoire ||
        r.region?.key === filter.territoire) &&
      (!q ||
        fold(
          `${r.givenName} ${r.familyName} ${r.familyName} ${r.givenName} ${r.email} ${r.organisation ?? ''}`,
        ).includes(q)),
  );
}

/** The filter as a query string (without the page), to keep it across links, exports and the bulk form. */
export function filterQuery(filter: RegistrationFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['statut', 'profil', 'mode', 'collectivite', 'territoire', 'q'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The territories met among the registrations, for the filter's options: régions first, then départements. */
export function territoryOptions(rows: BackofficeRegistration[]) {
  const regions = new Map<string, string>();
  const departements = new Map<string, string>();
  for (const r of rows) {
    if (r.region) regions.set(r.region.key, r.region.name);
    if (r.departement) departements.set(r.departement.key, r.departement.name);
  }
  const sorted = (m: Map<string, string>) =>
    [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return { regions: sorted(regions), departements: sorted(departements) };
}

/** One line of a statistics table: a value of the dimension and its counts. */
export interface StatLine {
  key: string;
  label: string;
  confirmed: number;
  pending: number;
  waiting: number;
  arrived: number;
  total: number;
}

export type StatDimension = 'profile' | 'mode' | 'kind' | 'region' | 'departement';

/**
 * Counts by profile, mode, collectivité kind, région and département, for the statistics tables (and, once
 * purged, the anonymous statistics the event keeps). Refused and cancelled registrations are not counted.
 *
 * @example
 * statistics(rows).profile // [{ key: 'agent-collectivite', label: 'Agent de collectivité territoriale', confirmed: 120, … }]
 */
export function statistics(rows: BackofficeRegistration[]): Record<StatDimension, StatLine[]> {
  const live = rows.filter((r) => r.status !== 'refusee' && r.status !== 'annulee');
  const by = (keyOf: (r: BackofficeRegistration) => { key: string; label: string } | null) => {
    const lines = new Map<string, StatLine>();
    for (const r of live) {
      const k = keyOf(r) ?? { key: 'aucun', label: 'Non renseigné' };
      const line = lines.get(k.key) ?? { ...k, confirmed: 0, pending: 0, waiting: 0, arrived: 0, total: 0 };
      line.total += 1;
      if (r.status === 'confirmee') line.confirmed += 1;
      if (r.status === 'validation') line.pending += 1;
      if (r.status === 'attente' || r.status === 'offre') line.waiting += 1;
      if (r.checkedInAt) line.arrived += 1;
      lines.set(k.key, line);
    }
    return [...lines.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'fr'));
  };
  const labelled = (map: Record<string, string>, key: string) => ({ key, label: map[key] ?? key });
  return {
    profile: by((r) => labelled(PROFILES, r.profile)),
    mode: by((r) => labelled(MODES, r.mode)),
    kind: by((r) => ({
      key: r.collectiviteKind,
      label: COLLECTIVITE_KIND_LABELS[r.collectiviteKind as CollectiviteKind],
    })),
    region: by((r) => (r.region ? { key: r.region.key, label: r.region.name } : null)),
    departement: by((r) => (r.departement ? { key: r.departement.key, label: r.departement.name } : null)),
  };
}
