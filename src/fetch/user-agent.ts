/**
 * The declared User-Agent every request to EDGAR carries: the SEC blocks undeclared tools, so the client refuses to
 * exist without one that names the user and a contact e-mail (reference §3).
 */
import { ValidationError } from '../errors/index.js';

export const USER_AGENT_HELP =
  'Set it to your name or organisation and a contact e-mail, as the SEC asks: ' +
  'export EDGAR_USER_AGENT="Jane Doe jane.doe@example.com" (EDGAR_IDENTITY works too), or pass --user-agent "Jane Doe jane.doe@example.com".';

/**
 * The declared User-Agent to send: the option, else `EDGAR_USER_AGENT`. Throws ValidationError
 * `USER_AGENT_REQUIRED` (missing) or `INVALID_USER_AGENT` (no contact e-mail) with how to set it.
 */
export function resolveUserAgent(options: { userAgent?: string | undefined; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  // EDGAR_IDENTITY is edgartools' name for the same setting; users of both tools set one of them.
  const value = (options.userAgent ?? nonBlank(env.EDGAR_USER_AGENT) ?? env.EDGAR_IDENTITY ?? '').trim();
  if (value === '') {
    throw new ValidationError('USER_AGENT_REQUIRED', `EDGAR requires a declared User-Agent before edgar-extract may fetch anything. ${USER_AGENT_HELP}`);
  }
  // The SEC blocks undeclared tools; a User-Agent without a contact address is what gets a user blocked.
  if (!/[^\s@]+@[^\s@]+\.[^\s@]+/.test(value) || /[\r\n]/.test(value)) {
    throw new ValidationError('INVALID_USER_AGENT', `The User-Agent "${value}" has no contact e-mail. ${USER_AGENT_HELP}`);
  }
  return value;
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
