/**
 * The solutions of the lauréats the Journée Numérique & Territoires showed by name (DOMAIN.md): real
 * projects and porteurs, with invented details (licence, maturity, users…), labelled as demonstration data
 * like every seeded row. The two syndicats mixtes' SIRENs are the fund's demonstration numbers (prefix 9999).
 */
import type { Solution } from '../catalogue.domain.js';

export const NAMED_SIRENS = {
  isere: '223800012',
  girondeNumerique: '999900012',
  megalisBretagne: '999900020',
} as const;

type Named = Omit<
  Solution,
  | 'status'
  | 'verified'
  | 'verifiedAt'
  | 'verifiedBy'
  | 'authorId'
  | 'authorSiren'
  | 'refusalReason'
  | 'demonstration'
  | 'screenshots'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'publishedAt'
  | 'archivedAt'
> & { publishedAt: string; verified: boolean; team: string; users: string[] };

/** The four named solutions, their lauréat (the fund's demo ids), their team's address and some users. */
export const NAMED_SOLUTIONS: Named[] = [
  {
    id: 'salle-sur-demande',
    name: 'Salle sur demande',
    summary:
      'Les habitants et les associations réservent en ligne les salles et les équipements de leur collectivité, qui gère les demandes en un seul endroit.',
    description:
      'Coconstruit par le Département de l’Isère avec l’Incubateur des territoires (ANCT) et financé par l’axe 1 du fonds, le service est mis à la disposition de toutes les collectivités.\n\nChaque collectivité publie ses salles, leurs règles et leurs disponibilités ; les demandes arrivent dans un tableau de bord partagé par les agents.',
    themes: ['reservation-ressources', 'relation-usagers'],
    licence: 'agpl-3.0',
    sourceUrl: 'https://git.example.fr/isere/salle-sur-demande',
    documentationUrl: 'https://doc.example.fr/salle-sur-demande',
    websiteUrl: null,
    maturity: 'generalise',
    adoptionModes: ['saas', 'auto-heberge'],
    costModel: 'gratuit',
    costDetails: 'Service en ligne gratuit pour les collectivités ; hébergement possible par vos soins.',
    accessibilityStatus: 'partielle',
    accessibilityStatement: 'Audit RGAA de démonstration : 82 % des critères respectés.',
    securityStatement: 'Hébergement en France ; homologation de sécurité de démonstration.',
    laureatIds: ['demo-isere-salle-sur-demande'],
    maintainers: [{ siren: NAMED_SIRENS.isere, name: 'Département de l’Isère', role: 'porteur' }],
    publishedAt: '2022-03-15T09:00:00.000Z',
    verified: true,
    team: 'equipe.salle-sur-demande@isere.example.fr',
    users: ['213801855', '200040715', '213804214'],
  },
  {
    id: 'signature-electronique-gironde-numerique',
    name: 'Signature électronique',
    summary:
      'Les élus et les agents signent les actes et les courriers en ligne, avec une valeur juridique, sans imprimer ni se déplacer.',
    description:
      'Une solution mutualisée portée par Gironde Numérique pour ses collectivités membres, avec l’Incubateur des territoires.',
    themes: ['gestion-documents', 'dematerialisation-demarches'],
    licence: 'proprietaire',
    sourceUrl: null,
    documentationUrl: 'https://doc.example.fr/signature-gironde',
    websiteUrl: null,
    maturity: 'production',
    adoptionModes: ['mutualisation'],
    costModel: 'adhesion',
    costDetails: 'Compris dans l’adhésion au syndicat (montant de démonstration).',
    accessibilityStatus: 'non-evaluee',
    accessibilityStatement: '',
    securityStatement: 'Certificats qualifiés eIDAS (déclaration de démonstration).',
    laureatIds: ['demo-gironde-numerique-signature-electronique'],
    maintainers: [{ siren: NAMED_SIRENS.girondeNumerique, name: 'Gironde Numérique', role: 'porteur' }],
    publishedAt: '2022-05-02T09:00:00.000Z',
    verified: false,
    team: 'equipe.signature@girondenumerique.example.fr',
    users: ['213300635'],
  },
  {
    id: 'multicanal-gironde-numerique',
    name: 'Multicanal',
    summary:
      'Un seul outil pour répondre aux usagers, quel que soit leur canal : courriel, téléphone, formulaire en ligne ou SMS.',
    description:
      'Un outil de relation usagers partagé par les collectivités membres de Gironde Numérique, en expérimentation.',
    themes: ['relation-usagers', 'communication-usagers'],
    licence: 'eupl-1.2',
    sourceUrl: 'https://git.example.fr/gironde-numerique/multicanal',
    documentationUrl: null,
    websiteUrl: null,
    maturity: 'experimentation',
    adoptionModes: ['mutualisation'],
    costModel: 'adhesion',
    costDetails: '',
    accessibilityStatus: 'non-evaluee',
    accessibilityStatement: '',
    securityStatement: '',
    laureatIds: ['demo-gironde-numerique-multicanal'],
    maintainers: [{ siren: NAMED_SIRENS.girondeNumerique, name: 'Gironde Numérique', role: 'porteur' }],
    publishedAt: '2022-09-12T09:00:00.000Z',
    verified: false,
    team: 'equipe.multicanal@girondenumerique.example.fr',
    users: [],
  },
  {
    id: 'collec-data',
    name: 'collec-data',
    summary:
      'Les collectivités bretonnes collectent, qualifient et publient leurs données sur une plateforme régionale commune.',
    description:
      'Une plateforme régionale de données portée par le syndicat mixte Mégalis Bretagne (axe 2 du fonds).',
    themes: ['usage-donnee', 'donnees-ouvertes'],
    licence: 'mit',
    sourceUrl: 'https://git.example.fr/megalis/collec-data',
    documentationUrl: 'https://doc.example.fr/collec-data',
    websiteUrl: null,
    maturity: 'production',
    adoptionModes: ['mutualisation', 'saas'],
    costModel: 'adhesion',
    costDetails: '',
    accessibilityStatus: 'partielle',
    accessibilityStatement: '',
    securityStatement: '',
    laureatIds: ['demo-megalis-bretagne-collec-data'],
    maintainers: [{ siren: NAMED_SIRENS.megalisBretagne, name: 'Mégalis Bretagne', role: 'porteur' }],
    publishedAt: '2022-11-20T09:00:00.000Z',
    verified: true,
    team: 'equipe.collec-data@megalis.example.fr',
    users: ['213502388'],
  },
];
