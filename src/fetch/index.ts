/**
 * The fetch stage's public API: accession numbers and CIKs, EDGAR URLs, the polite client, the submissions API,
 * the on-disk cache, the resumable batch runner and its progress display. Output of this stage is bytes.
 */
export { isAccessionNumber, normalizeAccessionNumber, parseAccessionNumber, type AccessionNumber } from './accession.js';
export { padCik, parseCik } from './cik.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_DATA_URL,
  filingIndexUrl,
  fullSubmissionCandidates,
  fullSubmissionUrl,
  resolveEdgarHosts,
  shortSubmissionUrl,
  submissionsPageUrl,
  submissionsUrl,
  type EdgarHosts,
  type EdgarUrlOptions,
} from './urls.js';
export {
  DEFAULT_REQUESTS_PER_SECOND,
  RateLimiter,
  SEC_MAX_REQUESTS_PER_SECOND,
  sharedRateLimiter,
  type RateLimiterOptions,
} from './rate-limiter.js';
export { checkSubmission, headerAccession, isSecBlockPage, type SubmissionCheck, type SubmissionProblem } from './submission-check.js';
export {
  EdgarClient,
  SEC_BLOCK_MS,
  parseRetryAfter,
  resolveUserAgent,
  type EdgarClientOptions,
  type EdgarClientStats,
  type EdgarResponse,
  type FetchedSubmission,
  type RequestOptions,
} from './client.js';
export { SubmissionCache, defaultCacheDir } from './cache.js';
export {
  columnsToRows,
  expandForms,
  filterFilings,
  formAliases,
  listFilings,
  validateFilingFilter,
  type FilerFilings,
  type FilingFilter,
  type FilingRow,
  type SubmissionColumns,
} from './submissions.js';
export {
  runBatch,
  type BatchFailure,
  type BatchFiling,
  type BatchOptions,
  type BatchOutcome,
  type BatchProgressEvent,
  type BatchSummary,
} from './batch.js';
export { ProgressReporter, formatBatchSummary, formatClock, type ProgressOptions, type ProgressStream } from './progress.js';
export { resolveAccession, type ResolveOptions, type ResolvedSubmission } from './resolve.js';
export { looksLikeTicker, parseTickers, resolveCikOrTicker, TICKERS_MAX_AGE_MS, type TickerEntry } from './tickers.js';
