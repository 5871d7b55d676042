import type { ErrorCode } from './codes.js';
import { EdgarError } from './edgar-error.js';

/** Where in a named source something went wrong: 1-based line and column, 0-based character offset. */
export interface SourceLocation {
  file: string;
  offset: number;
  line: number;
  column: number;
}

/**
 * A submission that cannot be read at all (empty, binary, no recognisable structure). Carries the location and the
 * offending source line so `format()` can print `file:line:column`, the line, and a caret under the column.
 */
export class ParseError extends EdgarError {
  override name = 'ParseError';
  readonly location: SourceLocation;
  readonly sourceLine: string;

  constructor(code: ErrorCode, message: string, location: SourceLocation, sourceLine: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.location = location;
    this.sourceLine = sourceLine;
  }

  /** `file:line:column: message`, then the source line (shortened around the column) with a caret. */
  format(): string {
    const { file, line, column } = this.location;
    // A location may be only an offset (line 0, column 0): the caret then goes under the line's first character.
    const { text, caretAt } = clipAround(this.sourceLine, Math.max(0, column - 1), 100);
    const printable = text.replace(/[^\x20-\x7e\t]/g, '\uFFFD');
    return `${escapeControls(file)}:${line}:${column}: ${this.code}: ${escapeControls(this.message)}\n  ${printable}\n  ${' '.repeat(Math.max(0, caretAt))}^`;
  }
}

/**
 * Control characters written as `\xNN` (`\u{…}` beyond Latin-1): a message quoting binary input (a uuencoded file
 * name, a damaged header value) must not send escape sequences to the user's terminal.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped for the terminal
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

function clipAround(line: string, at: number, width: number): { text: string; caretAt: number } {
  if (line.length <= width) return { text: line, caretAt: Math.min(at, line.length) };
  const start = Math.max(0, Math.min(at - Math.floor(width / 2), line.length - width));
  return { text: line.slice(start, start + width), caretAt: at - start };
}

export function isParseError(value: unknown): value is ParseError {
  return value instanceof ParseError;
}
