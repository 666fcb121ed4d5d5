/**
 * The words stands are described and found with: the platform's themes (the fund's 17 needs of axe 1 and the
 * themes of axe 2) and the registration profiles. They mirror the fund's `THEMES` and the events' `PROFILES`,
 * which their modules do not export through their index; topics.test.ts fails as soon as they drift apart.
 */

/** The platform's themes, by code. */
export const TOPICS: Record<string, string> = {
  'relation-usagers': 'Relation usagers',
  'travail-collaboratif': 'Travail collaboratif et à distance',
  'gestion-documents': 'Gestion électronique des documents',
  'pilotage-donnee': 'Pilotage par la donnée',
  'instances-deliberatives': 'Instances délibératives',
  'agents-intervention': 'Agents en intervention',
  'participation-citoyenne': 'Participation citoyenne',
  'donnees-ouvertes': 'Données ouvertes',
  'reservation-ressources': 'Mutualiser et réserver des ressources',
  'information-geographique': 'Information géographique',
  'transition-ecologique': 'Transition écologique',
  'donnees-commerces': 'Données des commerces',
  'diagnostic-numerique': 'Diagnostic numérique',
  'communication-usagers': 'Communication avec les usagers',
  'accompagnement-social': 'Accompagnement social',
  'signalement-incidents': 'Signalement d’incidents',
  'recherche-financements': 'Recherche de financements',
  'dematerialisation-demarches': 'Dématérialisation des démarches',
  'usage-donnee': 'Usage de la donnée',
  cooperation: 'Coopération avec les partenaires et usagers',
  'franceconnect-api': 'FranceConnect et API',
};

/** The registration profiles a stand may be meant for. */
export const AUDIENCES: Record<string, string> = {
  'agent-collectivite': 'Agent de collectivité territoriale',
  'elu-collectivite': 'Élu de collectivité territoriale',
  'structure-mutualisation': 'Structure de mutualisation',
  'service-deconcentre': 'Service déconcentré de l’État',
  sgar: 'SGAR',
  'charge-transformation': 'Chargé de transformation numérique',
  'autre-administration': 'Autre administration',
  presse: 'Presse',
  autre: 'Autre',
};

/** A topic's label, or its code when unknown. */
export function topicLabel(code: string): string {
  return TOPICS[code] ?? code;
}

/** Keeps the known codes of a list, each once, in the list's order. */
export function knownCodes(codes: readonly string[], known: Record<string, string>): string[] {
  return [...new Set(codes.filter((c) => c in known))];
}
