import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { Clock } from '../../ports/clock.js';
import type { Outbox } from '../../ports/outbox.js';
import type { AccountsModule } from '../accounts/index.js';
import type { TerritoriesModule } from '../territories/index.js';
import { registrationRoutes } from './events.registration.routes.js';
import { promoteAll, type RegistrationDeps, sendReminders } from './registration/index.js';

export interface EventsRegistration {
  routes: Hono<AppEnv>;
  deps: RegistrationDeps;
  /** For the server's timers: pass offers on (every minute or so) and queue reminders (every hour or so). */
  timers: { promote(now: Date): Promise<number>; reminders(now: Date): Promise<number> };
}

/**
 * Registration to events, wired: the participants' routes, the deps the back office calls the use cases with,
 * and the timers.
 *
 * @example
 * const registration = createRegistration({ db, dialect, outbox, clock, publicUrl, territories });
 * app.route('/', registration.routes);
 * setInterval(() => registration.timers.promote(new Date()), 60_000).unref();
 */
export function createRegistration(options: {
  db: Kysely<Database>;
  dialect: Dialect;
  outbox: Outbox;
  clock: Clock;
  publicUrl: string;
  territories: Pick<TerritoriesModule, 'territories' | 'organisations'>;
  /** Not needed today: the accounts middleware mounted by the app gives the routes their actor. */
  accounts?: AccountsModule;
}): EventsRegistration {
  const deps: RegistrationDeps = {
    db: options.db,
    dialect: options.dialect,
    outbox: options.outbox,
    clock: options.clock,
    publicUrl: options.publicUrl.replace(/\/$/, ''),
  };
  return {
    routes: registrationRoutes({ ...deps, territories: options.territories }),
    deps,
    timers: { promote: (now) => promoteAll(deps, now), reminders: (now) => sendReminders(deps, now) },
  };
}
