import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const VNU_JAR = String(require('vnu-jar'));

export type HtmlMessage = { file: string; line?: number; message: string; extract?: string };

/**
 * Runs the Nu HTML Checker (vnu.jar, with the system's Java) over pages, and returns its errors.
 *
 * @example
 * const errors = await validateHtml({ 'accueil.html': html }); // [] when valid
 */
export async function validateHtml(pages: Record<string, string>): Promise<HtmlMessage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'nt-vnu-'));
  try {
    const files: string[] = [];
    for (const [name, html] of Object.entries(pages)) {
      const file = join(dir, name);
      await writeFile(file, html);
      files.push(file);
    }
    const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    });
    if (run.error) throw new Error(`Java est introuvable pour le validateur HTML : ${run.error.message}`);
    const out = JSON.parse(run.stderr || '{"messages":[]}') as {
      messages: Array<{ url?: string; lastLine?: number; message: string; extract?: string; type: string }>;
    };
    return out.messages
      .filter((m) => m.type === 'error')
      .map((m) => ({
        file: (m.url ?? '').split('/').pop() ?? '',
        line: m.lastLine,
        message: m.message,
        extract: m.extract,
      }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
