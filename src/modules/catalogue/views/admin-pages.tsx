import { formatDateTime } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import { TextareaField } from '../../../platform/ui/fields.js';
import { Alert, CsrfField } from '../../../platform/ui/forms.js';
import {
  type HistoryEntry,
  SOLUTION_STATUSES,
  type Solution,
  type SolutionStatus,
} from '../catalogue.domain.js';
import type { Report, SolutionSummary } from '../catalogue.repository.js';
import type { Transition } from '../catalogue.workflow.js';
import { TransitionForm } from './edit-page.js';
import { statusBadge, statusLabel } from './labels.js';

export const ADMIN_PER_PAGE = 30;

/**
 * The back office's home: solutions by state (the queue of those waiting for review first), and the open
 * reports.
 */
export function AdminHome(props: {
  counts: Record<SolutionStatus, number>;
  status: SolutionStatus;
  list: { items: SolutionSummary[]; total: number };
  page: number;
  openReports: number;
}) {
  const pageCount = Math.max(1, Math.ceil(props.list.total / ADMIN_PER_PAGE));
  return (
    <>
      <h1>Catalogue de mutualisation : relecture et modération</h1>
      <p>
        <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/admin/catalogue/signalements">
          {props.openReports === 0
            ? 'Aucun signalement ouvert'
            : `${props.openReports} signalement${props.openReports > 1 ? 's' : ''} à traiter`}
        </a>
      </p>
      <nav class="fr-mb-3w" aria-label="Solutions par état">
        <ul class="fr-tags-group">
          {(Object.keys(SOLUTION_STATUSES) as SolutionStatus[]).map((s) => (
            <li>
              <a
                class="fr-tag"
                href={`/admin/catalogue?etat=${s}`}
                aria-current={s === props.status ? 'page' : undefined}
              >
                {`${statusLabel(s)} (${props.counts[s]})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{statusLabel(props.status)}</h2>
      {props.list.items.length === 0 ? <p>Aucune solution dans cet état.</p> : null}
      <ul>
        {props.list.items.map((s) => (
          <li>
            <a href={`/admin/catalogue/solutions/${s.id}`}>{s.name}</a>
            {s.verified ? ' — vérifiée' : ''}
            {s.submittedAt && s.status === 'soumise' ? ` — soumise le ${formatDateTime(s.submittedAt)}` : ''}
            {s.demonstration ? ' — démonstration' : ''}
          </li>
        ))}
      </ul>
      <Pagination
        page={props.page}
        pageCount={pageCount}
        hrefFor={(n) => `/admin/catalogue?etat=${props.status}&page=${n}`}
      />
    </>
  );
}

/** A solution under review: its state, the steps the reviewer may take, the « vérifié » mark, the history. */
export function ReviewPage(props: {
  solution: Solution;
  transitions: Transition[];
  canVerify: boolean;
  history: HistoryEntry[];
  csrf: string;
  notice: string | null;
  transitionError: { transition: Transition; motif: string; error: string } | null;
}) {
  const s = props.solution;
  return (
    <>
      <h1>Relire « {s.name} »</h1>
      <p>
        État : <span class={`fr-badge ${statusBadge(s.status)}`}>{statusLabel(s.status)}</span>{' '}
        {s.verified ? (
          <span class="fr-badge fr-badge--success">Vérifiée</span>
        ) : (
          <span class="fr-badge fr-badge--no-icon">Déclarée</span>
        )}
      </p>
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      <p class="fr-text--lead">{s.summary}</p>
      <p>
        <a href={`/catalogue/solutions/${s.id}`}>Voir la fiche complète</a> ·{' '}
        <a href={`/catalogue/solutions/${s.id}/modifier`}>Modifier la fiche</a>
      </p>
      <section aria-labelledby="decision">
        <h2 id="decision">Décision</h2>
        {props.transitions.length === 0 && !props.canVerify ? (
          <p>Aucune étape possible dans cet état.</p>
        ) : null}
        {props.transitions.map((t) => (
          <TransitionForm
            solutionId={s.id}
            transition={t}
            csrf={props.csrf}
            action={`/admin/catalogue/solutions/${s.id}/etat`}
            motif={props.transitionError?.transition === t ? props.transitionError.motif : ''}
            error={props.transitionError?.transition === t ? props.transitionError.error : undefined}
          />
        ))}
        {props.canVerify ? (
          <form method="post" action={`/admin/catalogue/solutions/${s.id}/verification`}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="verifiee" value={s.verified ? '0' : '1'} />
            <p class="fr-text--sm">
              « Vérifiée » dit que le programme a contrôlé les informations de la fiche (licence, code source,
              accessibilité, utilisateurs cités) ; sinon, elles sont seulement déclarées par l’équipe.
            </p>
            <button type="submit" class="fr-btn fr-btn--secondary">
              {s.verified ? 'Retirer la mention « vérifiée »' : 'Marquer comme vérifiée'}
            </button>
          </form>
        ) : null}
      </section>
      <section class="fr-mt-4w" aria-labelledby="historique">
        <h2 id="historique">Historique</h2>
        <ul>
          {props.history.map((e) => (
            <li>
              {`${formatDateTime(e.at)} — ${e.actorLabel} : ${e.action}`}
              {e.reason ? ` — motif : ${e.reason}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

const REPORT_STATUSES = { ouvert: 'Ouverts', traite: 'Traités', rejete: 'Rejetés' } as const;

/** The reports, by state; an open one can be closed as handled or dismissed, with a note. */
export function ReportsPage(props: {
  status: Report['status'];
  list: { items: Report[]; total: number };
  page: number;
  csrf: string;
  errors: Record<string, { note: string; error: string }>;
}) {
  const pageCount = Math.max(1, Math.ceil(props.list.total / ADMIN_PER_PAGE));
  return (
    <>
      <h1>Signalements du catalogue</h1>
      <nav class="fr-mb-3w" aria-label="Signalements par état">
        <ul class="fr-tags-group">
          {(Object.keys(REPORT_STATUSES) as Array<Report['status']>).map((s) => (
            <li>
              <a
                class="fr-tag"
                href={`/admin/catalogue/signalements?etat=${s}`}
                aria-current={s === props.status ? 'page' : undefined}
              >
                {REPORT_STATUSES[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.list.items.length === 0 ? <p>Aucun signalement.</p> : null}
      {props.list.items.map((r) => (
        <div class="fr-card fr-mb-3w">
          <div class="fr-card__body">
            <div class="fr-card__content">
              <h2 class="fr-card__title fr-h5">
                <a href={`/admin/catalogue/solutions/${r.solutionId}`}>{r.solutionName}</a>
                {r.contactId ? ' — un message' : ' — la fiche'}
              </h2>
              <p class="fr-card__desc">
                {`Signalé par ${r.reporterLabel} le ${formatDateTime(r.createdAt)} : ${r.reason}`}
              </p>
              {r.status !== 'ouvert' ? (
                <p class="fr-text--sm">{`${r.status === 'traite' ? 'Traité' : 'Rejeté'} par ${r.handledBy ?? '—'} : ${r.resolution ?? ''}`}</p>
              ) : (
                <form method="post" action={`/admin/catalogue/signalements/${r.id}`} novalidate>
                  <CsrfField token={props.csrf} />
                  <TextareaField
                    name={`note-${r.id}`}
                    label="Note de traitement"
                    hint="Obligatoire : ce qui a été fait, ou pourquoi rien n’est à faire."
                    value={props.errors[r.id]?.note ?? ''}
                    error={props.errors[r.id]?.error}
                    rows={2}
                  />
                  <ul class="fr-btns-group fr-btns-group--inline-sm">
                    <li>
                      <button type="submit" class="fr-btn fr-btn--sm" name="issue" value="traite">
                        Marquer comme traité
                      </button>
                    </li>
                    <li>
                      <button
                        type="submit"
                        class="fr-btn fr-btn--sm fr-btn--secondary"
                        name="issue"
                        value="rejete"
                      >
                        Rejeter
                      </button>
                    </li>
                  </ul>
                </form>
              )}
            </div>
          </div>
        </div>
      ))}
      <Pagination
        page={props.page}
        pageCount={pageCount}
        hrefFor={(n) => `/admin/catalogue/signalements?etat=${props.status}&page=${n}`}
      />
    </>
  );
}
