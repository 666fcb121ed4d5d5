/**
 * The lauréats import format: ours, since no public machine-readable list of lauréats exists, and close to the
 * SCDL « Subventions » schema of schema.data.gouv.fr where it has a field (`idBeneficiaire`, `nomBeneficiaire`,
 * `objet`, `montant`, `dateConvention`, `nomAttribuant`). Documented once here, for the upload page, `/donnees`
 * and the command line.
 */

export interface ImportColumn {
  /** The header as written in the file (any case, accents and spaces ignored). */
  name: ImportColumnName;
  required: boolean;
  description: string;
  example: string;
  /** Other headers read as this column. */
  aliases: string[];
}

export type ImportColumnName =
  | 'identifiant'
  | 'dispositif'
  | 'idBeneficiaire'
  | 'nomBeneficiaire'
  | 'objet'
  | 'resume'
  | 'themes'
  | 'montant'
  | 'coutTotal'
  | 'dateDepot'
  | 'dateConvention'
  | 'statut'
  | 'coporteurs'
  | 'site'
  | 'codeSource'
  | 'realisations'
  | 'nomAttribuant';

/** What the files may hold, in the order a model file lists them. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    name: 'identifiant',
    required: false,
    description:
      'Identifiant stable du lauréat dans votre suivi (lettres, chiffres, points, tirets, 80 caractères au plus). Absent, il est calculé à partir du dispositif, du SIREN et de l’objet : un nouvel import du même fichier met alors à jour les mêmes lauréats, tant que ces trois valeurs ne changent pas.',
    example: 'DINUM-2021-042',
    aliases: [],
  },
  {
    name: 'dispositif',
    required: true,
    description: 'axe-1, axe-2, axe-2-bis ou axe-3 ; « 1 », « 2 », « 2 bis » et « 3 » sont acceptés.',
    example: 'axe-2',
    aliases: [],
  },
  {
    name: 'idBeneficiaire',
    required: true,
    description:
      'SIRET (14 chiffres, comme dans le schéma SCDL) ou SIREN (9 chiffres) du porteur. Les colonnes « siret » ou « siren » sont lues de la même façon.',
    example: '21380185500016',
    aliases: ['siren', 'siret'],
  },
  {
    name: 'nomBeneficiaire',
    required: false,
    description:
      'Nom du porteur. Pour une commune ou une intercommunalité, le nom officiel du référentiel géographique (COG) prévaut ; obligatoire pour un organisme que la plateforme ne connaît pas encore (département, région, syndicat mixte…).',
    example: 'Département de l’Isère',
    aliases: [],
  },
  {
    name: 'objet',
    required: true,
    description: 'Intitulé du projet, 300 caractères au plus.',
    example: 'Salle sur demande',
    aliases: [],
  },
  {
    name: 'resume',
    required: false,
    description: 'Résumé du projet, 5 000 caractères au plus.',
    example: 'Réservation en ligne des salles municipales par les associations.',
    aliases: [],
  },
  {
    name: 'themes',
    required: false,
    description: 'Thèmes, par leur code ou leur libellé, séparés par « | ».',
    example: 'relation-usagers|Mutualiser et réserver des ressources',
    aliases: [],
  },
  {
    name: 'montant',
    required: true,
    description:
      'Montant accordé, en euros : « 12 500 », « 12 500,50 » ou « 12500.5 » sont acceptés ; il est arrondi à l’euro.',
    example: '150 000',
    aliases: [],
  },
  {
    name: 'coutTotal',
    required: false,
    description: 'Coût total du projet, en euros, écrit comme le montant : il donne la part de l’État.',
    example: '200 000',
    aliases: [],
  },
  {
    name: 'dateDepot',
    required: false,
    description:
      'Date de dépôt du dossier, AAAA-MM-JJ ou JJ/MM/AAAA : elle désigne la version des règles d’éligibilité qui s’applique (la date de convention à défaut).',
    example: '15/11/2021',
    aliases: [],
  },
  {
    name: 'dateConvention',
    required: true,
    description: 'Date de la décision d’attribution ou de la convention, AAAA-MM-JJ ou JJ/MM/AAAA.',
    example: '2022-01-20',
    aliases: [],
  },
  {
    name: 'statut',
    required: false,
    description: 'financé (par défaut), en cours, livré ou abandonné.',
    example: 'en cours',
    aliases: [],
  },
  {
    name: 'coporteurs',
    required: false,
    description: 'SIREN ou SIRET des co-porteurs, séparés par « | ».',
    example: '200040715|213804214',
    aliases: [],
  },
  {
    name: 'site',
    required: false,
    description: 'Adresse du site du projet, commençant par https:// ou http://.',
    example: 'https://salles.example.fr',
    aliases: [],
  },
  {
    name: 'codeSource',
    required: false,
    description: 'Adresse du code source publié, commençant par https:// ou http://.',
    example: 'https://code.gouv.fr/exemple',
    aliases: [],
  },
  {
    name: 'realisations',
    required: false,
    description: 'Ce que le projet a produit, 5 000 caractères au plus.',
    example: 'Module de réservation publié sous licence libre, réutilisé par 12 communes.',
    aliases: [],
  },
  {
    name: 'nomAttribuant',
    required: false,
    description:
      'Nom de l’attribuant (SCDL) : comparé à l’opérateur du dispositif (ANCT, DINUM, DITP ou une préfecture pour l’axe 3) ; une différence est signalée sans bloquer l’import.',
    example: 'DINUM',
    aliases: [],
  },
];

/**
 * Limits of one import: beyond them the file is refused whole, before anything is read into the database.
 * 50 Mo holds the benchmark’s 100,000 lauréats with their summaries (about 220 bytes a line without, 500 with).
 */
export const IMPORT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxLines: 200_000,
} as const;

/**
 * A header as compared: lower case, no accents, letters and digits only.
 *
 * @example
 * headerKey('Date convention') // 'dateconvention'
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, ImportColumnName>();
for (const column of IMPORT_COLUMNS) {
  for (const name of [column.name, ...column.aliases]) BY_KEY.set(headerKey(name), column.name);
}

export type HeaderMap = Partial<Record<ImportColumnName, number>>;

export type HeaderResult =
  | { ok: true; columns: HeaderMap; ignored: string[] }
  | { ok: false; problems: Array<{ column: string | null; reason: string }> };

/**
 * Reads the header row: which cell holds which column. Unknown headers are ignored (and listed); a header that
 * names no column at all means the file is not one of ours; each required column missing, or column given
 * twice, refuses the file once, with its name, rather than every line.
 *
 * @example
 * mapHeader(['dispositif', 'siren', 'objet', 'montant', 'dateConvention']).ok // true
 * mapHeader(['dispositif', 'siren', 'objet', 'dateConvention'])
 * // { ok: false, problems: [{ column: 'montant', reason: 'colonne obligatoire absente : montant' }] }
 */
export function mapHeader(cells: string[]): HeaderResult {
  const columns: HeaderMap = {};
  const ignored: string[] = [];
  const problems: Array<{ column: string | null; reason: string }> = [];
  for (const [index, raw] of cells.entries()) {
    const name = BY_KEY.get(headerKey(raw));
    if (!name) {
      if (raw.trim()) ignored.push(raw.trim());
    } else if (columns[name] !== undefined) {
      problems.push({ column: name, reason: `colonne en double : ${name}` });
    } else {
      columns[name] = index;
    }
  }
  if (Object.keys(columns).length === 0) {
    return {
      ok: false,
      problems: [
        {
          column: null,
          reason:
            'format non reconnu : la première ligne doit nommer les colonnes (dispositif, idBeneficiaire, objet, montant, dateConvention…)',
        },
      ],
    };
  }
  for (const c of IMPORT_COLUMNS) {
    if (c.required && columns[c.name] === undefined) {
      problems.push({ column: c.name, reason: `colonne obligatoire absente : ${c.name}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns, ignored };
}
