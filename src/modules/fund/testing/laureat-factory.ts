/**
 * Lauréats for the fund’s repository and service tests: a valid one by default, tests say only what matters.
 */
import { type Laureat, laureatFingerprint } from '../fund.domain.js';

/**
 * @example
 * aLaureat({ id: 'L-1', amountEur: 5_000 })
 */
export function aLaureat(over: Partial<Laureat> = {}): Laureat {
  const base: Omit<Laureat, 'sourceHash'> = {
    id: 'L-1',
    dispositifCode: 'axe-1',
    title: 'Salle sur demande',
    summary: 'Réservation des salles municipales en ligne.',
    porteur: { siren: '213801855', name: 'Commune de Grenoble', kind: 'commune' },
    territoryKey: '38185',
    communeCode: '38185',
    epciCode: '200040715',
    departementCode: '38',
    regionCode: '84',
    population: 156_140,
    amountEur: 120_000,
    totalCostEur: 200_000,
    filedOn: '2021-06-01',
    decidedOn: '2021-09-15',
    status: 'finance',
    siteUrl: 'https://salles.example.fr',
    sourceUrl: null,
    outputs: '',
    themes: ['reservation-ressources', 'relation-usagers'],
    coporteurs: [{ siren: '200040715', name: 'Grenoble-Alpes-Métropole' }],
    demonstration: false,
    createdAt: '2023-01-20T10:00:00.000Z',
    updatedAt: '2023-01-20T10:00:00.000Z',
    ...over,
  };
  return { ...base, sourceHash: over.sourceHash ?? laureatFingerprint(base) };
}
