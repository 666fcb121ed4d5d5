import { DemoBadge } from '../../../platform/ui/components.js';
import type { SolutionUse } from '../catalogue.domain.js';
import type { PlaceNames } from '../search/public-service.js';
import { organisationsCount } from './labels.js';
import { UsersMap } from './users-map.js';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const monthFmt = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « septembre 2022 » from `2022-09`. */
export function formatMonth(yyyyMm: string | null): string | null {
  if (!yyyyMm || !/^\d{4}-\d{2}$/.test(yyyyMm)) return null;
  return monthFmt.format(new Date(`${yyyyMm}-01T00:00:00Z`));
}

/** Groups declarations by région, then département (organisations without a place last). */
function byPlace(uses: SolutionUse[], names: PlaceNames) {
  const groups = new Map<
    string,
    { label: string; departements: Map<string, { label: string; uses: SolutionUse[] }> }
  >();
  for (const u of uses) {
    const rKey = u.regionCode ?? '~';
    const region = groups.get(rKey) ?? {
      label: u.regionCode ? names.region(u.regionCode) : 'Sans territoire précisé',
      departements: new Map(),
    };
    groups.set(rKey, region);
    const dKey = u.departementCode ?? '~';
    const dep = region.departements.get(dKey) ?? {
      label: u.departementCode
        ? `${names.departement(u.departementCode)} (${u.departementCode})`
        : 'Toute la région',
      uses: [],
    };
    region.departements.set(dKey, dep);
    dep.uses.push(u);
  }
  const sorted = <T,>(m: Map<string, T & { label: string }>) =>
    [...m.entries()].sort((a, b) =>
      a[0] === '~' ? 1 : b[0] === '~' ? -1 : a[1].label.localeCompare(b[1].label, 'fr'),
    );
  return sorted(groups).map(([, r]) => ({
    label: r.label,
    departements: sorted(r.departements).map(([code, d]) => ({ code, ...d })),
  }));
}

/**
 * « Qui l’utilise »: how many organisations, a map by département with its table, then the list by région and
 * département — each organisation linked to its page, with since when, its use case, its instance, and a way
 * to write to it when its référents accept messages.
 *
 * @example
 * <SolutionUsers solutionId="salle-sur-demande" uses={uses} names={names} reachable={new Set(['213801855'])} />
 */
export function SolutionUsers(props: {
  solutionId: string;
  uses: SolutionUse[];
  names: PlaceNames;
  reachable: ReadonlySet<string>;
}) {
  const users = props.uses.filter((u) => u.status === 'utilise');
  const interested = props.uses.filter((u) => u.status === 'souhaite');
  const counts: Record<string, number> = {};
  for (const u of users)
    if (u.departementCode) counts[u.departementCode] = (counts[u.departementCode] ?? 0) + 1;
  return (
    <section class="fr-mt-6w" aria-labelledby="utilisateurs">
      <h2 id="utilisateurs">Qui l’utilise</h2>
      <p>
        {users.length === 0
          ? 'Aucune organisation n’a encore déclaré l’utiliser.'
          : `Utilisée par ${organisationsCount(users.length)}.`}
        {interested.length > 0
          ? ` ${capitalised(organisationsCount(interested.length))} souhaite${interested.length > 1 ? 'nt' : ''} l’utiliser.`
          : ''}
      </p>
      {users.length > 0 ? (
        <>
          <UsersMap
            id="carte-solution"
            title="Organisations utilisatrices, par département"
            counts={counts}
            names={props.names}
            hrefFor={(d) => `#departement-${d}`}
          />
          <h3 class="fr-mt-4w">La liste, par territoire</h3>
          <UseList
            solutionId={props.solutionId}
            uses={users}
            names={props.names}
            reachable={props.reachable}
          />
        </>
      ) : null}
      {interested.length > 0 ? (
        <>
          <h3 class="fr-mt-4w">Les organisations qui souhaitent l’utiliser</h3>
          <UseList
            solutionId={props.solutionId}
            uses={interested}
            names={props.names}
            reachable={props.reachable}
          />
        </>
      ) : null}
    </section>
  );
}

function UseList(props: {
  solutionId: string;
  uses: SolutionUse[];
  names: PlaceNames;
  reachable: ReadonlySet<string>;
}) {
  const anchors = props.uses.some((u) => u.status === 'utilise');
  return (
    <>
      {byPlace(props.uses, props.names).map((region) => (
        <div class="fr-mb-3w">
          <h4 class="fr-h6 fr-mb-1w">{region.label}</h4>
          {region.departements.map((dep) => (
            <div id={anchors && dep.code !== '~' ? `departement-${dep.code}` : undefined}>
              <p class="fr-text--bold fr-mb-1v">{dep.label}</p>
              <ul>
                {dep.uses.map((u) => (
                  <li>
                    <a href={`/catalogue/organisations/${u.organisationSiren}`}>{u.organisationName}</a>
                    {u.since ? ` — depuis ${formatMonth(u.since)}` : ''}
                    {u.useCase ? ` : ${u.useCase}` : ''}
                    {u.instanceUrl ? (
                      <>
                        {' '}
                        (
                        <a href={u.instanceUrl} rel="noopener">
                          son instance
                        </a>
                        )
                      </>
                    ) : null}
                    {props.reachable.has(u.organisationSiren) ? (
                      <>
                        {' — '}
                        <a
                          href={`/catalogue/solutions/${props.solutionId}/contacter?organisation=${u.organisationSiren}`}
                        >
                          Contacter cette organisation<span class="fr-sr-only"> ({u.organisationName})</span>
                        </a>
                      </>
                    ) : null}
                    {u.demonstration ? <DemoBadge /> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
