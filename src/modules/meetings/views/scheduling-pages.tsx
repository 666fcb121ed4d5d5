/**
 * The scheduling mode for organisers: the rankings so far, the assignment to run, the proposal to review
 * (satisfied requests beside the first-come-first-served baseline and the upper bound, by rank and by stand),
 * then publish or set aside.
 */
import { formatDateTime, formatNumber } from '../../../platform/i18n/format.js';
import type { Space, Stand } from '../meetings.domain.js';
import { organiserPath } from '../paths.js';
import type { Run } from '../scheduling/runs.js';
import { ButtonForm, Table } from './parts.js';

const percent = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((n / of) * 100)} %`);
const STATUS: Record<Run['status'], string> = {
  proposee: 'Proposition',
  publiee: 'Publiée',
  abandonnee: 'Écartée',
};

function RunReview(props: { eventId: string; run: Run; stands: Stand[]; csrf: string }) {
  const { run } = props;
  const name = new Map(props.stands.map((s) => [s.id, s.name]));
  const base = organiserPath(props.eventId, `planification/${run.id}`);
  return (
    <section class="fr-mt-4w">
      <h2>{run.status === 'publiee' ? 'Affectation publiée' : 'Proposition à relire'}</h2>
      <p>
        Calculée le {formatDateTime(run.createdAt)} par {run.createdBy}, en {formatNumber(run.durationMs)} ms.
        {run.publishedAt ? ` Publiée le ${formatDateTime(run.publishedAt)}.` : ''}
      </p>
      <Table caption="Demandes satisfaites" head={['', 'Affectation', 'Premier arrivé, premier servi']}>
        <tr>
          <th scope="row">Demandes satisfaites</th>
          <td>
            {formatNumber(run.satisfied)} sur {formatNumber(run.requests)} (
            {percent(run.satisfied, run.requests)})
          </td>
          <td>
            {formatNumber(run.baselineSatisfied)} ({percent(run.baselineSatisfied, run.requests)})
          </td>
        </tr>
        <tr>
          <th scope="row">Points de préférence (un 1er choix compte le plus)</th>
          <td>{formatNumber(run.score)}</td>
          <td>{formatNumber(run.baselineScore)}</td>
        </tr>
        {run.detail.byRank.map((n, i) => (
          <tr>
            <th scope="row">{i === 0 ? '1ers choix obtenus' : `${i + 1}es choix obtenus`}</th>
            <td>{formatNumber(n)}</td>
            <td>{formatNumber(run.detail.baselineByRank[i] ?? 0)}</td>
          </tr>
        ))}
      </Table>
      <p>
        Aucune affectation ne peut dépasser {formatNumber(run.detail.upperBound)} demandes satisfaites (places
        des stands demandés et limite par personne). Participants ayant classé des stands :{' '}
        {formatNumber(run.participants)}, dont {formatNumber(run.detail.withoutMeeting)} sans rendez-vous.
        {run.detail.published !== undefined
          ? ` Rendez-vous publiés : ${formatNumber(run.detail.published)} ; écartés car plus possibles au moment de publier : ${formatNumber(run.detail.skipped ?? 0)}.`
          : ''}
      </p>
      <Table caption="Par stand" head={['Stand', 'Demandes', 'Places', 'Rendez-vous']}>
        {run.detail.stands
          .slice()
          .sort((a, b) => b.demand - a.demand)
          .map((s) => (
            <tr>
              <th scope="row">{name.get(s.standId) ?? s.standId}</th>
              <td>{formatNumber(s.demand)}</td>
              <td>{formatNumber(s.places)}</td>
              <td>{formatNumber(s.assigned)}</td>
            </tr>
          ))}
      </Table>
      {run.status === 'proposee' ? (
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <ButtonForm
              action={`${base}/publier`}
              csrf={props.csrf}
              text="Publier les rendez-vous et prévenir chacun"
            />
          </li>
          <li>
            <ButtonForm
              action={`${base}/ecarter`}
              csrf={props.csrf}
              text="Écarter cette proposition"
              secondary
            />
          </li>
        </ul>
      ) : null}
    </section>
  );
}

export function SchedulingPage(props: {
  eventId: string;
  space: Space;
  ranked: number;
  runs: Run[];
  stands: Stand[];
  csrf: string;
  error: string | null;
}) {
  const { space } = props;
  if (space.mode !== 'planifie') {
    return (
      <p>
        L’espace fonctionne en réservation libre. Pour que les participants classent les stands et que vous
        établissiez les rendez-vous de chacun, choisissez le mode planification dans les{' '}
        <a href={organiserPath(props.eventId)}>réglages</a>.
      </p>
    );
  }
  const latest = props.runs.find((r) => r.status !== 'abandonnee');
  return (
    <>
      {props.error ? (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 class="fr-alert__title">{props.error}</h2>
        </div>
      ) : null}
      <p>
        {formatNumber(props.ranked)} participant{props.ranked > 1 ? 's ont' : ' a'} classé des stands.
        {space.rankingDeadline
          ? ` Date limite des classements : ${formatDateTime(space.rankingDeadline)}.`
          : ''}
      </p>
      <p>
        L’affectation donne à chacun des rendez-vous parmi les stands qu’il a classés, sans jamais dépasser la
        capacité d’un créneau, ni mettre quelqu’un à deux endroits à la fois, ni dépasser la limite par
        personne ; elle cherche à satisfaire le plus de demandes, puis les meilleurs choix. Rien n’est envoyé
        avant la publication.
      </p>
      {space.publishedRunId ? null : (
        <ButtonForm
          action={organiserPath(props.eventId, 'planification')}
          csrf={props.csrf}
          text="Calculer l’affectation"
        />
      )}
      {latest ? (
        <RunReview eventId={props.eventId} run={latest} stands={props.stands} csrf={props.csrf} />
      ) : null}
      {props.runs.length > 1 ? (
        <Table caption="Affectations calculées" head={['Calculée le', 'État', 'Demandes satisfaites']}>
          {props.runs.map((r) => (
            <tr>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>{STATUS[r.status]}</td>
              <td>
                {formatNumber(r.satisfied)} sur {formatNumber(r.requests)}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}
