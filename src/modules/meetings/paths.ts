/** The addresses of the espace de rencontres' pages. */

/**
 * A page of the participants' space of an event.
 *
 * @example
 * spacePath('journee-2023', 'mon-agenda') // '/evenements/journee-2023/rencontres/mon-agenda'
 */
export function spacePath(eventId: string, sub?: string): string {
  return `/evenements/${encodeURIComponent(eventId)}/rencontres${sub ? `/${sub}` : ''}`;
}

/**
 * A page of the organisers' side of an event's space.
 *
 * @example
 * organiserPath('journee-2023', 'creneaux') // '/organisation/evenements/journee-2023/rencontres/creneaux'
 */
export function organiserPath(eventId: string, sub?: string): string {
  return `/organisation/evenements/${encodeURIComponent(eventId)}/rencontres${sub ? `/${sub}` : ''}`;
}
