import { z } from 'zod';

const isoInstant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'Date de passage illisible.' })
  .transform((s) => new Date(s).toISOString());

/** A batch of scans sent by a check-in device when the network returns (at most 200 at once). */
export const scanBatchSchema = z.object({
  scans: z
    .array(
      z.object({
        id: z.uuid({ error: 'Identifiant de passage invalide.' }),
        registrationId: z.string().min(1).max(100),
        scannedAt: isoInstant,
        device: z.string().trim().min(1).max(60).catch('appareil'),
      }),
    )
    .max(200, { error: 'Envoyez les passages par lots de 200 au plus.' }),
});

/** The query of the arrivals feed: a server time from a previous answer. */
export const sinceSchema = z.object({
  depuis: isoInstant.catch('1970-01-01T00:00:00.000Z'),
});

/** The badge form without JavaScript: the QR code's content, pasted or typed by a barcode reader. */
export const badgeFormSchema = z.object({
  badge: z
    .string({ error: 'Collez ou scannez le contenu du badge.' })
    .trim()
    .min(1, { error: 'Collez ou scannez le contenu du badge.' })
    .max(2000, { error: 'Ce contenu est trop long pour un badge.' }),
});

/** « Marquer présent » from the name search without JavaScript. */
export const presenceFormSchema = z.object({
  inscription: z.string().trim().min(1).max(100),
  q: z.string().max(100).catch('').default(''),
});
