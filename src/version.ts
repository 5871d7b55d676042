/**
 * The version of what edgar-extract produces from a filing. Stored with each filing: re-running over identical bytes
 * is skipped only when this matches, so an upgraded extractor refreshes old rows instead of keeping them.
 * Bump it whenever parsing or extraction output changes.
 */
export const PIPELINE_VERSION = '0.1.0';
