import { ResponseError } from '@backstage/errors';

/** The server's own message of a failed request, or the error's message. */
export function errorMessage(error: Error): string {
  if (ResponseError.is(error) && error.cause?.message) {
    return error.cause.message;
  }
  return error.message;
}

/** Whether the error is a 404 answer of the backend. */
export function isNotFoundError(error: Error): boolean {
  return ResponseError.is(error) && error.statusCode === 404;
}
