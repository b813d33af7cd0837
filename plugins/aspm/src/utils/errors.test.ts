import { ResponseError } from '@backstage/errors';
import { errorMessage, isNotFoundError } from './errors';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: 'Not Found',
    url: 'http://backstage.test/api/aspm/entities/component/default/x',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'NotFoundError', message },
        response: { statusCode: status },
      }),
  } as any);
}

describe('errors', () => {
  it("uses the server's message of a ResponseError", async () => {
    const error = await responseError(404, 'No entity component:default/x');
    expect(errorMessage(error)).toBe('No entity component:default/x');
    expect(isNotFoundError(error)).toBe(true);
  });

  it('falls back to the message of other errors', () => {
    expect(errorMessage(new Error('offline'))).toBe('offline');
    expect(isNotFoundError(new Error('offline'))).toBe(false);
  });
});
