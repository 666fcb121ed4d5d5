import type { ImportProgress, ImportReport } from '../modules/news/news.import.js';

/**
 * Progress on a terminal: a line that rewrites itself on a TTY, a line every 100 files otherwise.
 *
 * @example
 * importContent(dir, { onProgress: progressPrinter(process.stderr) })
 */
export function progressPrinter(out: NodeJS.WriteStream) {
  return ({ done, total, file }: ImportProgress) => {
    if (total === 0) return;
    if (out.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      out.write(`\r\x1b[2K${bar} ${done}/${total} ${file.slice(-60)}`);
      if (done === total) out.write('\n');
    } else if ((done > 0 && done % 100 === 0) || done === total) {
      out.write(`${done}/${total} fichiers lus\n`);
    }
  };
}

/** The import's report, as a person reads it. */
export function printReport(report: ImportReport, out: (line: string) => void = console.log) {
  out('');
  out(`Créés : ${report.created.length}`);
  out(`Mis à jour : ${report.updated.length}`);
  out(`Inchangés : ${report.unchanged.length}`);
  out(`Rejetés : ${report.rejected.length}`);
  out(`Fichiers joints : ${report.uploads.copied} copiés, ${report.uploads.unchanged} inchangés`);
  if (report.dataFiles > 0) out(`Fichiers de données (_data) lus : ${report.dataFiles}`);
  for (const r of report.rejected) {
    out(`  ✗ ${r.file}${r.line ? `, ligne ${r.line}` : ''} : ${r.reason}`);
  }
}
