import { formatNumber, formatTime } from '../../../../platform/i18n/format.js';
import { APP_PREFIX } from '../../../../platform/ui/assets-paths.js';
import { CsrfField, InputField } from '../../../../platform/ui/forms.js';
import { type EventSummary, organiserPath } from '../../backoffice/deps.js';
import type { Attendee } from '../../checkin/checkin.service.js';
import { MODES, PROFILES } from '../../events.domain.js';
import { OrganiserHeader } from '../backoffice/organiser-nav.js';

export const CHECKIN_SCRIPT = `${APP_PREFIX}checkin.js`;

export interface CheckinMessage {
  tone: 'success' | 'warning' | 'error';
  title: string;
  text?: string;
}

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

/**
 * The check-in page, for a phone or a tablet at the door. Without JavaScript it is a form for the badge's
 * content (a barcode reader types it) and a name search with « Marquer présent » buttons. With `checkin.js`
 * it scans with the camera, verifies badges offline, keeps the list on the device and queues arrivals until
 * the network returns; everything the script needs is in `data-` attributes (the CSP allows no inline script).
 */
export function CheckinPage(props: {
  event: EventSummary;
  checkInOnly: boolean;
  csrf: string;
  counts: { arrived: number; expected: number; pressArrived: number; pressExpected: number };
  query: string;
  results: Attendee[] | null;
  press: Attendee[];
  message?: CheckinMessage;
}) {
  const { event, counts } = props;
  const base = organiserPath(event.id, '/emargement');
  return (
    <>
      <OrganiserHeader
        event={event}
        title="Émargement"
        current="emargement"
        checkInOnly={props.checkInOnly}
      />
      <div
        id="emargement"
        data-evenement={event.id}
        data-donnees={`${base}/donnees.json`}
        data-scans={`${base}/scans`}
        data-arrivees={`${base}/arrivees.json`}
        data-sw={organiserPath(event.id, '/emargement-sw.js')}
        data-portee={base}
        data-csrf={props.csrf}
      >
        <p class="fr-text--lead fr-mb-1w">
          Arrivées : <strong data-nt-arrivees>{formatNumber(counts.arrived)}</strong> sur{' '}
          <span data-nt-attendus>{formatNumber(counts.expected)}</span> personnes attendues
        </p>
        <p class="fr-text--sm fr-mb-2w" data-nt-reseau hidden />
        <div role="status" aria-live="polite" aria-atomic="true" data-nt-annonce class="fr-mb-3w">
          {props.message ? <MessageBox message={props.message} /> : null}
        </div>

        <h2>Scanner un badge</h2>
        <div data-nt-camera-zone hidden>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button
                type="button"
                class="fr-btn fr-btn--lg fr-icon-camera-line fr-btn--icon-left"
                data-nt-camera
              >
                Activer la caméra
              </button>
            </li>
          </ul>
          <video
            class="fr-responsive-img fr-mb-2w"
            data-nt-video
            muted
            playsinline
            hidden
            aria-label="Aperçu de la caméra"
          />
        </div>
        <form method="post" action={`${base}/badge`} data-nt-badge-form>
          <CsrfField token={props.csrf} />
          <InputField
            name="badge"
            label="Contenu du badge"
            hint="Avec un lecteur de codes : scannez, il valide seul. Sinon, collez le contenu du code QR (il commence par NT1.)."
            autocomplete="off"
            spellcheck={false}
          />
          <button class="fr-btn fr-btn--lg" type="submit">
            Valider le badge
          </button>
        </form>

        <h2 class="fr-mt-5w">Rechercher une personne</h2>
        <form method="get" action={base} role="search" data-nt-search-form>
          <InputField
            name="q"
            label="Nom, prénom ou organisation"
            value={props.query}
            autocomplete="off"
            spellcheck={false}
          />
          <button class="fr-btn fr-btn--secondary" type="submit" data-nt-search-button>
            Rechercher
          </button>
        </form>
        <div data-nt-resultats class="fr-mt-2w">
          {props.results ? (
            <SearchResults results={props.results} base={base} csrf={props.csrf} query={props.query} />
          ) : null}
        </div>

        <h2 class="fr-mt-5w">Presse accréditée</h2>
        <p>
          {formatNumber(counts.pressArrived)} arrivée(s) sur {formatNumber(counts.pressExpected)}{' '}
          journaliste(s) accrédité(s).
        </p>
        {props.press.length === 0 ? (
          <p>Aucun journaliste accrédité pour le moment.</p>
        ) : (
          <ul class="fr-raw-list">
            {props.press.map((p) => (
              <li class="fr-mb-1w">
                <strong>{p.name}</strong>
                {p.organisation ? ` — ${p.organisation}` : ''} :{' '}
                <span data-nt-etat={p.id}>
                  {p.checkedInAt ? `arrivé à ${formatTime(p.checkedInAt)}` : 'pas encore arrivé'}
                </span>
              </li>
            ))}
          </ul>
        )}

        <h2 class="fr-mt-5w">Cet appareil</h2>
        <p class="fr-text--sm">
          Avec JavaScript, la liste des personnes attendues est gardée sur cet appareil pour fonctionner sans
          réseau. Effacez-la à la fin de l’accueil.
        </p>
        <button type="button" class="fr-btn fr-btn--tertiary" data-nt-effacer hidden>
          Effacer les données de cet appareil
        </button>
      </div>
      <script type="module" src={CHECKIN_SCRIPT} />
    </>
  );
}

function MessageBox({ message }: { message: CheckinMessage }) {
  return (
    <div class={`fr-alert fr-alert--${message.tone}`}>
      <p class="fr-alert__title">{message.title}</p>
      {message.text ? <p>{message.text}</p> : null}
    </div>
  );
}

function SearchResults(props: { results: Attendee[]; base: string; csrf: string; query: string }) {
  if (props.results.length === 0) return <p>Aucune personne attendue ne correspond à « {props.query} ».</p>;
  return (
    <ul class="fr-raw-list">
      {props.results.map((a) => (
        <li class="fr-card fr-card--no-arrow fr-mb-2w">
          <div class="fr-card__body">
            <div class="fr-card__content">
              <h3 class="fr-card__title">{a.name}</h3>
              <p class="fr-card__desc">
                {[a.organisation, label(PROFILES, a.profile), label(MODES, a.mode)]
                  .filter(Boolean)
                  .join(' — ')}
              </p>
              {a.checkedInAt ? (
                <p class="fr-badge fr-badge--success">Arrivé à {formatTime(a.checkedInAt)}</p>
              ) : (
                <form method="post" action={`${props.base}/presence`}>
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="inscription" value={a.id} />
                  <input type="hidden" name="q" value={props.query} />
                  <button class="fr-btn fr-btn--lg" type="submit">
                    Marquer présent<span class="fr-sr-only"> : {a.name}</span>
                  </button>
                </form>
              )}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
