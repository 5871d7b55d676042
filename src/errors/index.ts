export { EdgarError, isEdgarError } from './edgar-error.js';
export { DatabaseError, isDatabaseError } from './database-error.js';
export { FetchError, isFetchError } from './fetch-error.js';
export { NotFoundError, isNotFoundError } from './not-found-error.js';
export { ParseError, isParseError, type SourceLocation } from './parse-error.js';
export { ValidationError, isValidationError } from './validation-error.js';
