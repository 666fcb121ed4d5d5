import { z } from 'zod';

/** The site search's query string; nonsense falls back to defaults rather than failing. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((s) =>
      s
        .replace(/\p{Cc}/gu, ' ')
        .slice(0, 200)
        .trim(),
    ),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  type: z.enum(['communique', 'actualite', 'evenement', 'page', 'solution']).optional().catch(undefined),
});
