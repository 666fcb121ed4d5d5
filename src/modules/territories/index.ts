/**
 * Territoires: the official map of collectivités (the Insee's COG, pinned to one edition and loaded into the
 * database at startup), a page per territory, the collectivité picker used by every form that asks for one,
 * and the organisations people and projects belong to, keyed by SIREN.
 *
 * Glossary:
 * - COG (Code officiel géographique): the Insee's list of communes, départements and régions and their codes,
 *   one edition a year (1 January); here through `@etalab/decoupage-administratif`, which adds EPCI,
 *   postcodes, populations and SIRENs.
 * - code INSEE (code commune): a commune's five-character code (`38185`; Corsica `2A004`, overseas `97411`);
 *   not its postcode (`38000`), which several communes may share and one commune may have several of.
 * - commune nouvelle: a commune made by merging several; each merged commune may live on as a commune
 *   déléguée (or, under the older law, a commune associée), with its former name and code. A former code
 *   (`ancien code`) leads to the current commune.
 * - arrondissement municipal: a subdivision of Paris, Lyon and Marseille; not a collectivité.
 * - EPCI (établissement public de coopération intercommunale) à fiscalité propre: an intercommunalité —
 *   communauté de communes (CC), d’agglomération (CA), urbaine (CU), métropole; identified by its SIREN.
 * - SIREN / SIRET: the Sirene register's number of a legal person (9 digits) and of one of its establishments
 *   (14 digits); see `src/shared/siren.ts`.
 * - organisation: a public body known to the platform (collectivité, structure de mutualisation, préfecture,
 *   service de l’État), keyed by SIREN.
 * - structure de mutualisation: a syndicat mixte or OPSN (e.g. Gironde Numérique) carrying projects for many
 *   collectivités.
 * - clé de territoire: the value a picker submits and the end of a territory page's address: the INSEE code
 *   of a commune, the SIREN of an EPCI, `departement-<code>`, `region-<code>`.
 * - coordonnées d'une commune: one point (WGS 84) per commune, GeoNames' own point for its INSEE code or an
 *   estimate flagged by its `precision` (see geo/coordinates.ts); `near(code, km)` gives the communes within
 *   `km` kilometres as the crow flies.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import { createKyselyCoordinateRepository } from './geo/coordinates.repository.kysely.js';
import { createKyselyOrganisationRepository } from './organisations.repository.kysely.js';
import { createOrganisationService } from './organisations.service.js';
import { createKyselyTerritoryRepository } from './territories.repository.kysely.js';
import { type ExtraSections, territoriesRoutes } from './territories.routes.js';
import { createTerritoryService } from './territories.service.js';
import { CollectivitePicker } from './views/collectivite-picker.js';

export type { LoadReport } from './cog/load.js';
export { loadTerritories } from './cog/load.js';
export { COG_EDITION, cogDataset, readCogPackage } from './cog/source.js';
export type { CommuneCoordinates, CoordinateCounts, CoordinatePrecision } from './geo/coordinates.js';
export { PRECISIONS } from './geo/coordinates.js';
export type { CoordinateSummary } from './geo/coordinates.repository.kysely.js';
export { boundingBox, haversineKm, type LatLon } from './geo/distance.js';
export { COORDINATES_SOURCE } from './geo/geonames.js';
export { MAX_NEAR_KM, type NearbyCommune } from './geo/near.js';
export type { Organisation, OrganisationKind } from './organisations.domain.js';
export { ORGANISATION_KINDS, organisationDisplayName } from './organisations.domain.js';
export type { OrganisationResult, OrganisationService } from './organisations.service.js';
export type { TerritorySuggestion } from './search/territory-index.js';
export type { Territory, TerritoryKind } from './territories.domain.js';
export {
  COLLECTIVITE_KINDS,
  displayName,
  kindLabel,
  parseTerritoryKey,
  territoryKey,
  territoryPath,
} from './territories.domain.js';
export type { ExtraSections } from './territories.routes.js';
export type { PickResult, TerritoryService } from './territories.service.js';
export type { CollectivitePickerProps } from './views/collectivite-picker.js';
export { CollectivitePicker } from './views/collectivite-picker.js';

/**
 * Builds the Territoires module from the database and the clock. The reference data is not loaded here:
 * call `ensureLoaded()` at startup (a fast no-op once the pinned edition is in).
 *
 * @example
 * const territoriesModule = createTerritoriesModule({ db, clock });
 * await territoriesModule.ensureLoaded();
 * app.route('/', territoriesModule.routes);
 * territoriesModule.addSections(async (t) => [<FundedHere territory={t} />]); // later modules
 */
export function createTerritoriesModule(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** Sections a territory's page shows under « Ce qui a été financé ici ». */
  extraSections?: ExtraSections;
}) {
  const territories = createTerritoryService({
    repo: createKyselyTerritoryRepository(deps.db),
    clock: deps.clock,
    coordinates: createKyselyCoordinateRepository(deps.db),
  });
  const organisations = createOrganisationService({
    repo: createKyselyOrganisationRepository(deps.db),
    clock: deps.clock,
    territoryBySiren: territories.bySiren,
  });
  const sections: ExtraSections[] = deps.extraSections ? [deps.extraSections] : [];
  const navigation: NavItem[] = [{ label: 'Territoires', href: '/territoires' }];
  return {
    routes: territoriesRoutes({ territories, extraSections: () => sections }),
    navigation,
    territories,
    organisations,
    /**
     * Loads the pinned COG edition and the communes' points unless they are there; `loaded` says whether this
     * call wrote the COG, `coordinates.loaded` the points.
     */
    ensureLoaded: () => territories.ensureLoaded(),
    /** The communes within `km` kilometres of a commune, nearest first (see `territories.near`). */
    near: (inseeCode: string, km: number) => territories.near(inseeCode, km),
    /** Adds sections to every territory's page, for modules built after this one (the fund's "financé ici"). */
    addSections(section: ExtraSections) {
      sections.push(section);
    },
    CollectivitePicker,
  };
}

export type TerritoriesModule = ReturnType<typeof createTerritoriesModule>;
