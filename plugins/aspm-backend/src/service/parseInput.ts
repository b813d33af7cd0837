import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** `tier[0]`, `a.b`: where in the input a problem is. */
function formatPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i === 0 ? String(p) : `.${String(p)}`;
    })
    .join('');
}

/**
 * Validates request input with a zod schema and turns a failure into an
 * InputError (HTTP 400) whose message names each offending field.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'body' | 'path',
): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown ${where} parameter${
        issue.keys.length > 1 ? 's' : ''
      } ${issue.keys.map(k => `'${k}'`).join(', ')}`;
    }
    const field = issue.path.length ? `'${formatPath(issue.path)}'` : where;
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${where}: ${problems.join('; ')}`);
}
