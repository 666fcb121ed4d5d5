import { formatDateTime, plural } from '../../../../platform/i18n/format.js';
import { Pagination } from '../../../../platform/ui/components.js';
import { Alert, CsrfField } from '../../../../platform/ui/forms.js';
import { type EventSummary, organiserPath } from '../../backoffice/deps.js';
import { type EventMessage, OUTBOX_STATUS_LABELS } from '../../backoffice/messages.js';
import { OrganiserHeader } from './organiser-nav.js';

const TONES: Record<string, string> = {
  'en-attente': 'info',
  envoi: 'info',
  envoye: 'success',
  echec: 'error',
};

/**
 * The event's e-mails with where each stands, and « Renvoyer »: a failed or waiting message goes back in the
 * queue as it is, a sent one is sent again as a new copy.
 */
export function MessagesPage(props: {
  event: EventSummary;
  items: EventMessage[];
  total: number;
  page: number;
  perPage: number;
  csrf: string;
  notice?: string;
}) {
  const base = organiserPath(props.event.id, '/courriels');
  return (
    <>
      <OrganiserHeader event={props.event} title="Courriels de l’événement" current="messages" />
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      <p>
        {plural(props.total, 'courriel', 'courriels', 'Aucun courriel')} envoyé(s) aux participants et
        journalistes.
      </p>
      {props.items.length === 0 ? null : (
        <div class="fr-table fr-table--bordered">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>Courriels, du plus récent au plus ancien</caption>
                  <thead>
                    <tr>
                      <th scope="col">Destinataire</th>
                      <th scope="col">Objet</th>
                      <th scope="col">État</th>
                      <th scope="col">Créé le</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {props.items.map((m) => (
                      <tr>
                        <td>{m.recipient}</td>
                        <td>{m.subject}</td>
                        <td>
                          <p class={`fr-badge fr-badge--sm fr-badge--${TONES[m.status] ?? 'info'}`}>
                            {OUTBOX_STATUS_LABELS[m.status]}
                          </p>
                          <p class="fr-text--xs fr-mb-0">
                            {m.sentAt
                              ? `Envoyé le ${formatDateTime(m.sentAt)}`
                              : plural(m.attempts, 'tentative', 'tentatives', 'Aucune tentative')}
                            {m.status === 'echec' && m.lastError ? ` — ${m.lastError.slice(0, 200)}` : ''}
                          </p>
                        </td>
                        <td>{formatDateTime(m.createdAt)}</td>
                        <td>
                          <form method="post" action={`${base}/${m.id}/renvoyer`}>
                            <CsrfField token={props.csrf} />
                            <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
                              Renvoyer
                              <span class="fr-sr-only">
                                {' '}
                                le courriel « {m.subject} » à {m.recipient}
                              </span>
                            </button>
                          </form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <Pagination
        page={props.page}
        pageCount={Math.max(1, Math.ceil(props.total / props.perPage))}
        hrefFor={(n) => `${base}?page=${n}`}
      />
    </>
  );
}
