import { integerParam, type ParamError } from '../../../shared/query-params.js';
import {
  AMOUNT_BANDS,
  DISPOSITIFS,
  POPULATION_BANDS,
  PORTEUR_KIND_LABELS,
  STATUS_LABELS,
  THEMES,
} from '../fund.domain.js';
import { decodeCursor } from './cursor.js';
import {
  DEFAULT_PER_PAGE,
  DEFAULT_RADIUS,
  type FacetKey,
  type LaureatQuery,
  type LaureatSort,
  MAX_PER_PAGE,
  NEAR_RADII,
  type NearRadius,
  SORTS,
} from './search.types.js';

/**
 * The search's state in an address: the same parameter names on the page (`/laureats`) and in the API
 * (`/api/v1/laureats`), repeated for several values (`statut=livre&statut=en-cours`; the API also takes
 * `statut=livre,en-cours`). Codes, not labels: INSEE codes for places, SIREN for porteurs and EPCI.
 */
export const FACET_PARAMS: Record<FacetKey, string> = {
  dispositifs: 'dispositif',
  themes: 'theme',
  regions: 'region',
  departements: 'departement',
  kinds: 'type',
  populations: 'population',
  montants: 'montant',
  statuts: 'statut',
  annees: 'annee',
};

/** What a value of each facet must look like: a code of the vocabulary, or a code's shape. */
const FACET_VALUES: Record<FacetKey, ((v: string) => boolean) | readonly string[]> = {
  dispositifs: DISPOSITIFS.map((d) => d.code),
  themes: Object.keys(THEMES),
  regions: (v) => /^\d{2}$/.test(v),
  departements: (v) => /^(\d{2,3}|2[AB])$/.test(v),
  kinds: Object.keys(PORTEUR_KIND_LABELS),
  populations: POPULATION_BANDS.map((b) => b.code),
  montants: AMOUNT_BANDS.map((b) => b.code),
  statuts: Object.keys(STATUS_LABELS),
  annees: (v) => /^(19|20)\d{2}$/.test(v),
};

const RESTRICTION_PARAMS = {
  communes: {
    param: 'commune',
    valid: (v: string) => /^(\d{5}|2[AB]\d{3})$/.test(v),
    what: 'un code INSEE de commune (5 caractères)',
  },
  epcis: {
    param: 'epci',
    valid: (v: string) => /^\d{9}$/.test(v),
    what: 'un numéro SIREN d’EPCI (9 chiffres)',
  },
  sirens: { param: 'siren', valid: (v: string) => /^\d{9}$/.test(v), what: 'un numéro SIREN (9 chiffres)' },
} as const;

/**
 * « À moins de N km de <commune> », as typed: the commune (`pres_de`, the picker's INSEE code, and/or
 * `pres_de_libelle`, its text) and the distance (`rayon`, in km).
 */
export interface NearInput {
  code: string | null;
  text: string | null;
  km: NearRadius;
}

/** The parameters of « à moins de N km »: the same on the page and in the API. */
export const NEAR_PARAMS = { code: 'pres_de', text: 'pres_de_libelle', km: 'rayon' } as const;

const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;

export interface ParsedParams {
  query: LaureatQuery & { sort: LaureatSort; page: number; perPage: number };
  near: NearInput | null;
  errors: ParamError[];
}

type Params = Record<string, string[] | undefined>;

/**
 * Reads the search's parameters. `page` mode (the HTML page) is lenient: a bad value is left out, so a mangled
 * shared link still shows lauréats. `api` mode reports every bad value as an error in French, for a 400.
 *
 * @example
 * parseSearchParams({ q: ['salles'], statut: ['livre', 'nimporte'] }, 'page').query.facets?.statuts // ['livre']
 * parseSearchParams({ statut: ['nimporte'] }, 'api').errors // [{ param: 'statut', message: '…' }]
 */
export function parseSearchParams(params: Params, mode: 'page' | 'api'): ParsedParams {
  const errors: ParamError[] = [];
  const values = (name: string): string[] => {
    const raw = params[name] ?? [];
    const split = mode === 'api' ? raw.flatMap((v) => v.split(',')) : raw;
    return [...new Set(split.map((v) => v.trim()).filter((v) => v.length > 0))].slice(0, 200);
  };
  const single = (name: string): string | undefined => params[name]?.find((v) => v.trim() !== '')?.trim();

  const facets: Partial<Record<FacetKey, string[]>> = {};
  for (const [key, param] of Object.entries(FACET_PARAMS) as Array<[FacetKey, string]>) {
    const check = FACET_VALUES[key];
    const ok = (v: string) => (typeof check === 'function' ? check(v) : check.includes(v));
    const list = values(param).map((v) => (key === 'departements' ? v.toUpperCase() : v));
    const bad = list.filter((v) => !ok(v));
    if (bad.length > 0) {
      errors.push({ param, message: `Valeur inconnue pour « ${param} » : ${bad.slice(0, 5).join(', ')}.` });
    }
    const good = list.filter(ok);
    if (good.length > 0) facets[key] = good;
  }

  const restrict: NonNullable<LaureatQuery['restrict']> = {};
  for (const [key, spec] of Object.entries(RESTRICTION_PARAMS) as Array<
    [keyof typeof RESTRICTION_PARAMS, (typeof RESTRICTION_PARAMS)[keyof typeof RESTRICTION_PARAMS]]
  >) {
    const list = values(spec.param).map((v) => v.toUpperCase().replace(/\s/g, ''));
    const bad = list.filter((v) => !spec.valid(v));
    if (bad.length > 0) errors.push({ param: spec.param, message: `« ${spec.param} » attend ${spec.what}.` });
    const good = list.filter(spec.valid);
    if (good.length > 0) restrict[key] = good;
  }

  const text = (single('q') ?? '').slice(0, 200);
  const triRaw = single('tri');
  let sort: LaureatSort = text ? 'pertinence' : 'date';
  if (triRaw !== undefined) {
    if (SORTS.includes(triRaw as LaureatSort)) sort = triRaw as LaureatSort;
    else errors.push({ param: 'tri', message: `« tri » vaut ${SORTS.map((s) => `« ${s} »`).join(', ')}.` });
  }

  const page = integerParam(single('page'), 1, 1_000_000, 1, 'page', errors);
  const perPage = integerParam(single('limite'), 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, 'limite', errors);
  const after = single('curseur');
  if (after !== undefined && !decodeCursor(after, sort)) {
    errors.push({
      param: 'curseur',
      message: 'Ce curseur n’est pas valable pour cette recherche : repartez de la première page.',
    });
  }

  const nearCode = single(NEAR_PARAMS.code)?.toUpperCase().replace(/\s/g, '') ?? null;
  const nearText = single(NEAR_PARAMS.text) ?? null;
  const kmRaw = single(NEAR_PARAMS.km);
  const km = NEAR_RADII.find((r) => String(r) === kmRaw) ?? DEFAULT_RADIUS;
  const radii = NEAR_RADII.map((r) => `« ${r} »`).join(', ');
  if (kmRaw !== undefined && String(km) !== kmRaw) {
    errors.push({ param: NEAR_PARAMS.km, message: `« rayon » vaut ${radii} (kilomètres).` });
  }
  if (nearCode !== null && !INSEE_CODE.test(nearCode)) {
    errors.push({
      param: NEAR_PARAMS.code,
      message: '« pres_de » attend le code INSEE d’une commune (5 caractères, par exemple 38185).',
    });
  }
  if (kmRaw !== undefined && nearCode === null && nearText === null) {
    errors.push({
      param: NEAR_PARAMS.km,
      message: '« rayon » s’emploie avec « pres_de », le code INSEE de la commune d’où compter la distance.',
    });
  }
  // On the page, a code of the wrong shape is dropped and the text, if any, is looked up instead.
  const code = nearCode !== null && INSEE_CODE.test(nearCode) ? nearCode : null;
  const near = code || nearText ? { code, text: nearText?.slice(0, 100) ?? null, km } : null;

  return {
    query: { text, facets, restrict, sort, page, perPage, ...(after ? { after } : {}) },
    near,
    errors: mode === 'api' ? errors : [],
  };
}

/**
 * The address of a search state, parameters in a fixed order, defaults left out: what every link of the
 * search page (facets, tags, pagination) and the territory sections point to.
 *
 * @example
 * searchHref({ text: 'salles', facets: { statuts: ['livre'] }, sort: 'pertinence' }) // '/laureats?q=salles&statut=livre'
 */
export function searchHref(
  state: Pick<LaureatQuery, 'text' | 'facets' | 'restrict' | 'sort' | 'page'> & { near?: NearInput | null },
  base = '/laureats',
): string {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  for (const [key, param] of Object.entries(FACET_PARAMS) as Array<[FacetKey, string]>) {
    for (const v of state.facets?.[key] ?? []) params.append(param, v);
  }
  for (const [key, spec] of Object.entries(RESTRICTION_PARAMS) as Array<
    [keyof typeof RESTRICTION_PARAMS, { param: string }]
  >) {
    for (const v of state.restrict?.[key] ?? []) params.append(spec.param, v);
  }
  if (state.near?.code) params.set(NEAR_PARAMS.code, state.near.code);
  if (state.near?.text) params.set(NEAR_PARAMS.text, state.near.text);
  if (state.near) params.set(NEAR_PARAMS.km, String(state.near.km));
  const defaultSort = state.text ? 'pertinence' : 'date';
  if (state.sort && state.sort !== defaultSort) params.set('tri', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
