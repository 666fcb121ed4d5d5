/**
 * Plausible French project titles per theme, for the demonstration data: what a collectivité would write in
 * its dossier. Invented, like every generated lauréat (the pages say so).
 */
export const TITLES_BY_THEME: Record<string, readonly string[]> = {
  'relation-usagers': [
    'Portail citoyen et gestion de la relation usagers',
    'Guichet numérique unique des démarches municipales',
    'Espace usager en ligne avec suivi des demandes',
    'Centre de contact multicanal des services publics locaux',
  ],
  'travail-collaboratif': [
    'Outils de travail collaboratif pour les agents',
    'Équipement des agents pour le travail à distance',
    'Intranet et messagerie collaborative des services',
  ],
  'gestion-documents': [
    'Gestion électronique des documents et archivage',
    'Dématérialisation du courrier entrant',
    'Parapheur et signature électronique des actes',
    'Archivage électronique à valeur probante',
  ],
  'pilotage-donnee': [
    'Tableaux de bord de pilotage des politiques publiques',
    'Entrepôt de données et pilotage budgétaire',
    'Observatoire territorial des données',
  ],
  'instances-deliberatives': [
    'Dématérialisation des instances délibératives',
    'Conseils municipaux en ligne et vote électronique',
    'Gestion numérique des délibérations et des actes',
  ],
  'agents-intervention': [
    'Application mobile des agents de terrain',
    'Gestion des interventions techniques sur tablette',
    'Suivi numérique de l’entretien de la voirie',
  ],
  'participation-citoyenne': [
    'Plateforme de participation citoyenne',
    'Budget participatif en ligne',
    'Consultations publiques numériques',
  ],
  'donnees-ouvertes': [
    'Ouverture des données publiques locales',
    'Portail de données ouvertes du territoire',
    'Publication des jeux de données au format SCDL',
  ],
  'reservation-ressources': [
    'Réservation en ligne des salles et équipements',
    'Prêt de matériel mutualisé entre communes',
    'Plateforme de réservation des équipements sportifs',
  ],
  'information-geographique': [
    'Système d’information géographique mutualisé',
    'Base adresse locale et cartographie des réseaux',
    'Numérisation du cadastre et des documents d’urbanisme',
  ],
  'transition-ecologique': [
    'Suivi numérique des consommations énergétiques',
    'Outil de pilotage de la transition écologique',
    'Capteurs connectés pour la gestion de l’éclairage public',
  ],
  'donnees-commerces': [
    'Annuaire numérique des commerces de proximité',
    'Place de marché locale en ligne',
    'Observatoire des commerces du centre-ville',
  ],
  'diagnostic-numerique': [
    'Diagnostic de maturité numérique des services',
    'Schéma directeur des systèmes d’information',
    'Audit de sécurité et plan de cybersécurité',
  ],
  'communication-usagers': [
    'Refonte accessible du site internet',
    'Application mobile d’information des habitants',
    'Alertes et informations aux habitants par SMS',
  ],
  'accompagnement-social': [
    'Dossier social numérique partagé',
    'Plateforme d’accompagnement au numérique des habitants',
    'Prise de rendez-vous en ligne au centre communal d’action sociale',
  ],
  'signalement-incidents': [
    'Signalement en ligne des incidents sur l’espace public',
    'Application de signalement des dépôts sauvages',
    'Gestion des signalements et suivi des réponses',
  ],
  'recherche-financements': [
    'Outil de veille et de recherche de financements',
    'Plateforme de suivi des subventions',
  ],
  'dematerialisation-demarches': [
    'Dématérialisation des démarches administratives',
    'Démarches en ligne de l’état civil et de l’urbanisme',
    'Téléservices des aides et des inscriptions',
    'Instruction dématérialisée des autorisations d’urbanisme',
  ],
  'usage-donnee': [
    'Plateforme de la donnée territoriale',
    'Valorisation et partage des données du territoire',
    'Gouvernance et qualité des données',
  ],
  cooperation: [
    'Coopération numérique avec les communes membres',
    'Plateforme d’échanges avec les partenaires',
    'Services numériques partagés du territoire',
  ],
  'franceconnect-api': [
    'Raccordement à FranceConnect',
    'Démarches pré-remplies grâce aux API nationales',
    'FranceConnect et API Particulier pour les démarches en ligne',
  ],
};

/** What the project produced, per kind of theme: the `outputs` of a delivered lauréat. */
export const OUTPUTS = [
  'Service en ligne ouvert aux habitants',
  'Code source publié sous licence libre',
  'Agents formés et guide d’utilisation',
  'Jeux de données publiés en données ouvertes',
  'Application mise à disposition des collectivités voisines',
] as const;
