import { z } from 'zod';

/**
 * The platform's configuration, read once from the environment with safe defaults so that
 * `npm start` needs nothing set. Messages are French because an operator reads them.
 *
 * @example
 * const config = loadConfig(process.env); // { port: 3000, databaseUrl: 'sqlite:var/data.sqlite', … }
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'PORT doit être un nombre' })
    .int()
    .min(0, { error: 'PORT doit être compris entre 0 et 65535' })
    .max(65535, { error: 'PORT doit être compris entre 0 et 65535' })
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:var/data.sqlite')
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      error: 'DATABASE_URL doit commencer par « sqlite: » ou « postgres:// »',
    }),
  PUBLIC_URL: z.url({ error: 'PUBLIC_URL doit être une adresse web complète' }).optional(),
  UPLOADS_DIR: z.string().default('var/uploads'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROCONNECT_ISSUER: z.url({ error: 'PROCONNECT_ISSUER doit être une adresse web complète' }).optional(),
  PROCONNECT_CLIENT_ID: z.string().optional(),
  PROCONNECT_CLIENT_SECRET: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'SMTP_URL doit commencer par « smtp:// » ou « smtps:// »' })
    .optional(),
  MAIL_FROM: z.string().default('Numérique & Territoires <ne-pas-repondre@numerique-territoires.localhost>'),
  MAILS_DIR: z.string().default('var/mails'),
  OUTBOX_WORKER: z.enum(['on', 'off'], { error: 'OUTBOX_WORKER vaut « on » ou « off »' }).default('on'),
  SEED_DEMO: z.enum(['auto', 'never'], { error: 'SEED_DEMO vaut « auto » ou « never »' }).default('auto'),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([z.ipv4(), z.ipv6()], {
          error: 'TRUSTED_PROXIES liste des adresses IP séparées par des virgules',
        }),
      ),
    ),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  uploadsDir: string;
  logLevel: string;
  seedDemo: boolean;
  /** Null: the local ProConnect stands in (development and tests only). */
  proconnect: { issuer: string; clientId: string; clientSecret: string } | null;
  mail: { smtpUrl: string | null; from: string; devOutboxDir: string };
  /** Whether this process also runs the outbox worker (off when `nt worker` runs as its own process). */
  outboxWorker: boolean;
  /** Addresses of the reverse proxies in front, whose X-Forwarded-For is believed. */
  trustedProxies: string[];
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')} : ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.PROCONNECT_ISSUER && (!c.PROCONNECT_CLIENT_ID || !c.PROCONNECT_CLIENT_SECRET)) {
    throw new ConfigError(
      'Configuration invalide :\n- PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET sont requis avec PROCONNECT_ISSUER',
    );
  }
  if (c.NODE_ENV === 'production' && !c.PROCONNECT_ISSUER) {
    throw new ConfigError(
      'Configuration invalide :\n- PROCONNECT_ISSUER est requis en production : le fournisseur d’identité local ne sert qu’au développement',
    );
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    uploadsDir: c.UPLOADS_DIR,
    logLevel: c.LOG_LEVEL,
    seedDemo: c.SEED_DEMO === 'auto',
    proconnect: c.PROCONNECT_ISSUER
      ? {
          issuer: c.PROCONNECT_ISSUER.replace(/\/$/, ''),
          clientId: c.PROCONNECT_CLIENT_ID!,
          clientSecret: c.PROCONNECT_CLIENT_SECRET!,
        }
      : null,
    mail: { smtpUrl: c.SMTP_URL ?? null, from: c.MAIL_FROM, devOutboxDir: c.MAILS_DIR },
    outboxWorker: c.OUTBOX_WORKER === 'on',
    trustedProxies: c.TRUSTED_PROXIES,
  };
}
