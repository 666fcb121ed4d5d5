import { integerParam, type ParamError } from '../../../shared/query-params.js';
import { ADOPTER_KINDS, ADOPTION_MODES, LICENCES, MATURITIES } from '../catalogue.domain.js';
import { THEMES } from '../catalogue.themes.js';
import { decodeCursor } from './cursor.js';
import {
  DEFAULT_PER_PAGE,
  type FacetKey,
  MAX_PER_PAGE,
  PORTEES,
  type Portee,
  SORTS,
  type SolutionQuery,
  type SolutionSort,
} from './search.types.js';

/**
 * The search's state in an address, the same names on the page (`/catalogue`) and in the API
 * (`/api/v1/solutions`), repeated for several values (`maturite=production&maturite=generalise`; the API also
 * takes commas), as the lauréats' search does.
 */
export const FACET_PARAMS: Record<FacetKey, string> = {
  themes: 'theme',
  maturites: 'maturite',
  licences: 'licence',
  adoptions: 'adoption',
  adoptants: 'adoptant',
  regions: 'region',
  departements: 'departement',
  verification: 'verification',
};

const FACET_VALUES: Record<FacetKey, ((v: string) => boolean) | readonly string[]> = {
  themes: Object.keys(THEMES),
  maturites: Object.keys(MATURITIES),
  licences: Object.keys(LICENCES),
  adoptions: Object.keys(ADOPTION_MODES),
  adoptants: Object.keys(ADOPTER_KINDS),
  regions: (v) => /^\d{2}$/.test(v),
  departements: (v) => /^(\d{2,3}|2[AB])$/.test(v),
  verification: ['verifiee', 'declaree'],
};

/** « Utilisée près de chez moi », as typed: a commune (code and/or text from the picker) and how far. */
export interface NearInput {
  code: string | null;
  text: string | null;
  portee: Portee;
}

export interface ParsedParams {
  query: SolutionQuery & { sort: SolutionSort; page: number; perPage: number };
  near: NearInput | null;
  errors: ParamError[];
}

type Params = Record<string, string[] | undefined>;

/**
 * Reads the parameters: `page` mode leaves a bad value out (a mangled shared link still shows solutions),
 * `api` mode reports each as an error in French, for a 400.
 *
 * @example
 * parseSearchParams({ q: ['salles'], maturite: ['production', 'x'] }, 'page').query.facets?.maturites // ['production']
 */
export function parseSearchParams(params: Params, mode: 'page' | 'api'): ParsedParams {
  const errors: ParamError[] = [];
  const values = (name: string): string[] => {
    const raw = (params[name] ?? []).filter((v): v is string => typeof v === 'string');
    const split = mode === 'api' ? raw.flatMap((v) => v.split(',')) : raw;
    return [...new Set(split.map((v) => v.trim()).filter((v) => v.length > 0))].slice(0, 200);
  };
  const single = (name: string): string | undefined =>
    params[name]?.find((v) => typeof v === 'string' && v.trim() !== '')?.trim();

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

  const restrict: NonNullable<SolutionQuery['restrict']> = {};
  const sirens = values('siren').map((v) => v.replace(/\s/g, ''));
  if (sirens.some((v) => !/^\d{9}$/.test(v))) {
    errors.push({ param: 'siren', message: '« siren » attend un numéro SIREN (9 chiffres).' });
  }
  const goodSirens = sirens.filter((v) => /^\d{9}$/.test(v));
  if (goodSirens.length > 0) restrict.sirens = goodSirens;

  const text = (single('q') ?? '').slice(0, 200);
  const triRaw = single('tri');
  let sort: SolutionSort = text ? 'pertinence' : 'utilisateurs';
  if (triRaw !== undefined) {
    if (SORTS.includes(triRaw as SolutionSort)) sort = triRaw as SolutionSort;
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

  const nearCode = single('pres') ?? null;
  const nearText = single('pres_libelle') ?? null;
  const porteeRaw = single('portee');
  const portee: Portee = PORTEES.includes(porteeRaw as Portee) ? (porteeRaw as Portee) : 'departement';
  if (porteeRaw !== undefined && porteeRaw !== portee) {
    errors.push({
      param: 'portee',
      message: `« portee » vaut ${PORTEES.map((p) => `« ${p} »`).join(', ')}.`,
    });
  }
  if (mode === 'api' && nearCode && !/^(\d{5}|2[AB]\d{3})$/i.test(nearCode)) {
    errors.push({ param: 'pres', message: '« pres » attend le code INSEE d’une commune (5 caractères).' });
  }
  const near =
    nearCode || nearText
      ? { code: nearCode?.slice(0, 20) ?? null, text: nearText?.slice(0, 100) ?? null, portee }
      : null;

  return {
    query: { text, facets, restrict, sort, page, perPage, ...(after ? { after } : {}) },
    near,
    errors: mode === 'api' ? errors : [],
  };
}

/**
 * The address of a search state, parameters in a fixed order, defaults left out.
 *
 * @example
 * searchHref({ text: 'salles', facets: { maturites: ['production'] }, sort: 'pertinence' }) // '/catalogue?q=salles&maturite=production'
 */
export function searchHref(
  state: Pick<SolutionQuery, 'text' | 'facets' | 'restrict' | 'sort' | 'page'> & { near?: NearInput | null },
  base = '/catalogue',
): string {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  for (const [key, param] of Object.entries(FACET_PARAMS) as Array<[FacetKey, string]>) {
    for (const v of state.facets?.[key] ?? []) params.append(param, v);
  }
  for (const v of state.restrict?.sirens ?? []) params.append('siren', v);
  if (state.near?.code) params.set('pres', state.near.code);
  if (state.near?.text) params.set('pres_libelle', state.near.text);
  if (state.near && state.near.portee !== 'departement') params.set('portee', state.near.portee);
  const defaultSort = state.text ? 'pertinence' : 'utilisateurs';
  if (state.sort && state.sort !== defaultSort) params.set('tri', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
