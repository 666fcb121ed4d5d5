// The check-in page's name search (see checkin.js): the list kept on the device, filtered as the person types,
// without regard to case or accents, each result with a big « Marquer présent » button.

/**
 * @param {HTMLElement} container where the results go
 * @param {Array<{ id: string, name: string, organisation: string | null, profile: string, checkedInAt: string | null }>} people
 * @param {string} text what was typed
 * @param {{ time: (iso: string) => string, profileLabel: (p: string) => string, onCheckIn: (person: object) => void }} how
 * @example
 * renderSearch(results, data.personnes, 'martin', { time, profileLabel, onCheckIn: (p) => checkIn(p) });
 */
export function renderSearch(container, people, text, { time, profileLabel, onCheckIn }) {
  const folded = fold(text);
  if (!folded) return container.replaceChildren();
  const found = people.filter((p) => fold(`${p.name} ${p.organisation ?? ''}`).includes(folded)).slice(0, 20);
  if (found.length === 0) {
    const p = document.createElement('p');
    p.textContent = `Aucune personne attendue ne correspond à « ${text} ».`;
    return container.replaceChildren(p);
  }
  const list = document.createElement('ul');
  list.className = 'fr-raw-list';
  for (const person of found) {
    const item = document.createElement('li');
    item.className = 'fr-mb-2w';
    const name = document.createElement('p');
    name.className = 'fr-mb-1v';
    const strong = document.createElement('strong');
    strong.textContent = person.name;
    name.append(
      strong,
      ` — ${[person.organisation, profileLabel(person.profile)].filter(Boolean).join(' — ')}`,
    );
    item.append(name);
    if (person.checkedInAt) {
      const badge = document.createElement('p');
      badge.className = 'fr-badge fr-badge--success';
      badge.textContent = `Arrivé à ${time(person.checkedInAt)}`;
      item.append(badge);
    } else {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'fr-btn fr-btn--lg';
      button.textContent = 'Marquer présent';
      const hidden = document.createElement('span');
      hidden.className = 'fr-sr-only';
      hidden.textContent = ` : ${person.name}`;
      button.append(hidden);
      button.addEventListener('click', () => onCheckIn(person));
      item.append(button);
    }
    list.append(item);
  }
  container.replaceChildren(list);
}

/** Lower case without accents (the server's `fold` in checkin.service.ts does the same). */
export function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
