import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/format.js';
import { DemoBadge } from '../../../platform/ui/components.js';
import { Alert, CsrfField } from '../../../platform/ui/forms.js';
import type { LaureatRef } from '../catalogue.deps.js';
import {
  ACCESSIBILITY_STATUSES,
  ADOPTION_MODES,
  COST_MODELS,
  type HistoryEntry,
  isFreeLicence,
  LICENCES,
  MAINTAINER_ROLES,
  MATURITIES,
  type Solution,
  type SolutionUse,
  USE_STATUSES,
} from '../catalogue.domain.js';
import { themeLabel } from '../catalogue.themes.js';
import type { PlaceNames } from '../search/public-service.js';
import { label, statusBadge, statusLabel } from './labels.js';
import { formatMonth, SolutionUsers } from './solution-users.js';

export interface SolutionPageProps {
  solution: Solution;
  laureats: LaureatRef[];
  uses: SolutionUse[];
  names: PlaceNames;
  reachable: ReadonlySet<string>;
  /** The viewer's own declarations (their organisations'), and whether they may declare at all. */
  own: { sirens: string[]; uses: SolutionUse[] } | null;
  loggedIn: boolean;
  canEdit: boolean;
  teamReachable: boolean;
  history: HistoryEntry[] | null;
  csrf: string | null;
  notice: string | null;
}

const Row = ({ term, children }: { term: string; children: Child }) => (
  <>
    <dt class="fr-text--bold fr-mb-0">{term}</dt>
    <dd class="fr-ml-0 fr-mb-2w">{children}</dd>
  </>
);

const link = (url: string | null, text: string) =>
  url ? (
    <a href={url} rel="noopener">
      {text}
    </a>
  ) : (
    'Non renseignée'
  );

/**
 * A solution's page: what it solves, its facts (licence, code, documentation, maturity, how to adopt it,
 * cost, accessibility and security), its screenshots, the lauréats that financed it, who maintains and who
 * uses it; and what the viewer can do — declare that their organisation uses it, write to its team, report it.
 */
export function SolutionPage(p: SolutionPageProps) {
  const s = p.solution;
  return (
    <>
      <h1>{s.name}</h1>
      <ul class="fr-badges-group fr-mb-2w">
        {s.status !== 'publiee' ? (
          <li>
            <p class={`fr-badge ${statusBadge(s.status)}`}>{statusLabel(s.status)}</p>
          </li>
        ) : null}
        <li>
          <p class="fr-badge fr-badge--info fr-badge--no-icon">{label(MATURITIES, s.maturity)}</p>
        </li>
        <li>
          {s.verified ? (
            <p class="fr-badge fr-badge--success">Informations vérifiées par le programme</p>
          ) : (
            <p class="fr-badge fr-badge--no-icon">Informations déclarées par l’équipe</p>
          )}
        </li>
        {s.demonstration ? (
          <li>
            <DemoBadge />
          </li>
        ) : null}
      </ul>
      {p.notice ? <Alert type="success" title={p.notice} /> : null}
      <p class="fr-text--lead">{s.summary}</p>
      {s.verified && s.verifiedAt ? (
        <p class="fr-text--sm">
          Le programme Transformation numérique des territoires a vérifié ces informations le{' '}
          {formatDate(s.verifiedAt)}.
        </p>
      ) : (
        <p class="fr-text--sm">
          Ces informations sont déclarées par l’équipe de la solution ; le programme ne les a pas encore
          vérifiées.
        </p>
      )}
      <Actions {...p} />
      {s.description ? (
        <section class="fr-mt-4w" aria-labelledby="description">
          <h2 id="description">Description</h2>
          {s.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </section>
      ) : null}
      <section class="fr-mt-4w" aria-labelledby="fiche">
        <h2 id="fiche">La fiche</h2>
        <dl>
          <Row term="Thèmes">{s.themes.map(themeLabel).join(', ') || 'Non renseignés'}</Row>
          <Row term="Licence">
            {label(LICENCES, s.licence)}
            {isFreeLicence(s.licence) ? ' (logiciel libre)' : ''}
          </Row>
          <Row term="Code source">{link(s.sourceUrl, s.sourceUrl ?? '')}</Row>
          <Row term="Documentation">{link(s.documentationUrl, s.documentationUrl ?? '')}</Row>
          {s.websiteUrl ? <Row term="Site de présentation">{link(s.websiteUrl, s.websiteUrl)}</Row> : null}
          <Row term="Comment l’adopter">
            {s.adoptionModes.map((m) => label(ADOPTION_MODES, m)).join(', ') || 'Non renseigné'}
          </Row>
          <Row term="Coût">
            {label(COST_MODELS, s.costModel)}
            {s.costDetails ? ` — ${s.costDetails}` : ''}
          </Row>
          <Row term="Accessibilité">
            {label(ACCESSIBILITY_STATUSES, s.accessibilityStatus)}
            {s.accessibilityStatement ? <p class="fr-mb-0">{s.accessibilityStatement}</p> : null}
          </Row>
          <Row term="Sécurité">{s.securityStatement || 'Aucune déclaration.'}</Row>
        </dl>
      </section>
      {s.screenshots.length > 0 ? (
        <section class="fr-mt-4w" aria-labelledby="captures">
          <h2 id="captures">Captures d’écran</h2>
          <div class="fr-grid-row fr-grid-row--gutters">
            {s.screenshots.map((shot) => (
              <div class="fr-col-12 fr-col-md-6">
                <img
                  class="fr-responsive-img"
                  src={`/catalogue/solutions/${s.id}/captures/${shot.id}`}
                  alt={shot.altText}
                  loading="lazy"
                />
              </div>
            ))}
          </div>
        </section>
      ) : null}
      <section class="fr-mt-4w" aria-labelledby="equipe">
        <h2 id="equipe">Qui la construit</h2>
        {s.maintainers.length > 0 ? (
          <ul>
            {s.maintainers.map((m) => (
              <li>
                <a href={`/catalogue/organisations/${m.siren}`}>{m.name}</a> (
                {label(MAINTAINER_ROLES, m.role).toLowerCase()})
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune organisation n’est indiquée.</p>
        )}
        {p.laureats.length > 0 ? (
          <>
            <h3>Financée par le fonds France Relance</h3>
            <ul>
              {p.laureats.map((l) => (
                <li>
                  <a href={`/laureats/${encodeURIComponent(l.id)}`}>{l.title}</a> — {l.porteurName}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {s.status === 'publiee' ? (
        <SolutionUsers solutionId={s.id} uses={p.uses} names={p.names} reachable={p.reachable} />
      ) : null}
      {p.history ? <History entries={p.history} /> : null}
    </>
  );
}

function Actions(p: SolutionPageProps) {
  const s = p.solution;
  if (s.status !== 'publiee') {
    return p.canEdit ? (
      <p>
        <a class="fr-btn" href={`/catalogue/solutions/${s.id}/modifier`}>
          Modifier cette solution
        </a>
      </p>
    ) : null;
  }
  const declared = p.own?.uses ?? [];
  return (
    <section class="fr-mt-4w fr-p-3w fr-background-alt--grey" aria-labelledby="agir">
      <h2 id="agir" class="fr-h4">
        Vous êtes intéressé par cette solution ?
      </h2>
      {declared.map((u) => (
        <div class="fr-mb-2w">
          <p class="fr-mb-1w">
            {`${u.organisationName} a déclaré : « ${label(USE_STATUSES, u.status)} »`}
            {u.since ? ` (depuis ${formatMonth(u.since)})` : ''}.
          </p>
          {p.csrf ? (
            <form method="post" action={`/catalogue/solutions/${s.id}/utiliser/retirer`} class="fr-mb-1w">
              <CsrfField token={p.csrf} />
              <input type="hidden" name="organisation" value={u.organisationSiren} />
              <ul class="fr-btns-group fr-btns-group--inline-sm">
                <li>
                  <a
                    class="fr-btn fr-btn--secondary"
                    href={`/catalogue/solutions/${s.id}/utiliser?organisation=${u.organisationSiren}`}
                  >
                    Modifier la déclaration
                  </a>
                </li>
                <li>
                  <button type="submit" class="fr-btn fr-btn--tertiary">
                    Retirer la déclaration<span class="fr-sr-only"> de {u.organisationName}</span>
                  </button>
                </li>
              </ul>
            </form>
          ) : null}
        </div>
      ))}
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {(p.own?.sirens.length ?? 0) > declared.length || !p.loggedIn ? (
          <li>
            <a class="fr-btn" href={`/catalogue/solutions/${s.id}/utiliser`}>
              Nous l’utilisons ou souhaitons l’utiliser
            </a>
          </li>
        ) : null}
        <li>
          <a class="fr-btn fr-btn--secondary" href={`/catalogue/solutions/${s.id}/contacter`}>
            Contacter l’équipe
          </a>
        </li>
        {p.canEdit ? (
          <li>
            <a class="fr-btn fr-btn--tertiary" href={`/catalogue/solutions/${s.id}/modifier`}>
              Modifier la fiche
            </a>
          </li>
        ) : null}
      </ul>
      {!p.teamReachable ? (
        <p class="fr-text--sm fr-mb-0">L’équipe n’a pas encore de référent joignable par la plateforme.</p>
      ) : null}
      <p class="fr-text--sm fr-mt-2w fr-mb-0">
        <a href={`/catalogue/solutions/${s.id}/signaler`}>Signaler un problème sur cette fiche</a>
      </p>
    </section>
  );
}

function History({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section class="fr-mt-6w" aria-labelledby="historique">
      <h2 id="historique">Historique éditorial</h2>
      <ul>
        {entries.map((e) => (
          <li>
            {`${formatDateTime(e.at)} — ${e.actorLabel} : ${e.action}`}
            {e.toStatus && e.fromStatus !== e.toStatus
              ? ` (${statusLabel(e.fromStatus ?? '')} → ${statusLabel(e.toStatus)})`
              : ''}
            {e.reason ? ` — motif : ${e.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
