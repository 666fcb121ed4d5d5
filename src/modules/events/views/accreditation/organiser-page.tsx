import { formatDateTime, formatTime, plural } from '../../../../platform/i18n/format.js';
import { Alert, CsrfField } from '../../../../platform/ui/forms.js';
import type { AccreditationRow, AccreditationStatus } from '../../accreditation/accreditation.service.js';
import { type EventSummary, organiserPath } from '../../backoffice/deps.js';
import { OrganiserHeader, StatusBadge } from '../backoffice/organiser-nav.js';

export const ACCREDITATION_STATUSES: Record<AccreditationStatus, string> = {
  demandee: 'À examiner',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
};

/**
 * The organisers' list of press requests: each pending one with « Accepter » and a refusal form whose reason
 * is required (it goes to the journalist); decided ones with who decided, when, and whether the journalist
 * has arrived (their own check-in list).
 */
export function AccreditationsPage(props: {
  event: EventSummary;
  rows: AccreditationRow[];
  csrf: string;
  notice?: string;
  /** A refusal sent without its reason: the row and the message. */
  error?: { id: string; message: string };
  publicFormUrl: string;
}) {
  const { event, rows } = props;
  const pending = rows.filter((r) => r.status === 'demandee').length;
  const accepted = rows.filter((r) => r.status === 'acceptee');
  return (
    <>
      <OrganiserHeader event={event} title="Accréditations presse" current="accreditations" />
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      {props.error ? <Alert type="error" title={props.error.message} /> : null}
      <p>
        {plural(rows.length, 'demande', 'demandes', 'Aucune demande')}, dont{' '}
        {plural(pending, 'à examiner', 'à examiner', 'aucune à examiner')} ;{' '}
        {plural(
          accepted.length,
          'journaliste accrédité',
          'journalistes accrédités',
          'aucun journaliste accrédité',
        )}
        , {plural(accepted.filter((r) => r.checkedInAt).length, 'arrivé', 'arrivés', 'aucun arrivé')}. Le
        formulaire public : <a href={props.publicFormUrl}>{props.publicFormUrl}</a>
      </p>
      {rows.length === 0 ? null : (
        <div class="fr-table fr-table--bordered">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>Demandes d’accréditation</caption>
                  <thead>
                    <tr>
                      <th scope="col">Journaliste</th>
                      <th scope="col">Média</th>
                      <th scope="col">Carte de presse</th>
                      <th scope="col">État</th>
                      <th scope="col">Décision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <AccreditationLine
                        row={row}
                        event={event}
                        csrf={props.csrf}
                        error={props.error?.id === row.id ? props.error.message : undefined}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function AccreditationLine(props: {
  row: AccreditationRow;
  event: EventSummary;
  csrf: string;
  error?: string;
}) {
  const { row, event } = props;
  const base = organiserPath(event.id, `/accreditations/${row.id}`);
  const reasonId = `motif-${row.id}`;
  return (
    <tr id={`demande-${row.id}`}>
      <td>
        <strong>{row.fullName}</strong>
        <br />
        <a href={`mailto:${row.email}`}>{row.email}</a>
        <br />
        <span class="fr-text--xs">Reçue le {formatDateTime(row.createdAt)}</span>
      </td>
      <td>{row.media}</td>
      <td>
        {row.pressCard ?? '—'}
        {row.hasAttachment ? (
          <>
            <br />
            <a href={`${base}/piece-jointe`} download>
              Pièce jointe<span class="fr-sr-only"> de {row.fullName}</span>
            </a>
          </>
        ) : null}
      </td>
      <td>
        <StatusBadge status={row.status} label={ACCREDITATION_STATUSES[row.status]} />
        {row.status === 'acceptee' ? (
          <p class="fr-text--xs fr-mb-0">
            {row.checkedInAt ? `Arrivé à ${formatTime(row.checkedInAt)}` : 'Pas encore arrivé'}
          </p>
        ) : null}
      </td>
      <td>
        {row.status === 'demandee' ? (
          <>
            <form method="post" action={`${base}/decision`} class="fr-mb-2w">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="decision" value="accepter" />
              <button class="fr-btn fr-btn--sm" type="submit">
                Accepter<span class="fr-sr-only"> la demande de {row.fullName}</span>
              </button>
            </form>
            <form method="post" action={`${base}/decision`}>
              <CsrfField token={props.csrf} />
              <input type="hidden" name="decision" value="refuser" />
              <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for={reasonId}>
                  Motif du refus<span class="fr-sr-only"> pour {row.fullName}</span>
                  <span class="fr-hint-text">Envoyé au journaliste.</span>
                </label>
                <textarea
                  class={`fr-input${props.error ? ' fr-input--error' : ''}`}
                  id={reasonId}
                  name="motif"
                  rows={2}
                  aria-describedby={props.error ? `${reasonId}-erreur` : undefined}
                  aria-invalid={props.error ? 'true' : undefined}
                />
                {props.error ? (
                  <p class="fr-error-text" id={`${reasonId}-erreur`}>
                    {props.error}
                  </p>
                ) : null}
              </div>
              <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
                Refuser<span class="fr-sr-only"> la demande de {row.fullName}</span>
              </button>
            </form>
          </>
        ) : (
          <p class="fr-text--sm fr-mb-0">
            {row.decidedAt ? `Le ${formatDateTime(row.decidedAt)}` : ''}
            {row.decidedBy ? ` par ${row.decidedBy}` : ''}
            {row.reason ? ` — motif : ${row.reason}` : ''}
          </p>
        )}
      </td>
    </tr>
  );
}
