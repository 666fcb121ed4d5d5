// Check-in at the door (modules/events/views/checkin/checkin-page.tsx), as progressive enhancement: without
// this script the page's forms post to the server. With it:
// - the attendee list and the badge public key are fetched once and kept in localStorage, so the page keeps
//   working when the network goes;
// - a badge (camera with BarcodeDetector, a barcode reader typing into the field, or a pasted payload) is
//   verified here, offline, with WebCrypto Ed25519 (same format as checkin/badge-token.ts);
// - each arrival is queued with an id made on this device and sent when the network is there; the server
//   counts a scan sent twice once, so the queue may be resent without fear;
// - every outcome is announced in a polite live region; a second scan shows the time of the first.
// No inline style (the CSP forbids it): DSFR classes and the `hidden` attribute only.
import { setupCamera } from './checkin-camera.js';
import { renderSearch } from './checkin-search.js';
import { verifyBadge } from './checkin-verify.js';

const root = document.getElementById('emargement');
if (root) start(root);

function start(root) {
  const config = root.dataset;
  const storeKey = `nt-emargement:${config.evenement}`;
  const $ = (selector) => root.querySelector(selector);
  const announce = $('[data-nt-annonce]');
  const network = $('[data-nt-reseau]');
  const badgeForm = $('[data-nt-badge-form]');
  const badgeField = badgeForm?.querySelector('input[name="badge"]');
  const searchForm = $('[data-nt-search-form]');
  const searchField = searchForm?.querySelector('input[name="q"]');
  const results = $('[data-nt-resultats]');
  const clearButton = $('[data-nt-effacer]');

  let data = read('donnees') ?? null;
  let queue = read('file') ?? [];
  let lastServerTime = read('heure') ?? null;
  let key = null;
  let flushing = false;
  let flushTimer = null;
  const device = deviceId();

  function read(part) {
    try {
      return JSON.parse(localStorage.getItem(`${storeKey}:${part}`) ?? 'null');
    } catch {
      return null;
    }
  }
  function write(part, value) {
    try {
      localStorage.setItem(`${storeKey}:${part}`, JSON.stringify(value));
    } catch {
      say('warning', 'Mémoire de l’appareil pleine', 'Les passages ne sont plus gardés hors ligne.');
    }
  }
  function deviceId() {
    let id = localStorage.getItem('nt-emargement:appareil');
    if (!id) {
      id = `appareil-${uuid().slice(0, 8)}`;
      localStorage.setItem('nt-emargement:appareil', id);
    }
    return id;
  }

  function say(tone, title, text) {
    const box = document.createElement('div');
    box.className = `fr-alert fr-alert--${tone}`;
    const heading = document.createElement('p');
    heading.className = 'fr-alert__title';
    heading.textContent = title;
    box.append(heading);
    if (text) {
      const p = document.createElement('p');
      p.textContent = text;
      box.append(p);
    }
    announce.replaceChildren(box);
  }

  const time = (iso) =>
    new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })
      .format(new Date(iso))
      .replace(':', ' h ');
  const byId = (id) => data?.personnes.find((p) => p.id === id) ?? null;
  const profileLabel = (p) => data?.profils?.[p] ?? p;

  function render() {
    if (!data) return;
    const arrived = data.personnes.filter((p) => p.checkedInAt).length;
    $('[data-nt-arrivees]').textContent = arrived.toLocaleString('fr-FR');
    $('[data-nt-attendus]').textContent = data.personnes.length.toLocaleString('fr-FR');
    for (const cell of root.querySelectorAll('[data-nt-etat]')) {
      const person = byId(cell.dataset.ntEtat);
      if (person)
        cell.textContent = person.checkedInAt ? `arrivé à ${time(person.checkedInAt)}` : 'pas encore arrivé';
    }
    network.hidden = false;
    const waiting = queue.length;
    network.textContent = `${navigator.onLine ? 'En ligne' : 'Hors ligne'} — ${
      waiting === 0
        ? 'tous les passages sont envoyés'
        : `${waiting} passage${waiting > 1 ? 's' : ''} en attente d’envoi`
    }.`;
    clearButton.hidden = false;
  }

  async function publicKey() {
    if (key) return key;
    if (!data?.clePublique) return null;
    try {
      key = await crypto.subtle.importKey('jwk', data.clePublique, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      key = null;
    }
    return key;
  }

  async function loadData() {
    try {
      const response = await fetch(config.donnees, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok || !response.headers.get('content-type')?.includes('json')) return;
      const fresh = await response.json();
      // Arrivals still in the queue are not on the server yet: keep them.
      for (const scan of queue) {
        const person = fresh.personnes.find((p) => p.id === scan.registrationId);
        if (person && !person.checkedInAt) person.checkedInAt = scan.scannedAt;
      }
      data = fresh;
      key = null;
      lastServerTime = fresh.heureServeur;
      write('donnees', data);
      write('heure', lastServerTime);
      render();
    } catch {
      // Offline: the copy kept on the device serves.
    }
  }

  async function handlePayload(raw) {
    const payload = raw.trim();
    if (!payload) return say('error', 'Collez ou scannez le contenu du badge.');
    if (!data) return say('error', 'Liste non chargée', 'Connectez l’appareil au réseau une première fois.');
    const k = await publicKey();
    if (!k)
      return say(
        'error',
        'Vérification impossible',
        'Ce navigateur ne sait pas vérifier les badges : utilisez la recherche par nom.',
      );
    const claims = await verifyBadge(payload, k);
    if (!claims)
      return say(
        'error',
        'Badge non reconnu',
        'Sa signature ne correspond pas : ce badge n’a pas été émis par la plateforme.',
      );
    if (claims.eventId !== config.evenement) return say('error', 'Badge d’un autre événement', claims.name);
    const person = byId(claims.registrationId) ?? {
      id: claims.registrationId,
      name: claims.name,
      profile: claims.profile,
      organisation: null,
      checkedInAt: null,
      horsListe: true,
    };
    checkIn(person, claims.profile === 'presse');
  }

  function checkIn(person, press) {
    const label = `${person.name}${press || person.profile === 'presse' ? ' (PRESSE)' : ''}`;
    if (person.checkedInAt) {
      say('warning', `Déjà enregistré : ${label}`, `Premier passage à ${time(person.checkedInAt)}.`);
      return;
    }
    const scan = { id: uuid(), registrationId: person.id, scannedAt: new Date().toISOString(), device };
    person.checkedInAt = scan.scannedAt;
    if (person.horsListe) data.personnes.push(person);
    queue.push(scan);
    write('file', queue);
    write('donnees', data);
    render();
    const arrived = data.personnes.filter((p) => p.checkedInAt).length;
    say(
      'success',
      `Bienvenue ${label}`,
      `${profileLabel(person.profile)}. Arrivée enregistrée à ${time(scan.scannedAt)}${
        person.horsListe ? ' (absent de la liste de l’appareil : vérifié au retour du réseau)' : ''
      }. ${arrived} arrivée${arrived > 1 ? 's' : ''}.`,
    );
    scheduleFlush();
  }

  function scheduleFlush(delay = 500) {
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, delay);
  }

  async function flush() {
    if (flushing || queue.length === 0 || !navigator.onLine) return render();
    flushing = true;
    const batch = queue.slice(0, 200);
    try {
      const response = await fetch(config.scans, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': config.csrf,
        },
        body: JSON.stringify({ scans: batch }),
      });
      if (response.status === 403 || response.redirected) {
        say('error', 'Session expirée', 'Reconnectez-vous : les passages restent gardés sur l’appareil.');
        return;
      }
      if (!response.ok) return;
      const answer = await response.json();
      const done = new Set(answer.resultats.map((r) => r.id));
      queue = queue.filter((s) => !done.has(s.id));
      write('file', queue);
      for (const r of answer.resultats) {
        const person = byId(r.inscription);
        if (r.etat === 'inconnu' || r.etat === 'non-confirmee') {
          if (person) person.checkedInAt = null;
          say(
            'error',
            `Passage refusé : ${person?.name ?? 'badge inconnu'}`,
            'Inscription annulée ou introuvable : orientez la personne vers les organisateurs.',
          );
        } else if (person && r.premier) {
          person.checkedInAt = r.premier;
        }
      }
      write('donnees', data);
    } catch {
      // The network went again: the queue waits for the next try.
    } finally {
      flushing = false;
      render();
      if (queue.length > 0 && navigator.onLine) scheduleFlush(5000);
    }
  }

  async function pullArrivals() {
    if (!navigator.onLine || !data) return;
    try {
      const url = `${config.arrivees}?depuis=${encodeURIComponent(lastServerTime ?? '')}`;
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok || !response.headers.get('content-type')?.includes('json')) return;
      const answer = await response.json();
      for (const a of answer.arrivees) {
        const person = byId(a.registrationId);
        if (person && (!person.checkedInAt || a.checkedInAt < person.checkedInAt))
          person.checkedInAt = a.checkedInAt;
      }
      lastServerTime = answer.heureServeur;
      write('heure', lastServerTime);
      write('donnees', data);
      render();
    } catch {
      // Offline for now.
    }
  }

  function renderResults(text) {
    renderSearch(results, data?.personnes ?? [], text, {
      time,
      profileLabel,
      onCheckIn(person) {
        checkIn(person, false);
        renderResults(searchField.value);
        searchField.focus();
      },
    });
  }

  badgeForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = badgeField.value;
    badgeField.value = '';
    handlePayload(value).finally(() => badgeField.focus());
  });
  searchForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    renderResults(searchField.value);
  });
  searchField?.addEventListener('input', () => renderResults(searchField.value));
  clearButton?.addEventListener('click', () => {
    if (queue.length > 0) {
      say(
        'warning',
        'Des passages ne sont pas encore envoyés',
        'Reconnectez l’appareil au réseau avant d’effacer ses données.',
      );
      return;
    }
    for (const part of ['donnees', 'file', 'heure']) localStorage.removeItem(`${storeKey}:${part}`);
    data = null;
    results.replaceChildren();
    say('success', 'Données effacées de cet appareil');
  });
  window.addEventListener('online', () => {
    render();
    scheduleFlush(0);
    pullArrivals();
  });
  window.addEventListener('offline', render);

  setupCamera({
    zone: $('[data-nt-camera-zone]'),
    button: $('[data-nt-camera]'),
    video: $('[data-nt-video]'),
    onPayload: handlePayload,
    onError: () =>
      say('error', 'Caméra indisponible', 'Autorisez la caméra, ou utilisez le champ « Contenu du badge ».'),
  });
  render();
  loadData().then(() => scheduleFlush(0));
  setInterval(() => {
    scheduleFlush(0);
    pullArrivals();
  }, 15_000);
  if ('serviceWorker' in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: config.portee }).catch(() => {});
  }
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
