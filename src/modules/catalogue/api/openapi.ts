/**
 * The catalogue's part of the platform's OpenAPI 3.1 description (`/api/v1/openapi.json`, served by the fund
 * module, which merges these paths and schemas into its document). Imports nothing but the catalogue's own
 * vocabularies and records: the fund's document loads it without loading the catalogue module.
 */
import { ADOPTER_KINDS, ADOPTION_MODES, LICENCES, MATURITIES } from '../catalogue.domain.js';
import { SOLUTION_COLUMNS, USE_COLUMNS } from '../opendata/record.js';
import { MAX_PER_PAGE, PORTEES, SORTS } from '../search/search.types.js';

const NULLABLE = new Set([
  'codeSource',
  'documentation',
  'site',
  'dateVerification',
  'datePublication',
  'codeCommune',
  'codeEpci',
  'codeDepartement',
  'codeRegion',
  'depuis',
  'instance',
]);

function schemaOf(columns: Array<{ name: string; type: string; description: string }>) {
  return {
    type: 'object',
    required: columns.map((c) => c.name),
    properties: Object.fromEntries(
      columns.map((c) => {
        const base =
          c.type === 'nombre'
            ? { type: 'integer' }
            : c.type === 'booléen'
              ? { type: 'boolean' }
              : c.type === 'liste'
                ? { type: 'array', items: { type: 'string' } }
                : c.type === 'date'
                  ? { type: 'string', format: 'date' }
                  : { type: 'string' };
        return [
          c.name,
          {
            ...(NULLABLE.has(c.name) ? { ...base, type: [base.type, 'null'] } : base),
            description: c.description,
          },
        ];
      }),
    ),
  };
}

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

const ERROR = { $ref: '#/components/schemas/Erreur' };

export const CATALOGUE_OPENAPI = {
  paths: {
    '/api/v1/solutions': {
      get: {
        operationId: 'listerSolutions',
        summary: 'Les solutions du catalogue de mutualisation, filtrées, triées et paginées par curseur',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: false,
            description: 'Mots recherchés (français : accents et pluriels ignorés).',
            schema: { type: 'string', maxLength: 200 },
          },
          list('theme', 'Code du thème (ceux du fonds, voir /api/v1/dispositifs).', undefined, '^[a-z-]+$'),
          list('maturite', 'Maturité.', Object.keys(MATURITIES)),
          list('licence', 'Licence.', Object.keys(LICENCES)),
          list('adoption', 'Mode d’adoption.', Object.keys(ADOPTION_MODES)),
          list('adoptant', 'Type des organisations utilisatrices.', Object.keys(ADOPTER_KINDS)),
          list('region', 'Code INSEE d’une région où elle est utilisée.', undefined, '^\\d{2}$'),
          list(
            'departement',
            'Code INSEE d’un département où elle est utilisée.',
            undefined,
            '^(\\d{2,3}|2[AB])$',
          ),
          list('verification', 'verifiee (par le programme) ou declaree (par l’équipe).', [
            'verifiee',
            'declaree',
          ]),
          list('siren', 'SIREN d’une organisation utilisatrice.', undefined, '^\\d{9}$'),
          {
            name: 'pres',
            in: 'query',
            required: false,
            description:
              'Code INSEE d’une commune : les solutions utilisées près d’elle, jusqu’où dit `portee`.',
            schema: { type: 'string', pattern: '^(\\d{5}|2[AB]\\d{3})$' },
          },
          {
            name: 'portee',
            in: 'query',
            required: false,
            description: 'Avec `pres` : la commune, son intercommunalité ou son département.',
            schema: { type: 'string', enum: PORTEES, default: 'departement' },
          },
          {
            name: 'tri',
            in: 'query',
            required: false,
            description: 'pertinence (par défaut avec des mots), utilisateurs (par défaut sinon) ou recent.',
            schema: { type: 'string', enum: SORTS },
          },
          {
            name: 'limite',
            in: 'query',
            required: false,
            description: 'Solutions par page.',
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
              required: ['total', 'tri', 'limite', 'curseurSuivant', 'suivant', 'resultats', 'facettes'],
              properties: {
                total: { type: 'integer' },
                tri: { type: 'string', enum: SORTS },
                limite: { type: 'integer' },
                curseurSuivant: { type: ['string', 'null'] },
                suivant: { type: ['string', 'null'] },
                resultats: { type: 'array', items: { $ref: '#/components/schemas/Solution' } },
                facettes: {
                  type: 'object',
                  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
                },
              },
            },
            'Une page de solutions.',
          ),
          '304': { description: 'Rien n’a changé depuis l’ETag envoyé.' },
          '400': json(ERROR, 'Un paramètre est invalide ; `details` dit lequel.'),
        },
      },
    },
    '/api/v1/solutions/{id}': {
      get: {
        operationId: 'lireSolution',
        summary: 'Une solution et les organisations qui l’utilisent ou souhaitent l’utiliser',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json(
            {
              allOf: [
                { $ref: '#/components/schemas/Solution' },
                {
                  type: 'object',
                  properties: {
                    utilisateurs: { type: 'array', items: { $ref: '#/components/schemas/Utilisation' } },
                  },
                },
              ],
            },
            'La solution.',
          ),
          '304': { description: 'Rien n’a changé depuis l’ETag envoyé.' },
          '404': json(ERROR, 'Aucune solution publiée ne porte cet identifiant.'),
        },
      },
    },
  },
  schemas: { Solution: schemaOf(SOLUTION_COLUMNS), Utilisation: schemaOf(USE_COLUMNS) },
} as const;
