import { RequestFormField } from './requestFormValues';

const FIELDS: Record<string, RequestFormField> = {
  scope: 'scopeType',
  'scope.type': 'scopeType',
  'scope.findingIds': 'scopeType',
  'scope.rule': 'rule',
  'scope.category': 'scopeCategory',
  category: 'category',
  reason: 'reason',
  expiresAt: 'expiresAt',
  reviewAt: 'reviewAt',
  compensatingControl: 'controlText',
  'compensatingControl.text': 'controlText',
  'compensatingControl.link': 'controlLink',
};

/**
 * The form field of a path in the request body (a zod issue path, or the
 * "scope.rule: ..." prefix of a server message); undefined for others.
 */
export function requestFieldOfPath(
  path: ReadonlyArray<PropertyKey>,
): RequestFormField | undefined {
  const key = path.filter(p => typeof p === 'string').join('.');
  return FIELDS[key];
}
