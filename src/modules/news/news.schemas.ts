import { z } from 'zod';

const termSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,80}$/)
  .optional()
  .catch(undefined);

/**
 * A list page's query string. Garbage is never an error here: each bad value falls back to its default, so a
 * mangled shared link still shows a page.
 */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  categorie: termSlug,
  tag: termSlug,
  tri: z.enum(['recent', 'ancien']).catch('recent').default('recent'),
});

export type ListQueryInput = z.infer<typeof listQuerySchema>;
