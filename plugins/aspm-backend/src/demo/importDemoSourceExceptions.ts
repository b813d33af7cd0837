import { AspmEntity } from '@aspm/plugin-aspm-common';
import { AspmImportedException } from '@aspm/plugin-aspm-node';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { FindingsStore } from '../database/FindingsStore';
import { importSourceExceptions } from '../exceptions/importSourceExceptions';

const DAY = 86_400_000;

/** The demo's imported exceptions: which entity, which source, how decided. */
const PLAN: Array<{
  entityRef: string;
  source: 'github' | 'defectdojo';
  findings: number;
  make: (
    finding: { fingerprint: string },
    slug: string,
    now: Date,
  ) => Omit<AspmImportedException, 'findings'>;
}> = [
  {
    // Dismissed in GitHub as "won't fix": no expiry, no review date, so the
    // register shows it as unmanaged debt.
    entityRef: 'component:default/ledger-service',
    source: 'github',
    findings: 2,
    make: (f, slug, now) => ({
      externalId: `github:${slug}:demo:${f.fingerprint.slice(0, 16)}`,
      reason:
        "Dismissed in GitHub as won't fix: the ledger batch job is retired next year.",
      status: 'approved',
      requestedBy: 'github:ledger-bot',
      requestedAt: new Date(now.getTime() - 41 * DAY),
      decidedBy: 'github:ledger-bot',
      decidedAt: new Date(now.getTime() - 41 * DAY),
    }),
  },
  {
    // A DefectDojo risk acceptance with its expiration date.
    entityRef: 'component:default/payments-api',
    source: 'defectdojo',
    findings: 1,
    make: (f, _slug, now) => ({
      externalId: `defectdojo:risk_acceptance:demo-${f.fingerprint.slice(
        0,
        16,
      )}`,
      reason:
        'Risk accepted in DefectDojo: the vulnerable path is not reachable from the public API.',
      category: 'compensated',
      status: 'approved',
      requestedBy: 'defectdojo:admin',
      requestedAt: new Date(now.getTime() - 20 * DAY),
      decidedBy: 'defectdojo:admin',
      decidedAt: new Date(now.getTime() - 19 * DAY),
      expiresAt: new Date(now.getTime() + 70 * DAY),
    }),
  },
];

/**
 * Imports a few GitHub dismissals and a DefectDojo risk acceptance for demo
 * services, through the same path the source modules use, so the exception
 * register shows imported exceptions with their source. Repeatable: an
 * import is keyed by its external id, so a second run changes nothing.
 */
export async function importDemoSourceExceptions(deps: {
  entities: AspmEntity[];
  findings: FindingsStore;
  exceptions: ExceptionsStore;
  categories: string[];
  now: Date;
}): Promise<number> {
  let imported = 0;
  for (const plan of PLAN) {
    const entity = deps.entities.find(e => e.entityRef === plan.entityRef);
    if (!entity) continue;
    const open = await deps.findings.listFindings({
      entityRefs: [plan.entityRef],
      state: ['open'],
      severity: ['low', 'medium'],
      orderBy: 'firstSeenAt',
      order: 'asc',
      limit: plan.findings,
      offset: 0,
      now: deps.now,
    });
    if (!open.items.length) continue;
    const slug = entity.repository?.slug ?? entity.name;
    const exceptions = open.items.map(f => ({
      ...plan.make(f, slug, deps.now),
      findings: [
        { tool: f.tool.name, fingerprint: f.fingerprint, runKey: f.runKey },
      ],
    }));
    const result = await importSourceExceptions({
      sourceId: plan.source,
      batch: { entityRef: plan.entityRef, exceptions },
      exceptions: deps.exceptions,
      categories: deps.categories,
      now: deps.now,
    });
    imported += result.created;
  }
  return imported;
}
