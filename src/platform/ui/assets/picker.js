// The collectivité picker's progressive enhancement (see modules/territories/views/collectivite-picker.tsx).
// Without this script the field is a text field and a « Rechercher » button; with it, the text field becomes
// a WAI-ARIA 1.2 combobox with a listbox popup (list autocomplete, manual selection): suggestions fetched as
// the person types, arrow keys to move through them, Enter to choose, Escape to close, and a polite live
// region announcing how many results came. The chosen territory's key goes into the hidden field.
// No inline style anywhere (the CSP forbids them): the look is app.css's classes and the `hidden` attribute.

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

let pickers = 0;

/** "N résultats", as announced to screen readers. */
function countLabel(n) {
  if (n === 0) return 'Aucun résultat';
  return n === 1 ? '1 résultat' : `${n} résultats`;
}

function enhance(root) {
  const input = root.querySelector('input.fr-input');
  const hidden = root.querySelector('[data-nt-picker-code]');
  const wrap = root.querySelector('.fr-input-wrap');
  if (!input || !hidden || !wrap || root.hasAttribute('data-nt-picker-ready')) return;
  root.setAttribute('data-nt-picker-ready', '');
  pickers += 1;
  const id = input.id || `nt-picker-${pickers}`;
  input.id = id;

  const labelElement = root.querySelector('label');
  const labelText = labelElement?.firstChild?.textContent?.trim() || 'Suggestions';

  const listbox = document.createElement('ul');
  listbox.id = `${id}-liste`;
  listbox.className = 'nt-picker__listbox';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', labelText);
  listbox.hidden = true;
  wrap.after(listbox);

  const status = document.createElement('p');
  status.className = 'fr-sr-only';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.id = `${id}-statut`;
  root.append(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  root.classList.add('nt-picker--enhanced');
  // The no-JavaScript « Rechercher » button leaves the page: hidden, it would still be the form's default
  // button, and Enter in any field would "click" it instead of submitting the form.
  const searchButton = root.querySelector('.nt-picker__search');
  searchButton?.remove();

  const source = root.getAttribute('data-source') || '/territoires/suggestions';
  const types = root.getAttribute('data-types') || '';
  let results = [];
  let active = -1;
  let timer = 0;
  let controller = null;
  let sequence = 0;

  function announce(text) {
    // Emptied first, so that the same count typed twice is announced twice.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function isOpen() {
    return !listbox.hidden;
  }

  function open() {
    if (results.length === 0) return;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    setActive(-1);
  }

  function setActive(index) {
    active = index;
    for (const [i, option] of [...listbox.children].entries()) {
      const selected = i === index;
      option.setAttribute('aria-selected', selected ? 'true' : 'false');
      option.classList.toggle('nt-picker__option--active', selected);
      if (selected) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    }
    if (index < 0) input.removeAttribute('aria-activedescendant');
  }

  function render(list) {
    results = list;
    listbox.replaceChildren(
      ...list.map((result, i) => {
        const option = document.createElement('li');
        option.id = `${id}-option-${i}`;
        option.className = 'nt-picker__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.index = String(i);
        const label = document.createElement('span');
        label.className = 'nt-picker__label';
        label.textContent = result.libelle;
        option.append(label);
        if (result.precision) {
          const detail = document.createElement('span');
          detail.className = 'nt-picker__detail';
          detail.textContent = ` — ${result.precision}`;
          option.append(detail);
        }
        return option;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (list.length > 0) open();
    else close();
    announce(countLabel(list.length));
  }

  function choose(index) {
    const result = results[index];
    if (!result) return;
    input.value = result.libelle;
    hidden.value = result.code;
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
    close();
    announce(`${result.libelle} sélectionné`);
  }

  async function fetchSuggestions(q) {
    const mine = ++sequence;
    controller?.abort();
    controller = new AbortController();
    const url = new URL(source, window.location.origin);
    url.searchParams.set('q', q);
    if (types) url.searchParams.set('types', types);
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      // An answer to an older query arriving late must not replace the newer one's.
      if (mine === sequence) render(Array.isArray(body.resultats) ? body.resultats : []);
    } catch (error) {
      if (error?.name === 'AbortError' || mine !== sequence) return;
      results = [];
      listbox.replaceChildren();
      close();
      announce('Les suggestions sont indisponibles : utilisez le bouton « Rechercher ».');
      root.classList.remove('nt-picker--enhanced');
      if (searchButton && !searchButton.isConnected) wrap.append(searchButton);
    }
  }

  input.addEventListener('input', () => {
    // The text no longer names the chosen territory: the key goes with it.
    hidden.value = '';
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_CHARS) {
      sequence += 1;
      results = [];
      listbox.replaceChildren();
      close();
      return;
    }
    timer = window.setTimeout(() => fetchSuggestions(q), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const count = results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          if (!event.altKey) setActive(0);
        } else setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          setActive(count - 1);
        } else setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          hidden.value = '';
        }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => close());
  // A click on an option must not blur the field first: the option would be gone before the click lands.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    if (option) choose(Number(option.getAttribute('data-index')));
  });
}

for (const root of document.querySelectorAll('[data-nt-picker]')) enhance(root);
