import type { Child } from 'hono/jsx';
import { formatNumber, plural } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import { formatSiren } from '../../../shared/siren.js';
import {
  displayName,
  KIND_PLURALS,
  kindLabel,
  type Territory,
  territoryPath,
} from '../territories.domain.js';
import type { MemberList, TerritoryDetails } from '../territories.service.js';

const ALIAS_LABELS = {
  'commune-deleguee': 'Commune déléguée',
  'commune-associee': 'Commune associée',
  'ancien-code': 'Ancien code',
} as const;

/**
 * A territory's page: its name and kind, its key facts (codes, population, postcodes, parents as links), the
 * territories inside it, and the sections later modules add (what was financed here), or a placeholder.
 *
 * @example
 * <TerritoryPage details={await territories.details(grenoble, 1)} extra={[]} />
 */
export function TerritoryPage({ details, extra }: { details: TerritoryDetails; extra: Child[] }) {
  const t = details.territory;
  return (
    <>
      <p class="fr-badge fr-badge--blue-ecume fr-mb-1w">{kindLabel(t)}</p>
      <h1>{displayName(t)}</h1>
      <dl class="nt-facts">
        <Fact label={t.kind === 'epci' ? 'SIREN' : 'Code officiel géographique (INSEE)'}>
          {t.kind === 'epci' ? formatSiren(t.code) : t.code}
        </Fact>
        {t.siren && t.kind !== 'epci' ? <Fact label="SIREN">{formatSiren(t.siren)}</Fact> : null}
        {t.population !== null ? (
          <Fact
            label={
              t.kind === 'commune' || t.kind === 'arrondissement' ? 'Population municipale' : 'Population'
            }
          >
            {plural(t.population, 'habitant', 'habitants')}
          </Fact>
        ) : null}
        {t.postcodes.length > 0 ? (
          <Fact label={t.postcodes.length > 1 ? 'Codes postaux' : 'Code postal'}>
            {t.postcodes.join(', ')}
          </Fact>
        ) : null}
        <ParentFact label="Commune" parent={details.commune} />
        <ParentFact label="Intercommunalité" parent={details.epci} />
        <ParentFact label="Département" parent={details.departement} />
        <ParentFact label="Région" parent={details.region} />
        {t.kind === 'commune' && !details.epci ? (
          <Fact label="Intercommunalité">Aucune (commune isolée)</Fact>
        ) : null}
      </dl>
      {details.aliases.some((a) => a.kind !== 'ancien-code') ? (
        <section class="fr-mb-4w" aria-labelledby="anciennes-communes">
          <h2 id="anciennes-communes" class="fr-h4">
            Communes déléguées et associées
          </h2>
          <ul>
            {details.aliases
              .filter((a) => a.kind !== 'ancien-code')
              .map((a) => (
                <li>
                  {(a.name ?? '').replace(/'/g, '’')} ({ALIAS_LABELS[a.kind].toLowerCase()}, code {a.code})
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      {details.aliases.some((a) => a.kind === 'ancien-code') ? (
        <p class="fr-text--sm nt-meta">
          Anciens codes INSEE :{' '}
          {details.aliases
            .filter((a) => a.kind === 'ancien-code')
            .map((a) => a.code)
            .join(', ')}
        </p>
      ) : null}
      {details.members.map((list) => (
        <Members territory={t} list={list} />
      ))}
      <section class="fr-mt-6w" aria-labelledby="finance-ici">
        <h2 id="finance-ici">Ce qui a été financé ici</h2>
        {extra.length > 0 ? extra : <p>Aucun financement n’est encore publié pour ce territoire.</p>}
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: Child }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ParentFact({ label, parent }: { label: string; parent: Territory | null }) {
  if (!parent) return null;
  return (
    <Fact label={label}>
      <a href={territoryPath(parent)}>{displayName(parent)}</a>
      {parent.kind === 'epci' ? ` (${kindLabel(parent).toLowerCase()})` : null}
    </Fact>
  );
}

function Members({ territory, list }: { territory: Territory; list: MemberList }) {
  const id = `membres-${list.kind}`;
  const title =
    territory.kind === 'epci'
      ? 'Communes membres'
      : territory.kind === 'commune'
        ? 'Arrondissements municipaux'
        : KIND_PLURALS[list.kind];
  return (
    <section class="fr-mb-4w" aria-labelledby={id} id={`liste-${list.kind}`}>
      <h2 id={id} class="fr-h4">
        {title} <span class="fr-text--md nt-meta">({formatNumber(list.total)})</span>
      </h2>
      {list.pageCount > 1 ? (
        <p class="fr-text--sm nt-meta">
          Classées par population, page {list.page} sur {list.pageCount}.
        </p>
      ) : null}
      <ul class="nt-compact-list">
        {list.items.map((m) => (
          <li>
            <a href={territoryPath(m)}>{displayName(m)}</a>
            {m.population !== null ? (
              <span class="fr-text--xs nt-meta"> · {formatNumber(m.population)} hab.</span>
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(n) => `${territoryPath(territory)}${n > 1 ? `?page=${n}` : ''}#liste-${list.kind}`}
      />
    </section>
  );
}
