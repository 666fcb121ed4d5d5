/**
 * The lauréats the Journée Numérique & Territoires showed by name (DOMAIN.md): real projects and porteurs,
 * with invented amounts and dates like every demonstration row. The two syndicats mixtes are not in the COG
 * and their SIRENs are not known here: theirs are demonstration numbers (valid Luhn key, prefix 9999 so that
 * nobody takes them for real ones).
 */
import type { DispositifCode, LaureatStatus } from '../fund.domain.js';
import type { Porteur, PorteurPools } from './porteurs.js';

/** Demonstration SIRENs, not the real ones: say so wherever they are listed. */
export const DEMO_SIRENS = {
  girondeNumerique: '999900012',
  megalisBretagne: '999900020',
} as const;

export interface NamedLaureat {
  id: string;
  dispositifCode: DispositifCode;
  title: string;
  summary: string;
  porteur: Porteur;
  /** For a structure de mutualisation: the population of the collectivités it works for (eligibility). */
  coveredPopulation: number | null;
  themes: string[];
  amountEur: number;
  totalCostEur: number;
  filedOn: string;
  decidedOn: string;
  status: LaureatStatus;
  outputs: string;
}

/**
 * The four named lauréats, with their porteurs found in the pools (the Isère from the COG).
 *
 * @example
 * namedLaureats(pools).map((l) => l.title) // ['Salle sur demande', 'Signature électronique', 'Multicanal', 'collec-data']
 */
export function namedLaureats(pools: PorteurPools): NamedLaureat[] {
  const isere = pools.departements.find((p) => p.departementCode === '38');
  if (!isere) throw new Error('le département de l’Isère manque au COG chargé');
  const girondeNumerique: Porteur = {
    siren: DEMO_SIRENS.girondeNumerique,
    name: 'Gironde Numérique',
    kind: 'structure-mutualisation',
    territoryKey: null,
    communeCode: '33063',
    epciSiren: null,
    departementCode: '33',
    regionCode: '75',
    population: null,
  };
  const megalis: Porteur = {
    siren: DEMO_SIRENS.megalisBretagne,
    name: 'Mégalis Bretagne',
    kind: 'structure-mutualisation',
    territoryKey: null,
    communeCode: '35051',
    epciSiren: null,
    departementCode: '35',
    regionCode: '53',
    population: null,
  };
  const gironde = pools.departements.find((p) => p.departementCode === '33')?.population ?? null;
  return [
    {
      id: 'demo-isere-salle-sur-demande',
      dispositifCode: 'axe-1',
      title: 'Salle sur demande',
      summary:
        'Un service en ligne pour réserver les salles et les équipements des collectivités, coconstruit par le Département de l’Isère avec l’Incubateur des territoires et mis à la disposition de toutes les collectivités.',
      porteur: isere,
      coveredPopulation: null,
      themes: ['reservation-ressources'],
      amountEur: 420_000,
      totalCostEur: 420_000,
      filedOn: '2021-03-12',
      decidedOn: '2021-06-24',
      status: 'livre',
      outputs:
        'Service en ligne de réservation ouvert aux collectivités\nCode source publié sous licence libre',
    },
    {
      id: 'demo-gironde-numerique-signature-electronique',
      dispositifCode: 'axe-1',
      title: 'Signature électronique',
      summary:
        'Une solution mutualisée de signature électronique des actes et des courriers pour les collectivités membres de Gironde Numérique, portée avec l’Incubateur des territoires.',
      porteur: girondeNumerique,
      coveredPopulation: gironde,
      themes: ['gestion-documents'],
      amountEur: 310_000,
      totalCostEur: 310_000,
      filedOn: '2021-03-20',
      decidedOn: '2021-07-01',
      status: 'livre',
      outputs: 'Service de signature électronique mutualisé\nAgents formés et guide d’utilisation',
    },
    {
      id: 'demo-gironde-numerique-multicanal',
      dispositifCode: 'axe-1',
      title: 'Multicanal',
      summary:
        'Un outil de relation usagers multicanal (courriel, téléphone, formulaire, SMS) partagé par les collectivités membres de Gironde Numérique.',
      porteur: girondeNumerique,
      coveredPopulation: gironde,
      themes: ['relation-usagers', 'communication-usagers'],
      amountEur: 385_000,
      totalCostEur: 385_000,
      filedOn: '2021-03-20',
      decidedOn: '2021-07-01',
      status: 'en-cours',
      outputs: '',
    },
    {
      id: 'demo-megalis-bretagne-collec-data',
      dispositifCode: 'axe-2',
      title: 'collec-data',
      summary:
        'Une plateforme régionale pour collecter, qualifier et publier les données des collectivités bretonnes, portée par le syndicat mixte Mégalis Bretagne.',
      porteur: megalis,
      coveredPopulation: pools.regionPopulation.get('53') ?? null,
      themes: ['usage-donnee'],
      amountEur: 650_000,
      totalCostEur: 1_000_000,
      filedOn: '2021-11-08',
      decidedOn: '2022-02-17',
      status: 'en-cours',
      outputs: '',
    },
  ];
}
