import { DISPOSITIFS, type Laureat } from '../fund.domain.js';

/**
 * One lauréat as the open data files and the API publish it. The first fourteen columns are the SCDL
 * « Subventions » schema's (schema.data.gouv.fr, v2), in its order; ours follow. A value the programme does
 * not know is left empty rather than guessed (see `description`).
 */
export interface OpenDataRecord {
  nomAttribuant: string;
  idAttribuant: string | null;
  dateConvention: string;
  referenceDecision: string;
  nomBeneficiaire: string;
  idBeneficiaire: string;
  objet: string;
  montant: number;
  nature: string;
  conditionsVersement: string | null;
  datesPeriodeVersement: string | null;
  idRAE: string | null;
  notificationUE: boolean;
  pourcentageSubvention: number;
  dispositif: string;
  themes: string[];
  statut: string;
  codeCommune: string | null;
  codeDepartement: string | null;
  codeRegion: string | null;
  population: number | null;
  coutTotal: number | null;
  site: string | null;
  codeSource: string | null;
  demonstration: boolean;
}

export interface ColumnDoc {
  name: keyof OpenDataRecord;
  /** Whether the SCDL « Subventions » schema defines it. */
  scdl: boolean;
  type: 'texte' | 'nombre' | 'date' | 'booléen' | 'liste';
  description: string;
}

/** The columns, in file order, with what they hold: the `/donnees` page and the OpenAPI schema show them. */
export const OPEN_DATA_COLUMNS: ColumnDoc[] = [
  {
    name: 'nomAttribuant',
    scdl: true,
    type: 'texte',
    description: 'L’opérateur de l’État qui a attribué l’aide (ANCT, DINUM ou DITP).',
  },
  {
    name: 'idAttribuant',
    scdl: true,
    type: 'texte',
    description: 'SIRET de l’attribuant. Vide : les opérateurs ne l’ont pas encore communiqué.',
  },
  {
    name: 'dateConvention',
    scdl: true,
    type: 'date',
    description: 'Date de la décision de financement (AAAA-MM-JJ).',
  },
  {
    name: 'referenceDecision',
    scdl: true,
    type: 'texte',
    description: 'Identifiant du lauréat sur cette plateforme (adresse /laureats/<identifiant>).',
  },
  { name: 'nomBeneficiaire', scdl: true, type: 'texte', description: 'Le porteur du projet.' },
  {
    name: 'idBeneficiaire',
    scdl: true,
    type: 'texte',
    description: 'SIREN du porteur (9 chiffres) : le SIRET de l’établissement n’est pas connu.',
  },
  { name: 'objet', scdl: true, type: 'texte', description: 'L’intitulé du projet.' },
  { name: 'montant', scdl: true, type: 'nombre', description: 'Montant de l’aide accordée, en euros.' },
  { name: 'nature', scdl: true, type: 'texte', description: 'Toujours « aide en numéraire ».' },
  { name: 'conditionsVersement', scdl: true, type: 'texte', description: 'Non renseigné.' },
  { name: 'datesPeriodeVersement', scdl: true, type: 'texte', description: 'Non renseigné.' },
  {
    name: 'idRAE',
    scdl: true,
    type: 'texte',
    description: 'Sans objet : les bénéficiaires sont des personnes publiques, pas des entreprises.',
  },
  {
    name: 'notificationUE',
    scdl: true,
    type: 'booléen',
    description:
      'Toujours « non » : aide à des personnes publiques, non notifiée au titre du règlement de minimis.',
  },
  {
    name: 'pourcentageSubvention',
    scdl: true,
    type: 'nombre',
    description:
      'Part de l’aide versée à ce bénéficiaire : 1 (le porteur reçoit toute l’aide, même avec des co-porteurs).',
  },
  {
    name: 'dispositif',
    scdl: false,
    type: 'texte',
    description: 'Code de l’axe du fonds : axe-1, axe-2, axe-2-bis ou axe-3.',
  },
  {
    name: 'themes',
    scdl: false,
    type: 'liste',
    description: 'Codes des thèmes, séparés par « | » dans les fichiers CSV et XLSX.',
  },
  { name: 'statut', scdl: false, type: 'texte', description: 'finance, en-cours, livre ou abandonne.' },
  {
    name: 'codeCommune',
    scdl: false,
    type: 'texte',
    description: 'Code INSEE de la commune du porteur (COG).',
  },
  {
    name: 'codeDepartement',
    scdl: false,
    type: 'texte',
    description: 'Code INSEE du département du porteur.',
  },
  { name: 'codeRegion', scdl: false, type: 'texte', description: 'Code INSEE de la région du porteur.' },
  {
    name: 'population',
    scdl: false,
    type: 'nombre',
    description: 'Population du porteur (COG), pour les strates du CGCT.',
  },
  {
    name: 'coutTotal',
    scdl: false,
    type: 'nombre',
    description: 'Coût total du projet, en euros, quand il est connu.',
  },
  { name: 'site', scdl: false, type: 'texte', description: 'Adresse du site du projet.' },
  { name: 'codeSource', scdl: false, type: 'texte', description: 'Adresse du code source publié.' },
  {
    name: 'demonstration',
    scdl: false,
    type: 'booléen',
    description:
      '« oui » pour les données de démonstration, inventées : aucune liste publique des lauréats n’existe.',
  },
];

const ATTRIBUANTS: Record<string, string> = {
  ANCT: 'Agence nationale de la cohésion des territoires (ANCT)',
  DINUM: 'Direction interministérielle du numérique (DINUM)',
  DITP: 'Direction interministérielle de la transformation publique (DITP)',
};

/**
 * A lauréat as published.
 *
 * @example
 * toOpenDataRecord(laureat).montant // 40000
 */
export function toOpenDataRecord(l: Laureat): OpenDataRecord {
  const operateur = DISPOSITIFS.find((d) => d.code === l.dispositifCode)?.operateur ?? '';
  return {
    nomAttribuant: ATTRIBUANTS[operateur] ?? operateur,
    idAttribuant: null,
    dateConvention: l.decidedOn.slice(0, 10),
    referenceDecision: l.id,
    nomBeneficiaire: l.porteur.name,
    idBeneficiaire: l.porteur.siren,
    objet: l.title,
    montant: l.amountEur,
    nature: 'aide en numéraire',
    conditionsVersement: null,
    datesPeriodeVersement: null,
    idRAE: null,
    notificationUE: false,
    pourcentageSubvention: 1,
    dispositif: l.dispositifCode,
    themes: l.themes,
    statut: l.status,
    codeCommune: l.communeCode,
    codeDepartement: l.departementCode,
    codeRegion: l.regionCode,
    population: l.population,
    coutTotal: l.totalCostEur,
    site: l.siteUrl,
    codeSource: l.sourceUrl,
    demonstration: l.demonstration,
  };
}

/**
 * A value as a CSV or XLSX cell shows it: empty for null, « oui »/« non » for booleans (the SCDL's words),
 * lists joined with « | », numbers with a dot.
 *
 * @example
 * cellOf(['a', 'b']) // 'a|b'
 */
export function cellOf(value: OpenDataRecord[keyof OpenDataRecord]): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.join('|');
  return String(value);
}

/**
 * The CSV row of a record, in column order.
 *
 * @example
 * csvRowOf(toOpenDataRecord(laureat))[7] // '40000' (montant)
 */
export function csvRowOf(record: OpenDataRecord): string[] {
  return OPEN_DATA_COLUMNS.map((c) => cellOf(record[c.name]));
}
