import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CatalogueRepository } from '../catalogue.repository.js';
import {
  cellOf,
  SOLUTION_COLUMNS,
  type SolutionRecord,
  toSolutionRecord,
  toUseRecord,
  USE_COLUMNS,
  type UseRecord,
} from './record.js';

const BATCH = 500;

/**
 * Every published solution with its declarations, in id order, by keyset batches: memory stays flat for
 * 10,000 solutions and 200,000 declarations.
 */
async function* batches(repo: CatalogueRepository) {
  let after = '';
  for (;;) {
    const ids = await repo.publishedIdsAfter(after, BATCH);
    if (ids.length === 0) return;
    const [solutions, uses] = await Promise.all([repo.solutionsByIds(ids), repo.usesOfSolutions(ids)]);
    yield solutions.map((s) => {
      const own = uses.filter((u) => u.solutionId === s.id);
      const users = own.filter((u) => u.status === 'utilise').length;
      return {
        record: toSolutionRecord(s, { users, interested: own.length - users }),
        uses: own.map((u) => toUseRecord(u, s.name)),
      };
    });
    after = ids.at(-1)!;
  }
}

const toWeb = (stream: Readable) => Readable.toWeb(stream) as ReadableStream<Uint8Array>;

/** CSV as the lauréats' files: UTF-8 with a byte order mark, « ; », a header row, CRLF. */
function csv<T>(rows: AsyncIterable<T>, columns: Array<{ name: keyof T & string }>) {
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => cellOf(row[c.name]));
    })(),
  );
  const out = stringify({
    delimiter: ';',
    bom: true,
    header: true,
    columns: columns.map((c) => c.name),
    record_delimiter: 'windows',
  });
  source.on('error', (error) => out.destroy(error));
  return toWeb(source.pipe(out));
}

/**
 * The open data files of the catalogue, streamed: the solutions (CSV), the declarations (CSV), and the
 * catalogue with its users (JSON: one array of solutions, each with `utilisateurs`).
 *
 * @example
 * return c.body(catalogueExports(repo).solutionsCsv(), 200, { 'content-type': 'text/csv; charset=utf-8' });
 */
export function catalogueExports(repo: CatalogueRepository) {
  return {
    solutionsCsv: () =>
      csv<SolutionRecord>(
        (async function* () {
          for await (const batch of batches(repo)) for (const b of batch) yield b.record;
        })(),
        SOLUTION_COLUMNS,
      ),
    usesCsv: () =>
      csv<UseRecord>(
        (async function* () {
          for await (const batch of batches(repo)) for (const b of batch) yield* b.uses;
        })(),
        USE_COLUMNS,
      ),
    json: () =>
      toWeb(
        Readable.from(
          (async function* () {
            let first = true;
            yield Buffer.from('[');
            for await (const batch of batches(repo)) {
              for (const b of batch) {
                yield Buffer.from(
                  `${first ? '\n' : ',\n'}${JSON.stringify({ ...b.record, utilisateurs: b.uses })}`,
                );
                first = false;
              }
            }
            yield Buffer.from('\n]\n');
          })(),
        ),
      ),
  };
}
