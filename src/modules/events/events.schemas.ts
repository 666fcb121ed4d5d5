/**
 * The organisers' forms, read and checked with French messages on the field. A form's date and time fields go
 * in pairs (`startDate` + `startTime`), and the pair's error is reported under one key (`start`) that the view
 * ties to both inputs. What needs the stored event (a session inside the event's times, a room of this
 * event) is checked by the service.
 */
import { z } from 'zod';
import { PROFILES, type Profile, QUESTION_KINDS, SESSION_KINDS } from './events.domain.js';
import {
  capacity,
  checkbox,
  normalizeDate,
  normalizeTime,
  oneOf,
  optionalText,
  parseFields,
  text,
  wholeNumber,
} from './programme/fields.js';
import { parisToUtc } from './programme/paris-time.js';

export { fieldErrors, formStrings } from './programme/fields.js';

const DAY_MS = 24 * 3_600_000;

/** The UTC instant of a date and time pair, or the French message that says what is wrong with it. */
function instant(date: string, time: string, what: string): { at: string } | { error: string } {
  if (!date.trim() && !time.trim()) return { error: `Indiquez la date et l’heure ${what}.` };
  const d = normalizeDate(date);
  if (!d) return { error: `Indiquez la date ${what} au format jj/mm/aaaa, par exemple 18/01/2023.` };
  const t = normalizeTime(time);
  if (!t) return { error: `Indiquez l’heure ${what} au format hh:mm, par exemple 09:30.` };
  const at = parisToUtc(d, t);
  return at ? { at } : { error: `La date ${what} n’existe pas : vérifiez le jour et le mois.` };
}

const raw = z.string().default('');

const EVENT_FIELDS = {
  title: text(200, 'Indiquez le titre de l’événement.'),
  summary: text(2000),
  audience: text(2000),
  practicalInfo: text(4000),
  venueName: optionalText(200),
  address: optionalText(300),
  inPerson: checkbox,
  remote: checkbox,
  videoUrl: optionalText(500),
  capacityTotal: capacity,
  capacityInPerson: capacity,
  capacityRemote: capacity,
  offerHours: wholeNumber(1, 720, 48, 'Indiquez une durée en heures, entre 1 et 720.'),
  retentionMonths: wholeNumber(1, 36, 6, 'Indiquez une durée en mois, entre 1 et 36.'),
};

/** The event form: every field of the event, times in Paris; every error reported at once. */
export const eventFormSchema = z.looseObject({}).transform((rawForm, ctx) => {
  const form = rawForm as Record<string, unknown>;
  const f = parseFields(form, EVENT_FIELDS, ctx);
  let failed = Object.keys(f).length < Object.keys(EVENT_FIELDS).length;
  const fail = (path: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const pair = (key: string, what: string) => {
    const r = instant(str(`${key}Date`), str(`${key}Time`), what);
    if ('error' in r) {
      fail(key, r.error);
      return null;
    }
    return r.at;
  };
  const start = pair('start', 'de début');
  const end = pair('end', 'de fin');
  const opens = pair('opens', 'd’ouverture des inscriptions');
  const closes = pair('closes', 'de clôture des inscriptions');
  if (start && end && end <= start) fail('end', 'La fin de l’événement doit venir après son début.');
  if (start && end && Date.parse(end) - Date.parse(start) > 31 * DAY_MS) {
    fail('end', 'Un événement dure au plus 31 jours : découpez-le en plusieurs événements.');
  }
  if (opens && closes && closes <= opens) {
    fail('closes', 'La clôture des inscriptions doit venir après leur ouverture.');
  } else if (closes && end && closes > end) {
    fail('closes', 'Les inscriptions doivent fermer au plus tard à la fin de l’événement.');
  }
  if (!f.inPerson && !f.remote) {
    fail('modes', 'Choisissez au moins un mode de participation : en présentiel, à distance ou les deux.');
  }
  if (f.inPerson && f.address === null) {
    fail('address', 'Indiquez l’adresse du lieu, pour la venue en présentiel.');
  }
  if (f.videoUrl && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(f.videoUrl)) {
    fail('videoUrl', 'Indiquez une adresse web complète, commençant par https://');
  }
  for (const key of ['capacityInPerson', 'capacityRemote'] as const) {
    const value = f[key];
    if (value != null && f.capacityTotal != null && value > f.capacityTotal) {
      fail(key, 'Ce nombre dépasse la capacité totale de l’événement.');
    }
  }
  if (failed || !start || !end || !opens || !closes) return z.NEVER;
  const g = f as Required<typeof f>;
  return {
    title: g.title,
    summary: g.summary,
    audience: g.audience,
    practicalInfo: g.practicalInfo,
    startsAt: start,
    endsAt: end,
    venueName: g.venueName,
    address: g.address,
    inPerson: g.inPerson,
    remote: g.remote,
    videoUrl: g.remote ? g.videoUrl : null,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    capacityTotal: g.capacityTotal,
    // A mode the event does not offer has no seats to count.
    capacityInPerson: g.inPerson ? g.capacityInPerson : null,
    capacityRemote: g.remote ? g.capacityRemote : null,
    offerHours: g.offerHours,
    retentionMonths: g.retentionMonths,
  };
});
export type EventInput = z.output<typeof eventFormSchema>;

/** A room of the event's venue. */
export const roomFormSchema = z.object({
  name: text(120, 'Indiquez le nom de la salle.'),
  capacity,
});
export type RoomInput = z.output<typeof roomFormSchema>;

/** How many speaker lines a session form may carry. */
export const MAX_SPEAKERS = 30;

const SESSION_FIELDS = {
  title: text(300, 'Indiquez le titre de la session.'),
  kind: oneOf(
    Object.keys(SESSION_KINDS) as Array<keyof typeof SESSION_KINDS>,
    'Choisissez le type de session.',
  ),
  description: text(4000),
  roomId: raw.transform((s) => s.trim() || null),
  capacity,
  closed: checkbox,
};

/** A session of the programme, with its speakers in `speaker<i>Name`, `speaker<i>Role`, `speaker<i>Organisation`. */
export const sessionFormSchema = z.looseObject({}).transform((rawForm, ctx) => {
  const form = rawForm as Record<string, unknown>;
  const f = parseFields(form, SESSION_FIELDS, ctx);
  let failed = Object.keys(f).length < Object.keys(SESSION_FIELDS).length;
  const fail = (path: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const day = normalizeDate(str('day'));
  if (!day) fail('day', 'Choisissez le jour de la session.');
  const time = (key: string, what: string) => {
    if (!day) return null;
    const r = instant(day, str(key), what);
    if ('error' in r) fail(key, r.error);
    return 'at' in r ? r.at : null;
  };
  const start = time('startTime', 'de début');
  const end = time('endTime', 'de fin');
  if (start && end && end <= start) fail('endTime', 'La fin de la session doit venir après son début.');
  const speakers: Array<{ name: string; role: string; organisation: string }> = [];
  for (let i = 0; i < MAX_SPEAKERS; i++) {
    const [name, role, organisation] = ['Name', 'Role', 'Organisation'].map((k) =>
      str(`speaker${i}${k}`),
    ) as [string, string, string];
    if (!name && !role && !organisation) continue;
    if (!name) fail(`speaker${i}Name`, 'Indiquez le nom de l’intervenant, ou videz la ligne.');
    else if (name.length > 200 || role.length > 200 || organisation.length > 200) {
      fail(`speaker${i}Name`, 'Nom, fonction et organisation : 200 caractères au plus chacun.');
    } else speakers.push({ name, role, organisation });
  }
  if (failed || !start || !end) return z.NEVER;
  const g = f as Required<typeof f>;
  return {
    title: g.title,
    kind: g.kind,
    description: g.description,
    startsAt: start,
    endsAt: end,
    roomId: g.roomId,
    capacity: g.capacity,
    closed: g.closed,
    speakers,
  };
});
export type SessionInput = z.output<typeof sessionFormSchema>;

const QUESTION_FIELDS = {
  label: text(300, 'Indiquez l’intitulé de la question.'),
  kind: oneOf(
    Object.keys(QUESTION_KINDS) as Array<keyof typeof QUESTION_KINDS>,
    'Choisissez le type de réponse.',
  ),
  choices: text(4000),
  required: checkbox,
};

/** A question of the registration form. `choices`: one per line, for a `choix` question. */
export const questionFormSchema = z.looseObject({}).transform((rawForm, ctx) => {
  const f = parseFields(rawForm as Record<string, unknown>, QUESTION_FIELDS, ctx);
  let failed = Object.keys(f).length < Object.keys(QUESTION_FIELDS).length;
  const fail = (message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: ['choices'], message });
  };
  const choices = [
    ...new Set(
      (f.choices ?? '')
        .split(/\r?\n/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  if (f.kind === 'choix' && choices.length < 2) fail('Indiquez au moins deux choix, un par ligne.');
  else if (choices.some((c) => c.length > 200) || choices.length > 50) {
    fail('Au plus 50 choix de 200 caractères chacun.');
  }
  if (failed) return z.NEVER;
  const g = f as Required<typeof f>;
  return { label: g.label, kind: g.kind, choices: g.kind === 'choix' ? choices : [], required: g.required };
});
export type QuestionInput = z.output<typeof questionFormSchema>;

const PROFILE_KEYS = Object.keys(PROFILES) as Profile[];

/** The rules per profile: `decision-<profile>`, `quota-<profile>`, `reason-<profile>` for each profile. */
export const rulesFormSchema = z.looseObject({}).transform((f, ctx) => {
  const value = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  return PROFILE_KEYS.map((profile) => {
    const decision = oneOf(
      ['accepte', 'validation', 'refuse'] as const,
      'Choisissez une décision.',
    ).safeParse(value(`decision-${profile}`));
    const quota = capacity.safeParse(value(`quota-${profile}`));
    const reason = optionalText(500).safeParse(value(`reason-${profile}`));
    if (!decision.success)
      ctx.addIssue({ code: 'custom', path: [`decision-${profile}`], message: 'Choisissez une décision.' });
    if (!quota.success) {
      ctx.addIssue({
        code: 'custom',
        path: [`quota-${profile}`],
        message: quota.error.issues[0]?.message ?? '',
      });
    }
    if (!reason.success) {
      ctx.addIssue({
        code: 'custom',
        path: [`reason-${profile}`],
        message: 'Ce texte est trop long (500 caractères au plus).',
      });
    }
    return {
      profile,
      decision: decision.success ? decision.data : 'validation',
      quota: quota.success ? quota.data : null,
      refusalReason: reason.success ? reason.data : null,
    };
  });
});
export type RulesInput = z.output<typeof rulesFormSchema>;

const emailSchema = z.email();

/**
 * Addresses pasted one per line (commas and semicolons also separate them): the valid ones, lower-cased and
 * without duplicates, and the invalid ones with their line number.
 *
 * @example
 * parseInvitations('a@b.fr\nnimporte quoi') // { valid: ['a@b.fr'], invalid: [{ line: 2, value: 'nimporte quoi' }] }
 */
export function parseInvitations(pasted: string): {
  valid: string[];
  invalid: Array<{ line: number; value: string }>;
} {
  const valid = new Set<string>();
  const invalid: Array<{ line: number; value: string }> = [];
  pasted.split(/\r?\n/).forEach((line, i) => {
    for (const part of line.split(/[,;]/)) {
      // "Camille Martin <camille@ville.fr>", as mail clients copy addresses.
      const value = (/<([^>]+)>/.exec(part)?.[1] ?? part).trim();
      if (!value) continue;
      if (value.length <= 254 && emailSchema.safeParse(value).success) valid.add(value.toLowerCase());
      else invalid.push({ line: i + 1, value: value.slice(0, 100) });
    }
  });
  return { valid: [...valid], invalid };
}
