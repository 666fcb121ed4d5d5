import { parseArgs } from 'node:util';
import { bootstrap, seedDemoIfEmpty } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { runImportLaureats } from '../modules/fund/index.js';
import { createLogger } from '../platform/logger.js';
import { printReport, progressPrinter } from './report.js';

const HELP = `Utilisation : nt <commande> [options]

Commandes :
  import-content <dossier>   importe les contenus Markdown d’un dossier organisé comme le site du programme
                             (_communiques/, _actualites/, _evenements/, _tnt/, _data/, uploads/)
  migrate                    met le schéma de la base de données à jour et charge le référentiel des territoires
  seed                       charge le contenu de démonstration si la base est vide (--force : toujours)
  create-admin <courriel>    donne le rôle d’administrateur à cette adresse (la personne se connecte ensuite
                             avec ProConnect ou un lien reçu à cette adresse)
  worker [--once]            envoie les courriels de la file d’envoi (--once : vide la file puis s’arrête)
  import-laureats <fichier> [--essai]
                             importe des lauréats (CSV ou XLSX) : tout ou rien ; --essai montre seulement ce qui
                             serait créé, mis à jour ou rejeté

La base de données est celle de DATABASE_URL (par défaut sqlite:var/data.sqlite).`;

/**
 * The `nt` command line. Exit codes: 0 done, 1 failed, 2 bad usage; an import with rejected files exits 3 so
 * that a script notices.
 */
async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      force: { type: 'boolean' },
      once: { type: 'boolean' },
      essai: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  switch (command) {
    case 'migrate': {
      const platform = await bootstrap(config, { logger });
      try {
        const territories = await platform.territories.ensureLoaded();
        console.log(
          `Schéma à jour. Référentiel des territoires : ${territories.edition}${territories.loaded ? ' (chargé)' : ''}.`,
        );
      } finally {
        await platform.close();
      }
      return 0;
    }
    case 'create-admin': {
      const email = rest[0];
      if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        console.error('Indiquez une adresse électronique valide : nt create-admin <courriel>');
        return 2;
      }
      const platform = await bootstrap(config, { logger });
      try {
        const { created } = await platform.accounts.service.ensureRole(email, 'administrateur');
        console.log(`${email} est administrateur${created ? ' (compte créé)' : ''}.`);
      } finally {
        await platform.close();
      }
      return 0;
    }
    case 'import-laureats': {
      const platform = await bootstrap(config, { logger });
      try {
        await platform.territories.ensureLoaded();
        await platform.fund.core.service.ensureDispositifs();
        return await runImportLaureats({ fund: platform.fund.core }, rest[0] ?? '', {
          dryRun: !!values.essai,
        });
      } finally {
        await platform.close();
      }
    }
    case 'worker': {
      const platform = await bootstrap(config, { logger });
      const worker = platform.createWorker();
      try {
        if (values.once) {
          let total = 0;
          for (;;) {
            const r = await worker.runOnce();
            total += r.sent;
            if (r.sent + r.failed + r.retried === 0) break;
          }
          console.log(`${total} courriel(s) envoyé(s).`);
          return 0;
        }
        worker.start(5_000);
        console.log('Envoi des courriels en cours (Ctrl+C pour arrêter).');
        // The worker's timer does not keep the process alive on its own: this does, until a signal.
        await new Promise<void>((resolve) => {
          const keepAlive = setInterval(() => {}, 1 << 30);
          const stop = () => {
            clearInterval(keepAlive);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await worker.stop();
        return 0;
      } finally {
        await platform.close();
      }
    }
    case 'seed': {
      const platform = await bootstrap(config, { logger });
      try {
        if (values.force) {
          const { DEMO_CONTENT_DIR } = await import('../bootstrap.js');
          printReport(await platform.news.importContent(DEMO_CONTENT_DIR));
        } else if (await seedDemoIfEmpty(platform)) {
          console.log('Contenu de démonstration chargé.');
        } else {
          console.log(
            'La base contient déjà des contenus : rien n’a été chargé (--force pour importer quand même).',
          );
        }
      } finally {
        await platform.close();
      }
      return 0;
    }
    case 'import-content': {
      const dir = rest[0];
      if (!dir) {
        console.error('Indiquez le dossier à importer : nt import-content <dossier>');
        return 2;
      }
      const platform = await bootstrap(config, { logger });
      try {
        const report = await platform.news.importContent(dir, {
          onProgress: progressPrinter(process.stderr),
        });
        printReport(report);
        return report.rejected.length > 0 ? 3 : 0;
      } finally {
        await platform.close();
      }
    }
    default:
      console.error(`Commande inconnue : ${command}\n\n${HELP}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(
      err instanceof ConfigError ? err.message : `Échec : ${err instanceof Error ? err.message : err}`,
    );
    process.exit(1);
  },
);
