import { InputError } from '@backstage/errors';
import type {
  ProvenanceSubject,
  ProvenanceSummary,
} from '@aspm/plugin-aspm-common';
import { describeJsonType, isJsonObject, JsonObject } from './isJsonObject';

/** The in-toto Statement `_type`s we read. */
export const STATEMENT_TYPES = [
  'https://in-toto.io/Statement/v0.1',
  'https://in-toto.io/Statement/v1',
] as const;

/** What a Statement contributes to a {@link ProvenanceSummary}. */
export type StatementFacts = Omit<
  ProvenanceSummary,
  'envelope' | 'signatureCount'
>;

/**
 * Reads an in-toto Statement (v0.1 or v1): its type, predicate type,
 * subjects and, for SLSA provenance, the builder id and build type
 * (`predicate.builder.id` / `predicate.buildType` in SLSA v0.2,
 * `predicate.runDetails.builder.id` /
 * `predicate.buildDefinition.buildType` in SLSA v1).
 *
 * @param doc - the parsed JSON
 * @param where - what the statement is, for errors: `statement` or
 *   `DSSE payload`
 * @throws InputError `provenance: <where> …` when it is not a Statement or
 *   has no subjects
 */
export function parseStatement(
  doc: unknown,
  where: string = 'statement',
): StatementFacts {
  const fail = (detail: string): never => {
    throw new InputError(`provenance: ${where} ${detail}`);
  };
  if (!isJsonObject(doc)) {
    return fail(
      `is not an in-toto Statement (expected a JSON object, got ${describeJsonType(
        doc,
      )})`,
    );
  }
  const type = doc._type;
  if (!(STATEMENT_TYPES as readonly unknown[]).includes(type)) {
    fail(
      `is not an in-toto Statement (_type is ${
        type === undefined ? 'missing' : JSON.stringify(type)
      }, expected ${STATEMENT_TYPES.join(' or ')})`,
    );
  }
  const predicateType = doc.predicateType;
  if (typeof predicateType !== 'string' || predicateType.length === 0) {
    fail('has no predicateType');
  }
  const subject = doc.subject;
  if (subject === undefined) fail('has no subject');
  if (!Array.isArray(subject)) {
    return fail(
      `subject is ${describeJsonType(subject)}, expected an array of subjects`,
    );
  }
  if (subject.length === 0) fail('has no subjects (subject is empty)');

  const predicate = isJsonObject(doc.predicate) ? doc.predicate : {};
  return {
    statementType: type as string,
    predicateType: predicateType as string,
    subjects: subject.map((s, i) => readSubject(s, `subject[${i}]`, fail)),
    builderId:
      stringAt(predicate, 'builder', 'id') ??
      stringAt(predicate, 'runDetails', 'builder', 'id'),
    buildType:
      stringAt(predicate, 'buildType') ??
      stringAt(predicate, 'buildDefinition', 'buildType'),
  };
}

function readSubject(
  s: unknown,
  path: string,
  fail: (detail: string) => never,
): ProvenanceSubject {
  if (!isJsonObject(s)) {
    return fail(`${path} is ${describeJsonType(s)}, expected an object`);
  }
  // Statement v1 makes `name` optional; keep an empty name rather than fail.
  if (s.name !== undefined && typeof s.name !== 'string') {
    fail(`${path}.name is ${describeJsonType(s.name)}, expected a string`);
  }
  if (!isJsonObject(s.digest)) {
    return fail(`${path} has no digest`);
  }
  const digest: Record<string, string> = {};
  for (const [algorithm, value] of Object.entries(s.digest)) {
    if (typeof value !== 'string' || value.length === 0) {
      const got = value === '' ? 'empty' : describeJsonType(value);
      fail(`${path}.digest.${algorithm} is ${got}, expected a hex string`);
    }
    digest[algorithm] = value as string;
  }
  if (Object.keys(digest).length === 0) fail(`${path} has an empty digest`);
  return { name: (s.name as string | undefined) ?? '', digest };
}

function stringAt(obj: JsonObject, ...path: string[]): string | undefined {
  let at: unknown = obj;
  for (const key of path) {
    if (!isJsonObject(at)) return undefined;
    at = at[key];
  }
  return typeof at === 'string' && at.length > 0 ? at : undefined;
}
