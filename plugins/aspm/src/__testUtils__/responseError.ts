import { ResponseError } from '@backstage/errors';

const NAMES: Record<number, string> = {
  400: 'InputError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  409: 'ConflictError',
};

/** A `ResponseError` as the client throws it for a backend error answer. */
export async function responseError(
  status: number,
  message: string,
  url = 'http://backstage.test/api/aspm/exceptions',
): Promise<ResponseError> {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: 'Error',
    url,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: NAMES[status] ?? 'Error', message },
        response: { statusCode: status },
      }),
  } as any);
}
