/**
 * The one writer of a batch: owns the SQLite connection and stores prepared filings in input order, several filings
 * per transaction (a commit per filing was a large share of a batch's time).
 *
 * Each filing is still atomic, without a savepoint per filing (a savepoint makes FTS5 write its pending index entries
 * at once, which for every filing cost more than the rest of its full-text indexing): the writer keeps the filings
 * of the open transaction, and when one fails to store it rolls the transaction back and stores the others again, so
 * the failed filing leaves nothing and the batch goes on. Two kinds of rows wait for the commit, in the same
 * transaction: amendment chains (derived rows, recomputed once per subject company) and the rows indexed for
 * full-text search, items and documents' text (inserted together, so FTS5 indexes them in one go; HeldRows). A crash
 * (kill -9) loses at most the filings of the open transaction — never part of one — and rerunning the same command
 * stores them (identical filings already committed are skipped as unchanged).
 */
import type { EdgarDatabase, StoreOutcome } from '../store/database.js';
import { finishBatchTransaction, newBatchTransaction, storePreparedFiling, type BatchTransaction, type PreparedFiling } from '../pipeline.js';

export interface WriterOptions {
  /** Commit after this many filings (default 64). */
  filingsPerTransaction?: number;
  /** …or once the open transaction is this old (default 1000 ms), so a slow batch still commits regularly. */
  maxTransactionMs?: number;
  /**
   * …or once the filings kept for a replay hold this many bytes of text and compressed source (default 64 MB), so
   * that memory stays bounded by the largest inputs, not by how many fit in a transaction.
   */
  maxTransactionBytes?: number;
  now?: () => number;
}

export class BatchWriter {
  readonly #db: EdgarDatabase;
  readonly #perTransaction: number;
  readonly #maxMs: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  /** The filings written in the open transaction, in order: what a rollback must write again. */
  #written: PreparedFiling[] = [];
  #writtenBytes = 0;
  #transaction: BatchTransaction = newBatchTransaction();
  #open = false;
  #openedAt = 0;

  constructor(db: EdgarDatabase, options: WriterOptions = {}) {
    this.#db = db;
    this.#perTransaction = Math.max(1, options.filingsPerTransaction ?? 64);
    this.#maxMs = options.maxTransactionMs ?? 1000;
    this.#maxBytes = options.maxTransactionBytes ?? 64 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
    // Safe against a killed process in WAL mode (only a power cut can lose the last commits), and far fewer fsyncs.
    db.sqlite.pragma('synchronous = NORMAL');
    // Savepoints (chains, a single filing stored outside a batch) keep their undo journal in memory, not a temp file.
    db.sqlite.pragma('temp_store = MEMORY');
  }

  /** Store one filing; throws (with its rows undone, the filings before it in the transaction intact) when it cannot be stored. */
  store(prepared: PreparedFiling): StoreOutcome {
    if (!this.#open) this.#begin();
    let stored = false;
    try {
      const outcome = storePreparedFiling(this.#db, prepared, this.#transaction);
      stored = true;
      if (outcome.changed) {
        this.#written.push(prepared);
        this.#writtenBytes += heldBytes(prepared);
      }
      return outcome;
    } catch (error) {
      this.#undo(error);
      throw error;
    } finally {
      if (stored && (this.#written.length >= this.#perTransaction || this.#writtenBytes >= this.#maxBytes || this.#now() - this.#openedAt >= this.#maxMs)) this.commit();
    }
  }

  /** Commit the open transaction, if any, after writing the full text and the chains of its filings. */
  commit(): void {
    if (!this.#open) return;
    const sqlite = this.#db.sqlite;
    try {
      finishBatchTransaction(this.#db, this.#transaction);
      sqlite.exec('COMMIT');
    } catch (error) {
      const count = this.#written.length;
      this.#reset();
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw new BatchAbortedError(`the last ${count} filing(s) stored could not be committed: ${(error as Error).message}`, { cause: error });
    }
    this.#reset();
  }

  #begin(): void {
    this.#db.sqlite.exec('BEGIN IMMEDIATE');
    this.#open = true;
    this.#openedAt = this.#now();
  }

  #reset(): void {
    this.#open = false;
    this.#written = [];
    this.#writtenBytes = 0;
    this.#transaction = newBatchTransaction();
  }

  /**
   * A filing failed part-way: roll back the open transaction and write again the filings before it. When that is not
   * possible (SQLite itself already rolled back for a full disk, or the replay fails too) the filings reported stored
   * in this transaction are gone, and the batch cannot honestly go on.
   */
  #undo(failure: unknown): void {
    const sqlite = this.#db.sqlite;
    const replay = this.#written;
    this.#reset();
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    try {
      this.#begin();
      for (const prepared of replay) {
        storePreparedFiling(this.#db, prepared, this.#transaction);
        this.#written.push(prepared);
        this.#writtenBytes += heldBytes(prepared);
      }
    } catch (error) {
      this.#reset();
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw new BatchAbortedError(`the database rolled back the open batch of filings: ${(failure as Error).message}`, { cause: error });
    }
  }
}

/** What a kept filing costs in memory, roughly: its texts (the bulk of its rows) and its compressed source. */
function heldBytes(prepared: PreparedFiling): number {
  let bytes = prepared.sourceCompressed.content.byteLength;
  for (const text of prepared.derived.documentTexts) bytes += text.text.length * 2;
  return bytes;
}

/** The writer can no longer vouch for the filings of its open transaction: the batch must stop (rerun resumes it). */
export class BatchAbortedError extends Error {
  override name = 'BatchAbortedError';
}
