import type { Child } from 'hono/jsx';
import { formatDate, formatNumber, isoDay } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import { formatSiren } from '../../../../shared/siren.js';
import {
  type DispositifRule,
  type Laureat,
  PORTEUR_KIND_LABELS,
  stateShare,
  THEMES,
} from '../../fund.domain.js';
import type { PlaceNames } from '../../search/places.js';
import { dispositifLabel, formatEur, formatShare, statusBadgeClass, statusLabel } from './labels.js';
import { placeOf } from './laureat-card.js';

/**
 * A lauréat's page: what the project is, who carries it (the porteur links to its territory's page), the
 * dispositif and the rule that judged it (the version in force on the day it was filed), the money, the
 * dates, the status, its links and what it produced.
 *
 * @example
 * <LaureatPage laureat={laureat} rule={ruleInForce(l.dispositifCode, l.filedOn)} names={names} />
 */
export function LaureatPage({
  laureat: l,
  rule,
  names,
}: {
  laureat: Laureat;
  rule: DispositifRule | null;
  names: PlaceNames;
}) {
  const share = stateShare(l);
  const place = placeOf(l, names);
  return (
    <>
      <ul class="fr-badges-group fr-mb-1w">
        <li>
          <p class={`fr-badge ${statusBadgeClass(l.status)}`}>{statusLabel(l.status)}</p>
        </li>
        {l.demonstration ? (
          <li>
            <DemoBadge />
          </li>
        ) : null}
      </ul>
      <h1>{l.title}</h1>
      {l.demonstration ? (
        <p class="fr-text--sm nt-meta">
          Ce lauréat est inventé pour la démonstration : aucune liste publique des lauréats n’existe.
        </p>
      ) : null}
      {l.summary ? <p class="fr-text--lead">{l.summary}</p> : null}
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-7">
          <h2 class="fr-h4">Le porteur</h2>
          <dl class="nt-facts">
            <Fact label="Porteur">
              {l.territoryKey ? (
                <a href={`/territoires/${encodeURIComponent(l.territoryKey)}`}>{l.porteur.name}</a>
              ) : (
                l.porteur.name
              )}
            </Fact>
            <Fact label="Type">{PORTEUR_KIND_LABELS[l.porteur.kind] ?? l.porteur.kind}</Fact>
            <Fact label="SIREN">{formatSiren(l.porteur.siren)}</Fact>
            {place ? <Fact label="Territoire">{place}</Fact> : null}
            {l.population !== null ? (
              <Fact label="Population">{formatNumber(l.population)} habitants</Fact>
            ) : null}
          </dl>
          {l.coporteurs.length > 0 ? (
            <>
              <h3 class="fr-h6">Co-porteurs</h3>
              <ul>
                {l.coporteurs.map((c) => (
                  <li>
                    {c.name} (SIREN {formatSiren(c.siren)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 class="fr-h4">Ce que le projet a produit</h2>
          <p>{l.outputs || 'Rien n’est encore renseigné.'}</p>
          {l.siteUrl || l.sourceUrl ? (
            <ul class="fr-links-group">
              {l.siteUrl ? (
                <li>
                  <ExternalLink href={l.siteUrl}>Site du projet</ExternalLink>
                </li>
              ) : null}
              {l.sourceUrl ? (
                <li>
                  <ExternalLink href={l.sourceUrl}>Code source</ExternalLink>
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
        <div class="fr-col-12 fr-col-md-5">
          <h2 class="fr-h4">Le financement</h2>
          <dl class="nt-facts">
            <Fact label="Aide accordée">{formatEur(l.amountEur)}</Fact>
            {l.totalCostEur !== null ? (
              <Fact label="Coût total du projet">{formatEur(l.totalCostEur)}</Fact>
            ) : null}
            {share !== null ? <Fact label="Part de l’État">{formatShare(share)}</Fact> : null}
            <Fact label="Dispositif">
              <a href={`/dispositifs/${encodeURIComponent(l.dispositifCode)}`}>
                {dispositifLabel(l.dispositifCode)}
              </a>
            </Fact>
            {l.filedOn ? (
              <Fact label="Dossier déposé le">
                <time datetime={isoDay(l.filedOn)}>{formatDate(l.filedOn)}</time>
              </Fact>
            ) : null}
            <Fact label="Décision le">
              <time datetime={isoDay(l.decidedOn)}>{formatDate(l.decidedOn)}</time>
            </Fact>
          </dl>
          {rule ? (
            <div class="fr-callout fr-mt-2w">
              <h3 class="fr-callout__title fr-h6">
                {l.filedOn ? 'Règle en vigueur au dépôt du dossier' : 'Règle en vigueur à la décision'}
              </h3>
              <p class="fr-callout__text fr-text--sm">
                Version du {formatDate(rule.validFrom)} : {rule.notes}
              </p>
            </div>
          ) : null}
          {l.themes.length > 0 ? (
            <>
              <h3 class="fr-h6 fr-mt-2w">Thèmes</h3>
              <ul class="fr-tags-group">
                {l.themes.map((t) => (
                  <li>
                    <a class="fr-tag fr-tag--sm" href={`/laureats?theme=${encodeURIComponent(t)}`}>
                      {THEMES[t] ?? t}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
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

/** A link to another site: opens in a new tab, said to screen readers too; only http(s) addresses become links. */
function ExternalLink({ href, children }: { href: string; children: string }) {
  if (!/^https?:\/\//i.test(href))
    return (
      <span>
        {children} : {href}
      </span>
    );
  return (
    <a
      class="fr-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={`${children} — nouvelle fenêtre`}
    >
      {children}
    </a>
  );
}
