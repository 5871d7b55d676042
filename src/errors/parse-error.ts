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
    const { text, caretAt } = clipAround(this.sourceLine, column - 1, 100);
    const printable = text.replace(/[^\x20-\x7e\t]/g, '\uFFFD');
    return `${file}:${line}:${column}: ${this.code}: ${this.message}\n  ${printable}\n  ${' '.repeat(caretAt)}^`;
  }
}

function clipAround(line: string, at: number, width: number): { text: string; caretAt: number } {
  if (line.length <= width) return { text: line, caretAt: Math.min(at, line.length) };
  const start = Math.max(0, Math.min(at - Math.floor(width / 2), line.length - width));
  return { text: line.slice(start, start + width), caretAt: at - start };
}

export function isParseError(value: unknown): value is ParseError {
  return value instanceof ParseError;
}
