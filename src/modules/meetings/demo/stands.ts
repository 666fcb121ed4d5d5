/**
 * The forum of the Journée Numérique & Territoires of 18 January 2023, 15:00–16:30: its eleven stands as
 * DOMAIN.md records them, split between the Mezzanine Ségur and the Salle Jean Monnet as the demonstration
 * programme does. Everything else is invented and shown as demonstration: descriptions, the people at each
 * stand (named by their function, with example addresses), the slots and how each stand takes bookings.
 */

export type DemoRoom = 'mezzanine' | 'monnet';

export interface DemoStand {
  key: string;
  name: string;
  organisation: string;
  description: string;
  topics: string[];
  audiences: string[];
  mode: 'direct' | 'demande';
  room: DemoRoom;
  members: Array<{ name: string; role: string; email?: string }>;
  /** Slots: every `every` minutes from 15:00, `length` minutes long, for `capacity` participants. */
  slots: { every: number; length: number; capacity: number };
}

const pair = (team: string): DemoStand['members'] => [
  { name: `Chargée de mission ${team}`, role: 'déploiement dans les territoires' },
  { name: `Chef de produit ${team}`, role: 'produit et usages' },
];
const oneOnOne = { every: 20, length: 20, capacity: 1 };

export const DEMO_ROOMS: Array<{ key: DemoRoom; name: string; capacity: number }> = [
  { key: 'mezzanine', name: 'Mezzanine Ségur', capacity: 12 },
  { key: 'monnet', name: 'Salle Jean Monnet', capacity: 10 },
];

export const DEMO_STANDS: DemoStand[] = [
  {
    key: 'incubateur-des-territoires',
    name: 'Incubateur des territoires',
    organisation: 'ANCT',
    description:
      'Les services numériques mutualisés, libres et coconstruits avec les collectivités de l’axe 1 du fonds : comment les adopter, comment rejoindre une communauté d’utilisateurs.',
    topics: ['cooperation', 'reservation-ressources', 'participation-citoyenne', 'relation-usagers'],
    audiences: ['agent-collectivite', 'elu-collectivite', 'structure-mutualisation'],
    mode: 'direct',
    room: 'mezzanine',
    members: pair('Incubateur des territoires'),
    slots: oneOnOne,
  },
  {
    key: 'mission-cloud',
    name: 'Mission Cloud',
    organisation: 'DINUM',
    description: 'Héberger ses services dans un nuage de confiance : offres, doctrine, accompagnement.',
    topics: ['travail-collaboratif', 'usage-donnee'],
    audiences: ['structure-mutualisation', 'autre-administration'],
    mode: 'direct',
    room: 'mezzanine',
    members: pair('Mission Cloud'),
    slots: oneOnOne,
  },
  {
    key: 'minumeco',
    name: 'MiNumEco — écoconception',
    organisation: 'DINUM',
    description:
      'Réduire l’empreinte environnementale de ses services numériques : référentiel, outils, retours d’expérience.',
    topics: ['transition-ecologique'],
    audiences: [],
    mode: 'direct',
    room: 'mezzanine',
    members: pair('MiNumEco'),
    slots: { every: 30, length: 30, capacity: 4 },
  },
  {
    key: 'mission-label-gouvtech',
    name: 'Mission Label et Catalogue GouvTech',
    organisation: 'DINUM',
    description:
      'Trouver des solutions numériques référencées pour les acteurs publics, ou y faire référencer la sienne.',
    topics: ['cooperation', 'recherche-financements'],
    audiences: ['agent-collectivite', 'structure-mutualisation'],
    mode: 'demande',
    room: 'mezzanine',
    members: pair('GouvTech'),
    slots: oneOnOne,
  },
  {
    key: 'design-accessibilite',
    name: 'Design et accessibilité',
    organisation: 'DINUM',
    description:
      'Concevoir des démarches utilisables par tous : accessibilité numérique (RGAA), design des services, tests avec les usagers.',
    topics: ['relation-usagers', 'communication-usagers', 'accompagnement-social'],
    audiences: [],
    mode: 'direct',
    room: 'mezzanine',
    members: pair('Design'),
    slots: oneOnOne,
  },
  {
    key: 'dites-le-nous-une-fois',
    name: '« Dites-le nous une fois » et API',
    organisation: 'DINUM',
    description:
      'Ne plus redemander aux usagers ce que l’administration sait déjà : API Particulier, API Entreprise, l’échange de données.',
    topics: ['franceconnect-api', 'dematerialisation-demarches', 'usage-donnee'],
    audiences: ['agent-collectivite', 'structure-mutualisation'],
    mode: 'direct',
    room: 'mezzanine',
    members: pair('API'),
    slots: oneOnOne,
  },
  {
    key: 'franceconnect',
    name: 'FranceConnect',
    organisation: 'DINUM',
    description:
      'Proposer FranceConnect sur ses démarches en ligne, avec le guichet « FranceConnect et API » du fonds.',
    topics: ['franceconnect-api', 'relation-usagers', 'dematerialisation-demarches'],
    audiences: ['agent-collectivite', 'elu-collectivite'],
    mode: 'direct',
    room: 'monnet',
    members: pair('FranceConnect'),
    slots: oneOnOne,
  },
  {
    key: 'demarches-simplifiees',
    name: 'Démarches Simplifiées (avec l’ADULLACT)',
    organisation: 'DINUM et ADULLACT',
    description:
      'Dématérialiser ses formulaires sans développement, et mutualiser les démarches entre collectivités.',
    topics: ['dematerialisation-demarches', 'relation-usagers', 'cooperation'],
    audiences: ['agent-collectivite', 'structure-mutualisation'],
    mode: 'direct',
    room: 'monnet',
    members: pair('Démarches Simplifiées'),
    slots: oneOnOne,
  },
  {
    key: 'ditp-laboratoires',
    name: 'Laboratoires d’innovation de la DITP, pôle territoires et FTAP',
    organisation: 'DITP',
    description:
      'Les laboratoires d’innovation territoriale, le pôle territoires de la DITP et le fonds pour la transformation de l’action publique.',
    topics: ['participation-citoyenne', 'diagnostic-numerique', 'recherche-financements'],
    audiences: ['service-deconcentre', 'sgar', 'charge-transformation'],
    mode: 'demande',
    room: 'monnet',
    members: pair('DITP'),
    slots: oneOnOne,
  },
  {
    key: 'logiciels-libres',
    name: 'Mission Logiciels libres',
    organisation: 'DINUM',
    description:
      'Utiliser, publier et mutualiser des logiciels libres entre acteurs publics : le SILL, code.gouv.fr, les communautés.',
    topics: ['cooperation', 'donnees-ouvertes'],
    audiences: ['structure-mutualisation', 'agent-collectivite'],
    mode: 'direct',
    room: 'monnet',
    members: [
      // The local ProConnect's demonstration agent, so that a stand's agenda can be tried.
      { name: 'Léa Moreau', role: 'Mission Logiciels libres', email: 'lea.moreau@numerique.example.gouv.fr' },
      { name: 'Chef de produit Logiciels libres', role: 'communautés' },
    ],
    slots: { every: 30, length: 30, capacity: 3 },
  },
  {
    key: 'beta-gouv',
    name: 'beta.gouv',
    organisation: 'DINUM',
    description: 'Lancer une start-up d’État ou de territoire : l’approche, l’investigation, le financement.',
    topics: ['diagnostic-numerique', 'relation-usagers', 'pilotage-donnee'],
    audiences: ['elu-collectivite', 'agent-collectivite'],
    mode: 'demande',
    room: 'monnet',
    members: pair('beta.gouv'),
    slots: oneOnOne,
  },
];
