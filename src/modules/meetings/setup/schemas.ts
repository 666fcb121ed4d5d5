/**
 * The forms of the espace de rencontres, as zod schemas with French messages. Each `parse…` takes the posted
 * form (see fields.ts) and returns the typed input or the messages by field name.
 */
import { z } from 'zod';
import type { Result } from '../deps.js';
import { MAX_GROUP, SLOT_MINUTES } from '../meetings.domain.js';
import { AUDIENCES, knownCodes, TOPICS } from '../topics.js';
import {
  type Form,
  fieldErrors,
  instantFrom,
  many,
  normalizeDay,
  one,
  optionalWhole,
  text,
  timeOfDay,
  whole,
} from './fields.js';

function parse<T>(schema: z.ZodType<T>, input: Record<string, unknown>): Result<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

const pick = (form: Form, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, one(form, k)]));

const standSchema = z.object({
  nom: text(120, 'Indiquez le nom du stand.'),
  organisation: text(120, 'Indiquez l’organisation qui tient le stand.'),
  description: text(2000),
  mode: z.enum(['direct', 'demande'], { error: 'Choisissez comment le stand prend ses rendez-vous.' }),
  lieu: text(80),
});

export type StandInput = z.output<typeof standSchema> & { themes: string[]; publics: string[] };

/** The stand form: name, organisation, description, themes, audiences, booking mode, default location. */
export function parseStand(form: Form): Result<StandInput> {
  const parsed = parse(standSchema, pick(form, ['nom', 'organisation', 'description', 'mode', 'lieu']));
  if (!parsed.ok) return parsed;
  const themes = knownCodes(many(form, 'themes'), TOPICS);
  if (themes.length === 0) return { ok: false, errors: { themes: 'Choisissez au moins un thème.' } };
  return {
    ok: true,
    value: { ...parsed.value, themes, publics: knownCodes(many(form, 'publics'), AUDIENCES) },
  };
}

const memberSchema = z.object({
  email: text(200, 'Indiquez l’adresse électronique de la personne.').pipe(
    z.email({ error: 'Saisissez une adresse électronique valide, par exemple nom@domaine.gouv.fr.' }),
  ),
  'nom-membre': text(120, 'Indiquez le nom de la personne.'),
  fonction: text(120),
});

export interface MemberInput {
  email: string;
  nom: string;
  role: string;
}

/** The member form: name (`nom-membre`: the stand form beside it has its own `nom`), address, function. */
export function parseMember(form: Form): Result<MemberInput> {
  const parsed = parse(memberSchema, pick(form, ['email', 'nom-membre', 'fonction']));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return { ok: true, value: { email: v.email.toLowerCase(), nom: v['nom-membre'], role: v.fonction } };
}

const locationSchema = z.object({
  nom: text(120, 'Indiquez le nom du lieu (une salle, une table).'),
  capacite: whole(1, 200, 'Indiquez combien de rendez-vous le lieu accueille en même temps (de 1 à 200).'),
});

export type LocationInput = z.output<typeof locationSchema>;

export function parseLocation(form: Form): Result<LocationInput> {
  return parse(locationSchema, pick(form, ['nom', 'capacite']));
}

const seriesSchema = z.object({
  membre: text(80, 'Choisissez qui tient ces créneaux.'),
  lieu: text(80, 'Choisissez le lieu des créneaux.'),
  jour: z
    .string()
    .default('')
    .transform(normalizeDay)
    .pipe(z.string().min(1, { error: 'Indiquez le jour, au format JJ/MM/AAAA.' })),
  debut: timeOfDay('Indiquez l’heure du premier créneau, par exemple 15:00.'),
  fin: timeOfDay('Indiquez l’heure de fin, par exemple 16:30.'),
  intervalle: whole(5, 240, 'Indiquez l’intervalle entre deux créneaux, en minutes (de 5 à 240).'),
  duree: whole(
    SLOT_MINUTES.min,
    SLOT_MINUTES.max,
    `Un créneau dure de ${SLOT_MINUTES.min} à ${SLOT_MINUTES.max} minutes.`,
  ),
  capacite: whole(1, MAX_GROUP, `Un créneau reçoit de 1 à ${MAX_GROUP} participants.`),
});

export type SeriesInput = z.output<typeof seriesSchema>;

/** « Toutes les 20 minutes de 15:00 à 16:30 »: who, where, which day, from, until, every, how long, how many. */
export function parseSeries(form: Form): Result<SeriesInput> {
  const parsed = parse(
    seriesSchema,
    pick(form, ['membre', 'lieu', 'jour', 'debut', 'fin', 'intervalle', 'duree', 'capacite']),
  );
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.fin <= v.debut)
    return { ok: false, errors: { fin: 'L’heure de fin doit suivre celle du premier créneau.' } };
  if (v.duree > v.intervalle) {
    return {
      ok: false,
      errors: {
        duree: 'La durée dépasse l’intervalle : les créneaux d’une même personne se chevaucheraient.',
      },
    };
  }
  return parsed;
}

const settingsSchema = z.object({
  mode: z.enum(['libre', 'planifie'], { error: 'Choisissez le fonctionnement de l’espace de rencontres.' }),
  limite: optionalWhole(1, 50, 'Indiquez un nombre de rendez-vous par personne de 1 à 50, ou laissez vide.'),
  choix: whole(1, 10, 'Indiquez combien de stands chacun classe (de 1 à 10).'),
});

export type SettingsInput = z.output<typeof settingsSchema> & {
  opensAt: string | null;
  closesAt: string | null;
  deadline: string | null;
};

/** The space's settings: mode, per-person limit, booking window, rankings' deadline and number of choices. */
export function parseSettings(form: Form): Result<SettingsInput> {
  const parsed = parse(settingsSchema, pick(form, ['mode', 'limite', 'choix']));
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const at = (prefix: string, label: string) => {
    const r = instantFrom(one(form, `${prefix}-jour`), one(form, `${prefix}-heure`));
    if (!r.ok) {
      errors[`${prefix}-jour`] =
        `Indiquez ${label} avec un jour (JJ/MM/AAAA) et une heure (HH:MM), ou laissez les deux vides.`;
      return null;
    }
    return r.value;
  };
  const opensAt = at('ouverture', 'l’ouverture des réservations');
  const closesAt = at('cloture', 'la clôture des réservations');
  const deadline = at('echeance', 'la date limite des classements');
  if (opensAt && closesAt && closesAt <= opensAt)
    errors['cloture-jour'] = 'La clôture doit suivre l’ouverture.';
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...parsed.value, opensAt, closesAt, deadline } };
}

/** A period of unavailability: a day, from, until, and an optional reason. */
export function parseUnavailability(
  form: Form,
): Result<{ startsAt: string; endsAt: string; reason: string }> {
  const startsAt = instantFrom(one(form, 'jour'), one(form, 'debut'));
  const endsAt = instantFrom(one(form, 'jour'), one(form, 'fin'));
  const errors: Record<string, string> = {};
  if (!startsAt.ok || !startsAt.value)
    errors.debut = 'Indiquez le jour et l’heure de début, par exemple 15:00.';
  if (!endsAt.ok || !endsAt.value) errors.fin = 'Indiquez l’heure de fin, par exemple 15:40.';
  const reason = one(form, 'motif').trim();
  if (reason.length > 200) errors.motif = 'Ce texte est trop long (200 caractères au plus).';
  if (Object.keys(errors).length > 0 || !startsAt.ok || !endsAt.ok || !startsAt.value || !endsAt.value) {
    return { ok: false, errors };
  }
  if (endsAt.value <= startsAt.value) return { ok: false, errors: { fin: 'La fin doit suivre le début.' } };
  return { ok: true, value: { startsAt: startsAt.value, endsAt: endsAt.value, reason } };
}
