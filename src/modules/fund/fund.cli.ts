/**
 * `nt import-laureats <fichier> [--essai]`: the import from a terminal. Prints the dry run (each rejected line
 * with its column and reason), then imports unless `--essai` was asked or a line was rejected. Exit codes as
 * the other `nt` commands: 0 done, 2 bad usage, 3 rejected lines (so that a script notices).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FundCore } from './fund.core.js';
import { IMPORT_LIMITS } from './import/columns.js';
import { reportLines } from './import/report.js';

/** What the command needs of the platform (`bootstrap()`’s result once the lead wires `fund` into it). */
export interface ImportLaureatsPlatform {
  fund: Pick<FundCore, 'importLaureats'>;
  /** Loaded before the import: porteurs are found in the COG. */
  territories?: { ensureLoaded(): Promise<unknown> };
}

/**
 * Runs the command and returns its exit code.
 *
 * @example
 * const platform = await bootstrap(config);
 * process.exitCode = await runImportLaureats(platform, 'laureats.csv', { dryRun: true });
 */
export async function runImportLaureats(
  platform: ImportLaureatsPlatform,
  file: string,
  opts: { dryRun: boolean; out?: (line: string) => void },
): Promise<number> {
  const out = opts.out ?? ((line: string) => console.log(line));
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    out(`Fichier introuvable : ${file}`);
    return 2;
  }
  // Refused before reading it: a file of several gigabytes would not even fit in memory.
  if (info.size > IMPORT_LIMITS.maxBytes) {
    const mo = (n: number) =>
      new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n / 1024 / 1024);
    out(
      `Rejeté : fichier trop volumineux : ${mo(info.size)} Mo, la limite est de ${mo(IMPORT_LIMITS.maxBytes)} Mo`,
    );
    return 3;
  }
  await platform.territories?.ensureLoaded();
  const started = performance.now();
  const { report, applied } = await platform.fund.importLaureats(await readFile(file), basename(file), {
    dryRun: opts.dryRun,
  });
  for (const line of reportLines(report)) out(line);
  const seconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(
    (performance.now() - started) / 1000,
  );
  out('');
  if (report.rejected.length > 0) {
    out('Rien n’a été importé : corrigez les lignes rejetées, puis relancez la commande.');
    return 3;
  }
  if (opts.dryRun) out(`Essai seulement (--essai) : rien n’a été enregistré (${seconds} s).`);
  else if (applied) out(`Import terminé en ${seconds} s, inscrit au journal d’audit.`);
  return 0;
}
