import {
  AMOUNT_BANDS,
  DISPOSITIFS,
  POPULATION_BANDS,
  PORTEUR_KIND_LABELS,
  STATUS_LABELS,
  THEMES,
} from '../fund.domain.js';
import { OPEN_DATA_COLUMNS } from '../opendata/record.js';
import { DEFAULT_RADIUS, MAX_PER_PAGE, NEAR_RADII, SORTS } from '../search/search.types.js';

/** The JSON Schema of one open data column. */
function columnSchema(type: (typeof OPEN_DATA_COLUMNS)[number]['type'], nullable: boolean) {
  const base =
    type === 'nombre'
      ? { type: 'number' }
      : type === 'booléen'
        ? { type: 'boolean' }
        : type === 'liste'
          ? { type: 'array', items: { type: 'string' } }
          : type === 'date'
            ? { type: 'string', format: 'date' }
            : { type: 'string' };
  return nullable ? { ...base, type: [base.type, 'null'] } : base;
}

const NULLABLE = new Set([
  'idAttribuant',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'codeCommune',
  'codeDepartement',
  'codeRegion',
  'population',
  'coutTotal',
  'site',
  'codeSource',
]);

const list = (name: string, description: string, values?: readonly string[], pattern?: string) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Plusieurs valeurs : répétez le paramètre ou séparez-les par des virgules.`,
  style: 'form',
  explode: true,
  schema: {
    type: 'array',
    items: { type: 'string', ...(values ? { enum: values } : {}), ...(pattern ? { pattern } : {}) },
  },
});

const laureat = {
  type: 'object',
  required: [...OPEN_DATA_COLUMNS.map((c) => c.name), 'url'],
  properties: {
    ...Object.fromEntries(
      OPEN_DATA_COLUMNS.map((c) => [
        c.name,
        { ...columnSchema(c.type, NULLABLE.has(c.name)), description: c.description },
      ]),
    ),
    url: { type: 'string', description: 'L’adresse de la page du lauréat sur ce site.' },
  },
};

const error = {
  type: 'object',
  required: ['erreur'],
  properties: {
    erreur: { type: 'string' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { parametre: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const json = (schema: unknown, description: string) => ({
  description,
  headers: {
    ETag: {
      description: 'Renvoyez-le dans If-None-Match : « 304 » si rien n’a changé.',
      schema: { type: 'string' },
    },
  },
  content: { 'application/json': { schema } },
});

/**
 * The API's OpenAPI 3.1 description, written by hand (so it says what the API promises, in French), with
 * the vocabularies taken from the domain so that it cannot drift from what the API accepts.
 */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'API des lauréats du fonds Transformation numérique des collectivités territoriales',
    version: '1.0.0',
    description:
      'Les lauréats du fonds (France Relance, mesure ITN7), leurs dispositifs et leurs règles, en lecture seule et sans clé. Données sous Licence Ouverte 2.0 (Etalab).',
    license: { name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/laureats': {
      get: {
        operationId: 'listerLaureats',
        summary: 'Les lauréats, filtrés, triés et paginés par curseur',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: false,
            description: 'Mots recherchés (français : accents et pluriels ignorés).',
            schema: { type: 'string', maxLength: 200 },
          },
          list(
            'dispositif',
            'Code du dispositif.',
            DISPOSITIFS.map((d) => d.code),
          ),
          list('theme', 'Code du thème.', Object.keys(THEMES)),
          list('region', 'Code INSEE de la région du porteur.', undefined, '^\\d{2}$'),
          list('departement', 'Code INSEE du département du porteur.', undefined, '^(\\d{2,3}|2[AB])$'),
          list('commune', 'Code INSEE de la commune porteuse.', undefined, '^(\\d{5}|2[AB]\\d{3})$'),
          list(
            'epci',
            'SIREN d’une intercommunalité : elle-même ou ses communes portent le projet.',
            undefined,
            '^\\d{9}$',
          ),
          list('siren', 'SIREN du porteur.', undefined, '^\\d{9}$'),
          {
            name: 'pres_de',
            in: 'query',
            required: false,
            description:
              'Code INSEE d’une commune : les lauréats portés à moins de `rayon` km d’elle, à vol d’oiseau (une commune par son point, une intercommunalité par la plus proche de ses communes, un département ou une région par son chef-lieu ; un porteur sans territoire n’est jamais retenu). Points des communes : GeoNames (CC BY 4.0), estimés pour les communes qui n’en ont pas — voir /territoires/a-propos-des-donnees. Une ancienne commune mène à la commune actuelle ; un code inconnu donne une erreur 400.',
            schema: { type: 'string', pattern: '^(\\d{5}|2[AB]\\d{3})$' },
          },
          {
            name: 'rayon',
            in: 'query',
            required: false,
            description: `Avec \`pres_de\` : la distance en kilomètres (${DEFAULT_RADIUS} par défaut). Sans \`pres_de\`, erreur 400.`,
            schema: { type: 'integer', enum: NEAR_RADII, default: DEFAULT_RADIUS },
          },
          list('type', 'Type de porteur.', Object.keys(PORTEUR_KIND_LABELS)),
          list(
            'population',
            'Strate de population du porteur (CGCT).',
            POPULATION_BANDS.map((b) => b.code),
          ),
          list(
            'montant',
            'Tranche du montant accordé.',
            AMOUNT_BANDS.map((b) => b.code),
          ),
          list('statut', 'Statut du projet.', Object.keys(STATUS_LABELS)),
          list('annee', 'Année de la décision.', undefined, '^\\d{4}$'),
          {
            name: 'tri',
            in: 'query',
            required: false,
            description: 'Ordre des résultats (pertinence par défaut avec des mots, date sinon).',
            schema: { type: 'string', enum: SORTS },
          },
          {
            name: 'limite',
            in: 'query',
            required: false,
            description: 'Lauréats par page.',
            schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 20 },
          },
          {
            name: 'curseur',
            in: 'query',
            required: false,
            description: 'Le `curseurSuivant` de la page précédente, avec les mêmes filtres et le même tri.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: [
                'total',
                'montantTotal',
                'tri',
                'limite',
                'curseurSuivant',
                'suivant',
                'resultats',
                'facettes',
              ],
              properties: {
                total: { type: 'integer', description: 'Nombre de lauréats correspondant aux filtres.' },
                montantTotal: {
                  type: 'number',
                  description: 'Somme des montants accordés à ces lauréats, en euros.',
                },
                tri: { type: 'string', enum: SORTS },
                limite: { type: 'integer' },
                curseurSuivant: { type: ['string', 'null'] },
                suivant: { type: ['string', 'null'], description: 'L’adresse de la page suivante.' },
                resultats: {
                  type: 'array',
                  description:
                    'Avec `pres_de`, chaque lauréat porte aussi `distanceKm` : la distance de son porteur à la commune, en km, au dixième.',
                  items: {
                    allOf: [
                      { $ref: '#/components/schemas/Laureat' },
                      { type: 'object', properties: { distanceKm: { type: 'number' } } },
                    ],
                  },
                },
                facettes: {
                  type: 'object',
                  description:
                    'Pour chaque critère, le nombre de lauréats par valeur, compte tenu des autres critères ; avec `pres_de`, `rayon` donne le nombre de lauréats à moins de 5, 10, 20, 50 et 100 km.',
                  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
                },
              },
            },
            'Une page de lauréats.',
          ),
          '304': { description: 'Rien n’a changé depuis l’ETag envoyé.' },
          '400': json(
            { $ref: '#/components/schemas/Erreur' },
            'Un paramètre est invalide ; `details` dit lequel.',
          ),
        },
      },
    },
    '/api/v1/laureats/{id}': {
      get: {
        operationId: 'lireLaureat',
        summary: 'Un lauréat',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json({ $ref: '#/components/schemas/Laureat' }, 'Le lauréat.'),
          '304': { description: 'Rien n’a changé depuis l’ETag envoyé.' },
          '404': json({ $ref: '#/components/schemas/Erreur' }, 'Aucun lauréat ne porte cet identifiant.'),
        },
      },
    },
    '/api/v1/dispositifs': {
      get: {
        operationId: 'listerDispositifs',
        summary: 'Les dispositifs du fonds et leurs règles datées',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['resultats'],
              properties: { resultats: { type: 'array', items: { type: 'object' } } },
            },
            'Les dispositifs.',
          ),
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'description',
        summary: 'Cette description',
        responses: { '200': { description: 'OpenAPI 3.1.' } },
      },
    },
  },
  components: { schemas: { Laureat: laureat, Erreur: error } },
} as const;

/** Another module's part of the platform's API description: its paths and its schemas. */
export interface ApiDocumentPart {
  paths: Record<string, unknown>;
  schemas: Record<string, unknown>;
}

/**
 * The platform's API description: the fund's, with the other modules' parts (e.g. the catalogue's
 * /api/v1/solutions) before the entry of the description itself.
 *
 * @example
 * openApiWith([CATALOGUE_OPENAPI]).paths['/api/v1/solutions']
 */
export function openApiWith(parts: readonly ApiDocumentPart[]) {
  if (parts.length === 0) return OPENAPI;
  const { '/api/v1/openapi.json': self, ...paths } = OPENAPI.paths;
  return {
    ...OPENAPI,
    paths: Object.assign({}, paths, ...parts.map((p) => p.paths), { '/api/v1/openapi.json': self }),
    components: { schemas: Object.assign({}, OPENAPI.components.schemas, ...parts.map((p) => p.schemas)) },
  };
}
