/**
 * Who carries each axe's projects, as the fund's rules and figures say: axe 1 collectivités of every kind
 * building shared services; axe 2 only the big ones (the rule in force when the dossier was filed); axe 2 bis
 * communes and intercommunalités, once each as long as there are some left; axe 3 mostly small and medium
 * communes of the département whose préfecture granted it.
 */
import type { DispositifRule } from '../fund.domain.js';
import { isEligible } from './eligibility.js';
import type { Porteur, PorteurPools } from './porteurs.js';
import { drawWithoutRepeat, type Random } from './random.js';

export type PorteurPickers = ReturnType<typeof porteurPickers>;

/**
 * The porteur draws of the generator, over pools indexed once.
 *
 * @example
 * const picks = porteurPickers(seededRandom(1), porteurPools(cog));
 * picks.axe2(ruleInForce('axe-2', '2021-05-01')!).population // ≥ 500000
 */
export function porteurPickers(random: Random, pools: PorteurPools) {
  const bigCommunes = pools.communes.filter((c) => (c.population ?? 0) >= 10_000);
  const townCommunes = pools.communes.filter((c) => (c.population ?? 0) >= 1_000);
  const villageCommunes = pools.communes.filter((c) => (c.population ?? 0) < 1_000);
  const draws = {
    axe1: {
      departement: drawWithoutRepeat(random, pools.departements),
      epci: drawWithoutRepeat(random, pools.epci),
      commune: drawWithoutRepeat(random, bigCommunes),
      region: drawWithoutRepeat(random, pools.regions),
    },
    axe2bis: {
      town: drawWithoutRepeat(random, townCommunes),
      village: drawWithoutRepeat(random, villageCommunes),
      epci: drawWithoutRepeat(random, pools.epci),
      departement: drawWithoutRepeat(random, pools.departements),
      region: drawWithoutRepeat(random, pools.regions),
    },
  };
  const bySiren = new Map(
    [...pools.communes, ...pools.epci, ...pools.departements, ...pools.regions].map((p) => [p.siren, p]),
  );
  const byRegion = groupBy(
    [...pools.epci, ...pools.communes.filter((c) => (c.population ?? 0) >= 2_000)],
    (p) => p.regionCode,
  );
  const eligibleByRule = new Map<string, Map<string, Porteur[]>>();
  const perDepartement = new Map<string, ReturnType<typeof departementDraws>>();

  function departementDraws(dep: string) {
    const communes = pools.communes.filter((c) => c.departementCode === dep);
    const small = communes.filter((c) => (c.population ?? 0) < 10_000);
    const big = communes.filter((c) => (c.population ?? 0) >= 10_000);
    const epci = pools.epci.filter((e) => e.departementCode === dep);
    const departement = pools.departements.find((d) => d.departementCode === dep);
    return {
      entries: [
        ['small', small.length ? 0.7 : 0],
        ['epci', epci.length ? 0.22 : 0],
        ['big', big.length ? 0.05 : 0],
        ['departement', departement ? 0.03 : 0],
      ] as Array<[string, number]>,
      small: drawWithoutRepeat(random, small.length ? small : communes),
      epci: drawWithoutRepeat(random, epci.length ? epci : communes),
      big: drawWithoutRepeat(random, big.length ? big : communes),
      departement: () => departement ?? random.pick(communes),
    };
  }

  return {
    axe1(): Porteur {
      const kind = random.weighted([
        ['departement', 0.3],
        ['epci', 0.35],
        ['commune', 0.25],
        ['region', 0.1],
      ] as const);
      return draws.axe1[kind]();
    },
    /** Axe 2: only porteurs eligible under the rule, big collectivités having several projects. */
    axe2(rule: DispositifRule): Porteur {
      let byKind = eligibleByRule.get(rule.id);
      if (!byKind) {
        const eligible = [...pools.communes, ...pools.epci, ...pools.departements, ...pools.regions].filter(
          (p) => isEligible(rule, p),
        );
        byKind = groupBy(eligible, (p) => p.kind);
        eligibleByRule.set(rule.id, byKind);
      }
      const weights: Record<string, number> = { region: 0.2, departement: 0.4, epci: 0.3, commune: 0.1 };
      const kind = random.weighted([...byKind.keys()].sort().map((k) => [k, weights[k] ?? 0.1] as const));
      return random.pick(byKind.get(kind)!);
    },
    axe2bis(): Porteur {
      const kind = random.weighted([
        ['town', 0.78],
        ['village', 0.05],
        ['epci', 0.15],
        ['departement', 0.015],
        ['region', 0.005],
      ] as const);
      return draws.axe2bis[kind]();
    },
    axe3(dep: string): Porteur {
      let d = perDepartement.get(dep);
      if (!d) {
        d = departementDraws(dep);
        perDepartement.set(dep, d);
      }
      const kind = random.weighted(d.entries) as 'small' | 'epci' | 'big' | 'departement';
      return d[kind]();
    },
    /** Collectivités of the porteur's région that build the project with it. */
    partners(porteur: Porteur, n: number): Porteur[] {
      const candidates = (byRegion.get(porteur.regionCode ?? '') ?? []).filter(
        (p) => p.siren !== porteur.siren,
      );
      const out = new Map<string, Porteur>();
      for (let i = 0; i < n && candidates.length > 0; i++) {
        const p = random.pick(candidates);
        out.set(p.siren, p);
      }
      return [...out.values()];
    },
    bySiren: (siren: string) => bySiren.get(siren),
  };
}

function groupBy<T>(list: T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
