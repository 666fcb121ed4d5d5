import { formatDate } from '../../../platform/i18n/format.js';
import { Alert, CsrfField } from '../../../platform/ui/forms.js';
import type { SolutionSummary } from '../catalogue.repository.js';
import { statusBadge, statusLabel } from './labels.js';

export interface ScopeLine {
  scope: string;
  label: string;
  href: string | null;
  accepted: boolean;
}

/**
 * « Mes solutions »: the solutions this person proposed (drafts, in review, refused with the reason…), and the
 * scopes they answer for, each with their consent to receive messages through the platform.
 *
 * @example
 * <MySolutions proposed={items} scopes={lines} csrf={t} notice={null} canPropose />
 */
export function MySolutions(props: {
  proposed: SolutionSummary[];
  scopes: ScopeLine[];
  csrf: string;
  notice: string | null;
  canPropose: boolean;
}) {
  return (
    <>
      <h1>Mes solutions</h1>
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      <section aria-labelledby="proposees">
        <h2 id="proposees">Les solutions que j’ai proposées</h2>
        {props.proposed.length === 0 ? <p>Vous n’avez proposé aucune solution.</p> : null}
        <ul class="fr-raw-list">
          {props.proposed.map((s) => (
            <li class="fr-mb-2w">
              <a href={`/catalogue/solutions/${s.id}`}>{s.name}</a>{' '}
              <span class={`fr-badge fr-badge--sm ${statusBadge(s.status)}`}>{statusLabel(s.status)}</span>
              {` — modifiée le ${formatDate(s.updatedAt)}`}
              {s.status === 'brouillon' && s.refusalReason ? (
                <p class="fr-text--sm fr-mb-0">Renvoyée par la relecture : {s.refusalReason}</p>
              ) : null}
            </li>
          ))}
        </ul>
        {props.canPropose ? (
          <p>
            <a class="fr-btn fr-btn--secondary" href="/catalogue/proposer">
              Proposer une solution
            </a>
          </p>
        ) : null}
      </section>
      <section class="fr-mt-4w" aria-labelledby="messages">
        <h2 id="messages">Recevoir des messages</h2>
        <p>
          Les personnes connectées peuvent écrire, par la plateforme, à l’équipe d’une solution ou à une
          organisation qui l’utilise. Les messages vous parviennent par courriel si vous l’acceptez ; votre
          adresse n’est jamais affichée.
        </p>
        {props.scopes.length === 0 ? (
          <p>Vous n’êtes référent d’aucune solution ni d’aucune organisation.</p>
        ) : null}
        <ul class="fr-raw-list">
          {props.scopes.map((line) => (
            <li class="fr-mb-2w">
              <form method="post" action="/catalogue/preferences">
                <CsrfField token={props.csrf} />
                <input type="hidden" name="perimetre" value={line.scope} />
                <input type="hidden" name="accepter" value={line.accepted ? '0' : '1'} />
                <p class="fr-mb-1w">
                  {line.href ? <a href={line.href}>{line.label}</a> : line.label} :{' '}
                  {line.accepted ? 'vous recevez les messages.' : 'vous ne recevez pas les messages.'}
                </p>
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">
                  {line.accepted ? 'Ne plus recevoir les messages' : 'Recevoir les messages'}
                  <span class="fr-sr-only"> pour {line.label}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
