import { InputError } from '@backstage/errors';
import type { SbomSummary } from '@aspm/plugin-aspm-common';
import { describeJsonType, isJsonObject, JsonObject } from './isJsonObject';

const UNKNOWN_FORMAT =
  'sbom: unknown format (expected CycloneDX JSON with bomFormat "CycloneDX" or SPDX JSON with spdxVersion "SPDX-2.x")';

/**
 * Reads a parsed SBOM into an {@link SbomSummary}.
 *
 * - CycloneDX JSON (`bomFormat: "CycloneDX"`, any `specVersion`):
 *   `componentCount` counts `components` and their nested `components`
 *   (not `metadata.component`, the thing described); `createdAt` is
 *   `metadata.timestamp`; `tool` is the first of `metadata.tools`, read from
 *   the array form (1.2 to 1.4, deprecated since) or the object form
 *   `{ components, services }` (1.5+), as `name version`.
 * - SPDX 2.x JSON (`spdxVersion: "SPDX-2.3"`): `specVersion` `2.3`,
 *   `componentCount` the number of `packages`, `createdAt`
 *   `creationInfo.created`, `tool` the first `Tool: …` creator.
 *
 * @throws InputError for anything else: XML, SPDX 3, other JSON, non-objects.
 */
export function parseSbom(doc: unknown): SbomSummary {
  if (typeof doc === 'string') {
    const hint = doc.trimStart().startsWith('<')
      ? 'got XML text; only the JSON formats are read'
      : 'got text, expected a parsed JSON document';
    throw new InputError(`${UNKNOWN_FORMAT}: ${hint}`);
  }
  if (!isJsonObject(doc)) {
    throw new InputError(`${UNKNOWN_FORMAT}: got ${describeJsonType(doc)}`);
  }
  if (doc.bomFormat === 'CycloneDX') return parseCycloneDx(doc);
  if (typeof doc.spdxVersion === 'string') return parseSpdx(doc);
  if ('@context' in doc && JSON.stringify(doc['@context']).includes('spdx')) {
    throw new InputError(
      `${UNKNOWN_FORMAT}: this looks like SPDX 3 JSON-LD, which is not read`,
    );
  }
  throw new InputError(UNKNOWN_FORMAT);
}

function parseCycloneDx(doc: JsonObject): SbomSummary {
  if (typeof doc.specVersion !== 'string' || doc.specVersion.length === 0) {
    throw new InputError('sbom: CycloneDX document has no specVersion');
  }
  const metadata = isJsonObject(doc.metadata) ? doc.metadata : {};
  return withOptional(
    {
      format: 'cyclonedx',
      specVersion: doc.specVersion,
      componentCount: countComponents(doc.components),
    },
    dateOrUndefined(metadata.timestamp),
    cycloneDxTool(metadata.tools),
  );
}

/**
 * Counts components and their nested `components`, depth first without
 * recursion (a hostile document cannot overflow the stack).
 */
function countComponents(top: unknown): number {
  const stack: Array<{ list: unknown; path: string }> = [
    { list: top, path: 'components' },
  ];
  let count = 0;
  while (stack.length > 0) {
    const { list, path } = stack.pop()!;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      throw new InputError(
        `sbom: ${path} is ${describeJsonType(list)}, expected an array`,
      );
    }
    for (let i = 0; i < list.length; i++) {
      const component: unknown = list[i];
      if (!isJsonObject(component)) {
        throw new InputError(
          `sbom: ${path}[${i}] is ${describeJsonType(
            component,
          )}, expected an object`,
        );
      }
      count += 1;
      stack.push({
        list: component.components,
        path: `${path}[${i}].components`,
      });
    }
  }
  return count;
}

function cycloneDxTool(tools: unknown): string | undefined {
  for (const tool of toolEntries(tools)) {
    if (!isJsonObject(tool)) continue;
    const name = nonEmpty(tool.name) ?? nonEmpty(tool.vendor);
    if (name) {
      const version = nonEmpty(tool.version);
      return version ? `${name} ${version}` : name;
    }
  }
  return undefined;
}

/** 1.2-1.4: `[{ vendor, name, version }]`; 1.5+: `{ components, services }`. */
function toolEntries(tools: unknown): unknown[] {
  if (Array.isArray(tools)) return tools;
  if (!isJsonObject(tools)) return [];
  return [
    ...(Array.isArray(tools.components) ? tools.components : []),
    ...(Array.isArray(tools.services) ? tools.services : []),
  ];
}

function parseSpdx(doc: JsonObject): SbomSummary {
  const version = /^SPDX-(2\.\d+)$/.exec(doc.spdxVersion as string);
  if (!version) {
    throw new InputError(
      `${UNKNOWN_FORMAT}: spdxVersion is ${JSON.stringify(doc.spdxVersion)}`,
    );
  }
  const packages = doc.packages ?? [];
  if (!Array.isArray(packages)) {
    throw new InputError(
      `sbom: SPDX packages is ${describeJsonType(packages)}, expected an array`,
    );
  }
  const creationInfo = isJsonObject(doc.creationInfo) ? doc.creationInfo : {};
  const creators = Array.isArray(creationInfo.creators)
    ? creationInfo.creators
    : [];
  const tool = creators
    .map(c => (typeof c === 'string' ? /^Tool:\s*(.+)$/.exec(c.trim()) : null))
    .find(m => m !== null)?.[1]
    .trim();
  return withOptional(
    {
      format: 'spdx',
      specVersion: version[1],
      componentCount: packages.length,
    },
    dateOrUndefined(creationInfo.created),
    tool,
  );
}

/** Adds createdAt and tool only when known, so results compare cleanly. */
function withOptional(
  summary: SbomSummary,
  createdAt: string | undefined,
  tool: string | undefined,
): SbomSummary {
  return {
    ...summary,
    ...(createdAt ? { createdAt } : {}),
    ...(tool ? { tool } : {}),
  };
}

/** The value when it is a date-time string JavaScript can read. */
function dateOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0
    ? value.trim()
    : undefined;
}
