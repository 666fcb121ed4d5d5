import { CsrfField } from '../../../../platform/ui/forms.js';
import { MODES, type Mode, REGISTRATION_STATUSES, type RegistrationStatus } from '../../events.domain.js';
import { parisDateTime, parisSpan } from '../../registration/mail/format.js';
import type { RegistrationView } from '../../registration/read.js';
import { ChoiceGroup } from './fields.js';

export interface ManageProps {
  view: RegistrationView;
  /** `/inscriptions/<token>` or `/mes-inscriptions/<id>`: where this page's forms post. */
  base: string;
  csrf: string;
  notice?: { type: 'success' | 'info' | 'error'; text: string };
  errors?: Record<string, string>;
  /** Changes are possible until the event starts. */
  canChange: boolean;
}

const SESSION_STATES: Record<string, string> = {
  confirmee: 'place réservée',
  offre: 'place proposée',
  attente: 'liste d’attente',
};

/** A participant's registration: where it stands, and what they can do (accept an offer, change, cancel). */
export function ManagePage({ view, base, csrf, notice, errors = {}, canChange }: ManageProps) {
  const { event } = view;
  const live = ['confirmee', 'validation', 'attente', 'offre'].includes(view.status);
  const modes = [
    ...(event.inPerson ? [{ value: 'presentiel', label: 'En présentiel' }] : []),
    ...(event.remote ? [{ value: 'distance', label: 'À distance' }] : []),
  ];
  const chosen = new Set(view.sessions.map((s) => s.id));
  const sessions = event.sessions.filter((s) => !s.closed || view.invited.has(s.id) || chosen.has(s.id));
  const offers = view.sessions.filter((s) => s.status === 'offre');
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-lg-8">
        <h1>Mon inscription : {event.title}</h1>
        {notice ? (
          <div
            class={`fr-alert fr-alert--${notice.type} fr-mb-3w`}
            role={notice.type === 'error' ? 'alert' : 'status'}
          >
            <p>{notice.text}</p>
          </div>
        ) : null}
        <p class="fr-badge fr-badge--info fr-mb-2w">
          {REGISTRATION_STATUSES[view.status as RegistrationStatus] ?? view.status}
        </p>
        <ul>
          <li>
            {view.givenName} {view.familyName} ({view.email})
          </li>
          <li>{parisSpan(event.startsAt, event.endsAt)}</li>
          <li>Participation : {MODES[view.mode as Mode].toLowerCase()}</li>
          {view.waitingRank !== null ? <li>Rang sur la liste d’attente : {view.waitingRank}</li> : null}
          {view.refusalReason && view.status === 'refusee' ? (
            <li>Motif du refus : {view.refusalReason}</li>
          ) : null}
        </ul>
        {view.sessions.length > 0 ? (
          <>
            <h2>Mes sessions</h2>
            <ul>
              {view.sessions.map((s) => (
                <li>
                  {s.title} ({parisDateTime(s.startsAt)}) : {SESSION_STATES[s.status] ?? s.status}
                </li>
              ))}
            </ul>
            <p>
              <a class="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${base}/mes-sessions.ics`}>
                Ajouter mes sessions à mon agenda (fichier .ics)
              </a>
            </p>
          </>
        ) : null}
        {view.status === 'offre' || offers.length > 0 ? (
          <form method="post" action={`${base}/accepter`} class="fr-mb-4w">
            <CsrfField token={csrf} />
            <h2>Une place vous est proposée</h2>
            <p>
              {view.status === 'offre' && view.offerExpiresAt
                ? `Une place s’est libérée pour vous : elle vous est réservée jusqu’au ${parisDateTime(view.offerExpiresAt)}.`
                : `Une place s’est libérée dans : ${offers.map((o) => o.title).join(', ')}.`}
            </p>
            <button type="submit" class="fr-btn">
              Accepter la place
            </button>
          </form>
        ) : null}
        {live && canChange ? (
          <form method="post" action={`${base}/modifier`} class="fr-mb-4w">
            <CsrfField token={csrf} />
            <h2>Modifier mon inscription</h2>
            {modes.length > 1 ? (
              <ChoiceGroup
                name="mode"
                legend="Mode de participation"
                options={modes}
                checked={(v) => v === view.mode}
                error={errors.mode}
              />
            ) : null}
            {sessions.length > 0 ? (
              <ChoiceGroup
                name="sessions"
                type="checkbox"
                legend="Mes sessions"
                hint="Une session complète vous inscrit sur sa liste d’attente ; une session décochée libère votre place."
                options={sessions.map((s) => ({
                  value: s.id,
                  label: s.title,
                  hint: parisDateTime(s.startsAt),
                }))}
                checked={(v) => chosen.has(v)}
                error={errors.sessions}
              />
            ) : null}
            <input type="hidden" name="sessions_envoyees" value="1" />
            <button type="submit" class="fr-btn fr-btn--secondary">
              Enregistrer les modifications
            </button>
          </form>
        ) : null}
        {live ? (
          <>
            <h2>Annuler mon inscription</h2>
            <p>Votre place sera libérée aussitôt et proposée à la première personne de la liste d’attente.</p>
            <a class="fr-btn fr-btn--tertiary" href={`${base}/annuler`}>
              Annuler mon inscription
            </a>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** The confirmation step before cancelling (a link in an e-mail must never cancel by itself). */
export function CancelPage({ view, base, csrf }: { view: RegistrationView; base: string; csrf: string }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-lg-8">
        <h1>Annuler mon inscription</h1>
        <p>
          Vous êtes sur le point d’annuler votre inscription à « {view.event.title} ». Votre place sera
          proposée à la personne suivante : cette action est définitive.
        </p>
        <form method="post" action={`${base}/annuler`}>
          <CsrfField token={csrf} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" class="fr-btn">
                Confirmer l’annulation
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={base}>
                Garder mon inscription
              </a>
            </li>
          </ul>
        </form>
      </div>
    </div>
  );
}

/** « Mes inscriptions »: the registrations of the logged-in person. */
export function MyRegistrationsPage({
  items,
}: {
  items: Array<{ id: string; status: string; title: string; startsAt: string }>;
}) {
  return (
    <>
      <h1>Mes inscriptions</h1>
      {items.length === 0 ? (
        <p>
          Vous n’avez aucune inscription à un événement. <a href="/evenements">Voir les événements</a>
        </p>
      ) : (
        <div class="fr-table">
          <table>
            <caption>Vos inscriptions aux événements</caption>
            <thead>
              <tr>
                <th scope="col">Événement</th>
                <th scope="col">Date</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr>
                  <td>
                    <a href={`/mes-inscriptions/${encodeURIComponent(r.id)}`}>{r.title}</a>
                  </td>
                  <td>{parisDateTime(r.startsAt)}</td>
                  <td>{REGISTRATION_STATUSES[r.status as RegistrationStatus] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
