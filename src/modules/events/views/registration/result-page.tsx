import { MODES, type Mode } from '../../events.domain.js';
import { parisSpan } from '../../registration/mail/format.js';
import type { EventContext } from '../../registration/queries.js';
import type { RegistrationOutcome } from '../../registration/register.js';

type Shown = Exclude<RegistrationOutcome, { status: 'fermee' | 'invalide' }>;

const TITLES: Record<Shown['status'], string> = {
  confirmee: 'Votre inscription est confirmée',
  validation: 'Votre demande d’inscription a bien été reçue',
  attente: 'Vous êtes sur la liste d’attente',
  refusee: 'Votre inscription n’a pas été retenue',
  'deja-inscrit': 'Vous êtes déjà inscrit',
};

/** The page title of an outcome. */
export const resultTitle = (o: Shown) => TITLES[o.status];

/** What the form answered: the same page for the first answer and for a replay. */
export function ResultPage({
  outcome,
  event,
  loggedIn,
}: {
  outcome: Shown;
  event: EventContext;
  loggedIn: boolean;
}) {
  const sessionTitle = (id: string) => event.sessions.find((s) => s.id === id)?.title ?? id;
  const type = outcome.status === 'confirmee' ? 'success' : outcome.status === 'refusee' ? 'error' : 'info';
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-lg-8">
        <h1>{TITLES[outcome.status]}</h1>
        <div class={`fr-alert fr-alert--${type} fr-mb-3w`} role="status">
          <p>
            {outcome.status === 'confirmee'
              ? `Vous êtes inscrit à « ${event.title} » (${MODES[outcome.mode as Mode].toLowerCase()}), ${parisSpan(event.startsAt, event.endsAt)}.`
              : outcome.status === 'validation'
                ? `Votre demande d’inscription à « ${event.title} » doit être validée par l’équipe organisatrice. Une place vous est réservée en attendant.`
                : outcome.status === 'attente'
                  ? `« ${event.title} » est complet : vous êtes sur la liste d’attente, dans l’ordre d’arrivée. Si une place se libère, elle vous sera proposée par courriel.`
                  : outcome.status === 'refusee'
                    ? `Motif : ${outcome.reason}`
                    : `Une inscription à « ${event.title} » existe déjà pour cette adresse : aucune seconde inscription n’a été créée.`}
          </p>
        </div>
        {'sessions' in outcome && outcome.sessions.length > 0 ? (
          <>
            <h2>Vos sessions</h2>
            <ul>
              {outcome.sessions.map((s) => (
                <li>
                  {sessionTitle(s.sessionId)} :{' '}
                  {s.status === 'confirmee' ? 'place réservée' : 'sur la liste d’attente de la session'}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          {outcome.status === 'deja-inscrit'
            ? `Un courriel vient d’être envoyé à ${outcome.email} avec le lien pour consulter ou modifier votre inscription.`
            : `Un courriel de confirmation a été envoyé à ${outcome.email}, avec le lien pour consulter, modifier ou annuler votre inscription.`}
        </p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          {loggedIn ? (
            <li>
              <a class="fr-btn" href="/mes-inscriptions">
                Mes inscriptions
              </a>
            </li>
          ) : null}
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/evenements/${encodeURIComponent(event.id)}`}>
              Retour à l’événement
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** A short page that says one thing (closed registration, unknown link, forged form…). */
export function MessagePage({
  title,
  children,
  back,
}: {
  title: string;
  children: string;
  back?: { href: string; label: string };
}) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-lg-8">
        <h1>{title}</h1>
        <p>{children}</p>
        {back ? (
          <p>
            <a class="fr-link" href={back.href}>
              {back.label}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
