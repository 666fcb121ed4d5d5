import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/** A kind of collectivité, from the territory key its picker gave (`none`: the profile names none). */
export type CollectiviteKind = 'commune' | 'epci' | 'departement' | 'region' | 'none';

export const COLLECTIVITE_KIND_LABELS: Record<CollectiviteKind, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  none: 'Sans collectivité',
};

/** A registration as the organisers' pages and exports show it. */
export interface BackofficeRegistration {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  organisation: string | null;
  siren: string | null;
  profile: string;
  mode: string;
  status: string;
  collectiviteKey: string | null;
  collectiviteName: string | null;
  collectiviteKind: CollectiviteKind;
  /** `departement-38`, `region-84`: the keys the territory filter uses. */
  departement: { key: string; name: string } | null;
  region: { key: string; name: string } | null;
  answers: Record<string, unknown>;
  offerExpiresAt: string | null;
  refusalReason: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

/**
 * The kind and INSEE code of a territory key (see the territories module: a commune's INSEE code, an EPCI's
 * SIREN, `departement-<code>`, `region-<code>`).
 *
 * @example
 * kindOfKey('38185') // { kind: 'commune', code: '38185' }
 * kindOfKey('region-84') // { kind: 'region', code: '84' }
 */
export function kindOfKey(key: string | null): { kind: CollectiviteKind; code: string } {
  if (!key) return { kind: 'none', code: '' };
  const typed = /^(departement|region)-(.+)$/i.exec(key);
  if (typed)
    return { kind: typed[1]!.toLowerCase() as 'departement' | 'region', code: typed[2]!.toUpperCase() };
  if (/^\d{9}$/.test(key)) return { kind: 'epci', code: key };
  if (/^(\d{5}|2[ab]\d{3})$/i.test(key)) return { kind: 'commune', code: key.toUpperCase() };
  return { kind: 'none', code: '' };
}

/**
 * Every registration of an event, with its collectivité's kind, département and région read from the
 * territories table (two queries whatever the count). Filtering and statistics run on this list in memory:
 * an event has thousands of registrations at most, and the same code then behaves the same on both databases
 * (accent-insensitive search included, which SQLite's `lower()` cannot do).
 *
 * @example
 * const rows = await loadRegistrations(db, 'journee-2023');
 */
export async function loadRegistrations(
  db: Kysely<Database>,
  eventId: string,
): Promise<BackofficeRegistration[]> {
  const rows = await db
    .selectFrom('registration')
    .select([
      'id',
      'given_name',
      'family_name',
      'email',
      'organisation_name',
      'organisation_siren',
      'profile',
      'mode',
      'status',
      'collectivite_key',
      'answers',
      'offer_expires_at',
      'refusal_reason',
      'checked_in_at',
      'created_at',
    ])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const places = await territoriesOf(
    db,
    rows.map((r) => r.collectivite_key),
  );
  return rows.map((r) => {
    const { kind, code } = kindOfKey(r.collectivite_key);
    const place = places.get(`${kind}:${code}`);
    return {
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      email: r.email,
      organisation: r.organisation_name,
      siren: r.organisation_siren,
      profile: r.profile,
      mode: r.mode,
      status: r.status,
      collectiviteKey: r.collectivite_key,
      collectiviteName: place?.name ?? r.collectivite_key,
      collectiviteKind: kind,
      departement: place?.departement ?? null,
      region: place?.region ?? null,
      answers: parseAnswers(r.answers),
      offerExpiresAt: r.offer_expires_at,
      refusalReason: r.refusal_reason,
      checkedInAt: r.checked_in_at,
      createdAt: r.created_at,
    };
  });
}

function parseAnswers(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type Place = {
  name: string;
  departement: { key: string; name: string } | null;
  region: { key: string; name: string } | null;
};

async function territoriesOf(db: Kysely<Database>, keys: Array<string | null>) {
  const wanted = new Map<string, { kind: CollectiviteKind; code: string }>();
  for (const key of keys) {
    const parsed = kindOfKey(key);
    if (parsed.kind !== 'none') wanted.set(`${parsed.kind}:${parsed.code}`, parsed);
  }
  const found = await territoryRows(db, [...wanted.values()]);
  const parents = new Map<string, { kind: CollectiviteKind; code: string }>();
  for (const t of found) {
    if (t.departement_code)
      parents.set(`departement:${t.departement_code}`, { kind: 'departement', code: t.departement_code });
    if (t.region_code) parents.set(`region:${t.region_code}`, { kind: 'region', code: t.region_code });
  }
  const names = new Map<string, string>();
  for (const t of [...found, ...(await territoryRows(db, [...parents.values()]))])
    names.set(`${t.kind}:${t.code}`, t.name);
  const named = (kind: 'departement' | 'region', code: string | null) =>
    code
      ? {
          key: `${kind}-${code}`,
          name: names.get(`${kind}:${code}`) ?? `${kind === 'region' ? 'Région' : 'Département'} ${code}`,
        }
      : null;
  const places = new Map<string, Place>();
  for (const [id, { kind, code }] of wanted) {
    const t = found.find((row) => row.kind === kind && row.code === code);
    places.set(id, {
      name: t?.name.replace(/'/g, '’') ?? code,
      departement:
        kind === 'departement'
          ? named('departement', code)
          : named('departement', t?.departement_code ?? null),
      region: kind === 'region' ? named('region', code) : named('region', t?.region_code ?? null),
    });
  }
  return places;
}

async function territoryRows(db: Kysely<Database>, wanted: Array<{ kind: CollectiviteKind; code: string }>) {
  const out: Array<{
    kind: string;
    code: string;
    name: string;
    departement_code: string | null;
    region_code: string | null;
  }> = [];
  // Chunks keep the statement's parameters well under both databases' limits.
  for (let i = 0; i < wanted.length; i += 200) {
    const chunk = wanted.slice(i, i + 200);
    out.push(
      ...(await db
        .selectFrom('territory')
        .select(['kind', 'code', 'name', 'departement_code', 'region_code'])
        .where((eb) => eb.or(chunk.map((w) => eb.and([eb('kind', '=', w.kind), eb('code', '=', w.code)]))))
        .execute()),
    );
  }
  return out;
}
