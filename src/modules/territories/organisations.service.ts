import type { Clock } from '../../ports/clock.js';
import { type Page, pageWindow } from '../../shared/pagination.js';
import { compactIdentifier, isValidSiren } from '../../shared/siren.js';
import {
  cleanOrganisationName,
  isOrganisationKind,
  type Organisation,
  type OrganisationKind,
  territoryOrganisationName,
} from './organisations.domain.js';
import type { Territory } from './territories.domain.js';
import type { OrganisationRepository } from './territories.repository.js';

export const ORGANISATIONS_PER_PAGE = 20;

/** Why an organisation could not be found or made. */
export type OrganisationError = 'siren-invalide' | 'nom-invalide';

export type OrganisationResult =
  | { ok: true; organisation: Organisation; created: boolean }
  | { ok: false; error: OrganisationError };

/**
 * Organisations keyed by SIREN. A commune's or an EPCI's comes from the COG, with its official name, and is
 * stored only when first needed (not 35,000 rows up front); any other body (a structure de mutualisation, a
 * préfecture, a State service) is created the first time it is met, with what is known of it then.
 *
 * @example
 * const organisations = createOrganisationService({ repo, clock, territoryBySiren });
 * await organisations.findOrCreate({ siren: '213801855' }); // Commune de Grenoble, created on first call
 */
export function createOrganisationService(deps: {
  repo: OrganisationRepository;
  clock: Clock;
  /** The commune or EPCI of a SIREN in the loaded COG. */
  territoryBySiren: (siren: string) => Promise<Territory | null>;
}) {
  const { repo, clock } = deps;

  /** The organisation the COG describes for a SIREN, not stored. */
  async function fromCog(siren: string): Promise<Organisation | null> {
    const territory = await deps.territoryBySiren(siren);
    if (!territory || (territory.kind !== 'commune' && territory.kind !== 'epci')) return null;
    const now = clock.now().toISOString();
    return {
      siren,
      name: territoryOrganisationName(territory),
      kind: territory.kind,
      territory: { kind: territory.kind, code: territory.code },
      createdAt: now,
      updatedAt: now,
    };
  }

  return {
    /**
     * The organisation of a SIREN: the stored one, else a commune's or EPCI's from the COG (not stored: a
     * read never writes), else null.
     *
     * @example
     * (await organisations.bySiren('200040715'))?.name // 'Grenoble-Alpes-Métropole'
     */
    async bySiren(input: string): Promise<Organisation | null> {
      const siren = compactIdentifier(input);
      if (!isValidSiren(siren)) return null;
      return (await repo.find(siren)) ?? (await fromCog(siren));
    },

    /**
     * The organisation of a SIREN, stored if it was not. The COG decides a commune's or EPCI's name and kind;
     * for any other SIREN the given name (cleaned: never "Mairie de …") and kind are kept, `autre-administration`
     * when no kind is given, and no name leaves it to be told later.
     *
     * @example
     * await organisations.findOrCreate({ siren: '253514491', name: 'Mégalis Bretagne', kind: 'structure-mutualisation' })
     */
    async findOrCreate(input: {
      siren: string;
      name?: string | null;
      kind?: OrganisationKind | null;
      territory?: { kind: Territory['kind']; code: string } | null;
    }): Promise<OrganisationResult> {
      const siren = compactIdentifier(input.siren);
      if (!isValidSiren(siren)) return { ok: false, error: 'siren-invalide' };
      const stored = await repo.find(siren);
      if (stored) return { ok: true, organisation: stored, created: false };
      const now = clock.now().toISOString();
      const name = input.name ? cleanOrganisationName(input.name) : '';
      const candidate = (await fromCog(siren)) ?? {
        siren,
        name: name ? name.slice(0, 300) : null,
        kind: isOrganisationKind(input.kind) ? input.kind : 'autre-administration',
        territory: input.territory ?? null,
        createdAt: now,
        updatedAt: now,
      };
      const { organisation, created } = await repo.insertIfAbsent(candidate);
      return { ok: true, organisation, created };
    },

    /**
     * Corrects an organisation's name (an administrator's or a référent's fix); null when the SIREN is not
     * stored, an error when the name is empty once cleaned.
     *
     * @example
     * await organisations.rename('253514491', 'Syndicat mixte Mégalis Bretagne')
     */
    async rename(input: string, name: string): Promise<OrganisationResult | null> {
      const siren = compactIdentifier(input);
      const cleaned = cleanOrganisationName(name ?? '');
      if (!cleaned || cleaned.length > 300) return { ok: false, error: 'nom-invalide' };
      const renamed = await repo.rename(siren, cleaned, clock.now().toISOString());
      return renamed ? { ok: true, organisation: renamed, created: false } : null;
    },

    /**
     * A page of the stored organisations, by name, filtered by words of their name or their SIREN (accents
     * and case ignored); an out-of-range page gives the last one.
     *
     * @example
     * await organisations.list({ q: 'grenoble', page: 1 })
     */
    async list(input: { q?: string; kind?: OrganisationKind; page?: number }): Promise<Page<Organisation>> {
      const q = (input.q ?? '').slice(0, 200);
      const requested = Number.isFinite(input.page)
        ? Math.min(1_000_000, Math.max(1, Math.floor(input.page!)))
        : 1;
      const query = { q, kind: input.kind, limit: ORGANISATIONS_PER_PAGE };
      const first = await repo.list({ ...query, offset: (requested - 1) * ORGANISATIONS_PER_PAGE });
      const window = pageWindow(first.total, ORGANISATIONS_PER_PAGE, requested);
      const result = window.page === requested ? first : await repo.list({ ...query, offset: window.offset });
      return {
        items: result.items,
        total: result.total,
        page: window.page,
        perPage: ORGANISATIONS_PER_PAGE,
        pageCount: window.pageCount,
      };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
