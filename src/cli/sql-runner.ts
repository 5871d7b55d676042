/**
 * The child process `sql` runs a query in, so `--timeout` can stop any query: SQLite (as better-sqlite3 builds it)
 * has no progress callback, and a worker thread cannot be stopped inside a native call, but a process can be killed.
 * It receives {db, sql, params} over IPC, answers {columns, rows} or {error}, and exits.
 */
import { openReadOnly } from './query-output.js';
import { distinctNames } from './query-output.js';

interface Job {
  db: string;
  sql: string;
  params: Record<string, string | number>;
}

process.once('message', (job: Job) => {
  let answer: { columns: string[]; rows: unknown[][] } | { error: string; code: string | null };
  try {
    const sqlite = openReadOnly(job.db);
    try {
      const stmt = sqlite.prepare(job.sql).raw(true);
      const columns = distinctNames(stmt.columns().map((c) => c.name));
      const rows = (Object.keys(job.params).length ? stmt.all(job.params) : stmt.all()) as unknown[][];
      answer = { columns, rows };
    } finally {
      // Closed before answering: the parent may look at the folder as soon as it has the rows.
      sqlite.close();
    }
  } catch (error) {
    answer = { error: (error as Error).message, code: (error as { code?: string }).code ?? null };
  }
  process.send!(answer, () => process.exit(0));
});
