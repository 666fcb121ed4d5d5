/**
 * The list of events: those to come (soonest first) and past ones (most recent first), as DSFR cards.
 */
import { DemoBadge } from '../../../../platform/ui/components.js';
import type { EventRecord } from '../../events.domain.js';
import { eventWhen } from '../../programme/timetable.js';
import { eventPath } from './event-page.js';

/**
 * The public list of events.
 *
 * @example
 * <EventListPage upcoming={upcoming} past={past} />
 */
export function EventListPage({ upcoming, past }: { upcoming: EventRecord[]; past: EventRecord[] }) {
  return (
    <>
      <h1>Événements</h1>
      <p class="fr-text--lead">
        Les journées et rencontres du programme Transformation numérique des territoires : programme,
        inscription, informations pratiques.
      </p>
      <h2>À venir</h2>
      {upcoming.length === 0 ? (
        <p>Aucun événement n’est annoncé pour le moment.</p>
      ) : (
        <Cards events={upcoming} />
      )}
      <h2 class="fr-mt-6w">Événements passés</h2>
      {past.length === 0 ? <p>Aucun événement passé.</p> : <Cards events={past} />}
    </>
  );
}

function Cards({ events }: { events: EventRecord[] }) {
  return (
    <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
      {events.map((e) => (
        <li class="fr-col-12 fr-col-md-6">
          <div class="fr-card fr-enlarge-link">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h3 class="fr-card__title">
                  <a href={eventPath(e.id)}>{e.title}</a>
                </h3>
                {e.summary ? <p class="fr-card__desc">{firstLine(e.summary)}</p> : null}
                <div class="fr-card__start">
                  {e.demonstration ? <DemoBadge /> : null}
                  <p class="fr-card__detail fr-icon-calendar-line">
                    <time datetime={e.startsAt}>{capitalise(eventWhen(e))}</time>
                  </p>
                </div>
                <div class="fr-card__end">
                  <p class="fr-card__detail fr-icon-map-pin-2-line">{placeOf(e)}</p>
                </div>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

function placeOf(e: EventRecord): string {
  const where = e.inPerson ? (e.venueName ?? e.address ?? 'En présentiel') : null;
  return [where, e.remote ? 'à distance' : null].filter(Boolean).join(' et ');
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 220 ? `${line.slice(0, 217)}…` : line;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
