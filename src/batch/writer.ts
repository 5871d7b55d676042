/**
 * The one writer of a batch: owns the SQLite connection and stores prepared filings in input order, several filings
 * per transaction (a commit per filing was a large share of a batch's time).
 *
 * Each filing is still atomic: storeFiling runs it in a savepoint inside the batch's transaction, so a filing that
 * fails to store rolls back alone and the batch goes on. A crash (kill -9) loses at most the filings of the open
 * transaction — never part of one — and rerunning the same command stores them (identical filings already
 * committed are skipped as unchanged).
 */
import type { EdgarDatabase, StoreOutcome } from '../store/database.js';
import { storePreparedFiling, type PreparedFiling } from '../pipeline.js';

export interface WriterOptions {
  /** Commit after this many filings (default 64). */
  filingsPerTransaction?: number;
  /** …or once the open transaction is this old (default 1000 ms), so a slow batch still commits regularly. */
  maxTransactionMs?: number;
  now?: () => number;
}

export class BatchWriter {
  readonly #db: EdgarDatabase;
  readonly #perTransaction: number;
  readonly #maxMs: number;
  readonly #now: () => number;
  #inTransaction = 0;
  #openedAt = 0;

  constructor(db: EdgarDatabase, options: WriterOptions = {}) {
    this.#db = db;
    this.#perTransaction = Math.max(1, options.filingsPerTransaction ?? 64);
    this.#maxMs = options.maxTransactionMs ?? 1000;
    this.#now = options.now ?? Date.now;
    // Safe against a killed process in WAL mode (only a power cut can lose the last commits), and far fewer fsyncs.
    db.sqlite.pragma('synchronous = NORMAL');
    // Each filing is a savepoint inside the batch's transaction; its undo journal is kept in memory, not a temp file.
    db.sqlite.pragma('temp_store = MEMORY');
  }

  /** Store one filing; throws (with its rows rolled back, the batch's transaction intact) when it cannot be stored. */
  store(prepared: PreparedFiling): StoreOutcome {
    if (this.#inTransaction === 0 && !this.#db.sqlite.inTransaction) {
      this.#db.sqlite.exec('BEGIN IMMEDIATE');
      this.#openedAt = this.#now();
    }
    this.#inTransaction += 1;
    try {
      return storePreparedFiling(this.#db, prepared);
    } catch (error) {
      // Some SQLite errors (disk full, I/O) roll back the whole transaction, not just the filing's savepoint: the
      // filings stored before it in this batch are gone, so the batch cannot honestly go on.
      if (!this.#db.sqlite.inTransaction) {
        this.#inTransaction = 0;
        throw new BatchAbortedError(`the database rolled back the open batch of filings: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    } finally {
      if (this.#inTransaction >= this.#perTransaction || this.#now() - this.#openedAt >= this.#maxMs) this.commit();
    }
  }

  /** Commit the open transaction, if any. */
  commit(): void {
    if (this.#inTransaction === 0) return;
    this.#inTransaction = 0;
    if (this.#db.sqlite.inTransaction) this.#db.sqlite.exec('COMMIT');
  }
}

/** The writer can no longer vouch for the filings of its open transaction: the batch must stop (rerun resumes it). */
export class BatchAbortedError extends Error {
  override name = 'BatchAbortedError';
}
