import { serve } from '@hono/node-server';
import { bootstrap, seedDemoIfEmpty } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * Starts the platform: configuration, database (created and migrated on first start), demonstration content
 * when the database is empty, then the HTTP server. Stops cleanly on SIGINT/SIGTERM.
 */
async function main() {
  const config = loadConfig(process.env);
  const platform = await bootstrap(config);
  const territories = await platform.territories.ensureLoaded();
  if (territories.loaded)
    platform.logger.info({ edition: territories.edition }, 'référentiel des territoires chargé');
  await platform.fund.core.service.ensureDispositifs();
  if (config.seedDemo) await seedDemoIfEmpty(platform, { laureats: true });
  // In the background: the site's search finds the catalogue's solutions (a pass over them, idempotent).
  platform.catalogue
    .indexAllForSite()
    .catch((err) => platform.logger.error({ err: String(err) }, 'catalogue : indexation du site en échec'));
  const worker = config.outboxWorker ? platform.createWorker() : null;
  worker?.start(5_000);
  const server = serve({ fetch: platform.app.fetch, port: config.port, hostname: config.host }, (info) => {
    platform.logger.info({ port: info.port, base: platform.database.dialect }, 'plateforme démarrée');
    if (process.stdout.isTTY) {
      console.log(`\nNumérique & Territoires : http://localhost:${info.port}/\n`);
    }
  });
  // Waiting-list offers expire by the minute: the next person gets the seat.
  const offers = setInterval(() => {
    platform.events
      .promote(new Date())
      .catch((err) => platform.logger.error({ err: String(err) }, 'promotion en échec'));
  }, 60 * 1000);
  offers.unref();
  const upkeep = setInterval(
    () => {
      platform
        .housekeeping()
        .catch((err) => platform.logger.error({ err: String(err) }, 'entretien en échec'));
    },
    60 * 60 * 1000,
  );
  upkeep.unref();
  const stop = () => {
    clearInterval(upkeep);
    clearInterval(offers);
    server.close(() => {
      Promise.resolve(worker?.stop())
        .then(() => platform.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Le démarrage a échoué :', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
