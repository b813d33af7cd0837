import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  aspmExceptionApprovePermission,
  aspmExceptionCreatePermission,
  aspmPackReadPermission,
  aspmReadPermission,
  entityScorecardQuerySchema,
  exceptionRequestSchema,
  exceptionsQuerySchema,
  findingsQuerySchema,
  metricsQuerySchema,
  packQuerySchema,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { FindingsStore } from '../database/FindingsStore';
import { ExceptionService } from '../exceptions/ExceptionService';
import { MetricsService } from '../metrics/MetricsService';
import { PackService } from '../packs/PackService';
import { ReleaseService } from '../releases/ReleaseService';
import { ScorecardService } from '../scorecard/ScorecardService';
import { actorOf } from '../service/actorOf';
import { findingsQueryFromParams } from '../service/findingsQueryFromParams';
import { listExceptionsPage } from '../service/listExceptionsPage';
import { parseInput } from '../service/parseInput';
import {
  agingFindingsOnCriticalApps,
  exceptionsWithoutControls,
  releasesLackingEvidence,
  teamsFailingGates,
  underScannedTier1,
} from './platformQuestions';
import { toQuery } from './toQuery';

/** What the actions call: the same services as the HTTP routes. */
export interface AspmActionsDeps {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  store: AspmStore;
  findings: FindingsStore;
  exceptions: ExceptionService;
  exceptionsStore: ExceptionsStore;
  releases: ReleaseService;
  metrics: MetricsService;
  scorecards: ScorecardService;
  packs: PackService;
}

/** Most items any list in an action's answer holds (an agent's context is small). */
const MAX_ITEMS = 50;

const SCOPE_HELP =
  "Scope: 'org' (default), 'businessUnit:group:default/<unit>', a team 'group:default/<team>' (with its sub-teams), a System or Domain ref, or one entity ref such as 'component:default/payments-api'.";
const PERIOD_HELP =
  "Period: a month '2026-10', a quarter '2026-Q3' or an ISO week '2026-W42'; default the 90 days ending today.";

/**
 * Registers the ASPM actions with the actions registry (served to agents
 * by the MCP actions backend): the five platform questions of seed 002,
 * the entity scorecard, the director pack summary, paged finding and
 * exception lists, and requesting an exception. Each checks the same
 * permission as its HTTP route and validates its input with the route's
 * schema.
 */
export function registerAspmActions(deps: AspmActionsDeps): void {
  const { actionsRegistry: registry } = deps;

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this (permission ${permission.name})`,
      );
    }
  }

  /** Scope and period, validated like GET /metrics. */
  const metricsQuery = (input: {
    scope?: string;
    period?: string;
    asOf?: string;
  }) =>
    parseInput(
      metricsQuerySchema,
      toQuery({ scope: input.scope, period: input.period, asOf: input.asOf }),
      'query',
    );

  registry.register({
    name: 'find-under-scanned-tier1-applications',
    title: 'Which tier-1 applications are under-scanned?',
    description: `Lists the tier-1 (business-critical) Components that lack one or more required baseline controls (owner, repository, SAST, SCA, secret and container scans within 30 days, a release with evidence within 90 days), with the controls each one misses, most gaps first. The same entities the director pack's tier-1 coverage counts. ${SCOPE_HELP}`,
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional().describe(SCOPE_HELP),
          asOf: z
            .string()
            .optional()
            .describe('YYYY-MM-DD: answer as of the end of that day (UTC)'),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(20),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          scope: z.string(),
          asOf: z.string(),
          tier1Components: z.number(),
          covered: z.number(),
          underScanned: z.number(),
          applications: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              team: z.string().optional(),
              businessUnit: z.string().optional(),
              missing: z.array(z.string()),
            }),
          ),
        }),
    },
    examples: [
      {
        title:
          'Tier-1 applications of the payments business unit lacking controls',
        input: { scope: 'businessUnit:group:default/payments-bu', limit: 10 },
      },
    ],
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const { ctx, time } = await deps.metrics.contexts(metricsQuery(input));
      const answer = underScannedTier1(ctx);
      const top = answer.applications.slice(0, input.limit);
      const counts = new Map<string, number>();
      answer.applications.forEach(a =>
        a.missing.forEach(m => counts.set(m, (counts.get(m) ?? 0) + 1)),
      );
      const common = [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([c, n]) => `${c} (${n})`);
      return {
        output: {
          summary: answer.tier1
            ? `${answer.applications.length} of ${
                answer.tier1
              } tier-1 Components in ${ctx.scope} lack a required control${
                common.length
                  ? `; most often missing: ${common.join(', ')}`
                  : ''
              }.`
            : `${ctx.scope} has no tier-1 Components (annotate them with aspm.io/tier: "1").`,
          scope: ctx.scope,
          asOf: time.asOf,
          tier1Components: answer.tier1,
          covered: answer.covered,
          underScanned: answer.applications.length,
          applications: top,
        },
      };
    },
  });

  registry.register({
    name: 'find-teams-failing-gates',
    title: 'Which teams repeatedly fail security gates?',
    description: `Lists the teams whose release candidates failed a security gate at the first attempt at least minFailures times in the period, with their first-pass rate and the gate types that failed most. ${SCOPE_HELP} ${PERIOD_HELP}`,
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional().describe(SCOPE_HELP),
          period: z.string().max(10).optional().describe(PERIOD_HELP),
          minFailures: z.number().int().min(1).max(1000).default(2),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(10),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          scope: z.string(),
          from: z.string(),
          to: z.string(),
          teams: z.array(
            z.object({
              team: z.string(),
              candidates: z.number(),
              firstPass: z.number(),
              failedFirst: z.number(),
              firstPassRate: z.number(),
              failingGates: z.array(
                z.object({ gate: z.string(), failures: z.number() }),
              ),
            }),
          ),
          teamsTotal: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const { ctx, time } = await deps.metrics.contexts(metricsQuery(input));
      const teams = teamsFailingGates(ctx, input.minFailures);
      const worst = teams[0];
      return {
        output: {
          summary: worst
            ? `${teams.length} team(s) failed gates at the first attempt ${
                input.minFailures
              } or more times; ${worst.team} most often (${
                worst.failedFirst
              } of ${worst.candidates} candidates, mostly ${
                worst.failingGates[0]?.gate ?? 'various gates'
              }).`
            : `No team failed gates at the first attempt ${input.minFailures} or more times in the period.`,
          scope: ctx.scope,
          from: time.from,
          to: time.to,
          teams: teams.slice(0, input.limit),
          teamsTotal: teams.length,
        },
      };
    },
  });

  registry.register({
    name: 'find-aging-findings-on-critical-apps',
    title: 'Which findings are aging on the apps that matter most?',
    description: `Lists open (not accepted) findings of the given severities on the most critical Components (tier 1 by default, optionally internet-facing only) that have been open at least minAgeDays, highest risk weight first, each with its age, SLA deadline and whether it is overdue. ${SCOPE_HELP}`,
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional().describe(SCOPE_HELP),
          tiers: z
            .array(z.enum(['1', '2', '3']))
            .min(1)
            .default(['1']),
          severities: z
            .array(z.enum(['critical', 'high', 'medium', 'low']))
            .min(1)
            .default(['critical', 'high']),
          minAgeDays: z.number().int().min(0).max(3650).default(30),
          internetOnly: z.boolean().default(false),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(20),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          scope: z.string(),
          asOf: z.string(),
          total: z.number(),
          overdue: z.number(),
          findings: z.array(
            z.object({
              findingId: z.number(),
              entityRef: z.string(),
              title: z.string(),
              severity: z.string(),
              tool: z.string(),
              ageDays: z.number(),
              slaDeadline: z.string().optional(),
              overdue: z.boolean(),
              riskWeight: z.number(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const { ctx, time } = await deps.metrics.contexts(
        metricsQuery({ scope: input.scope }),
      );
      const findings = agingFindingsOnCriticalApps(ctx, input);
      const overdue = findings.filter(f => f.overdue).length;
      const oldest = findings.reduce(
        (m, f) => (f.ageDays > m ? f.ageDays : m),
        0,
      );
      return {
        output: {
          summary: findings.length
            ? `${findings.length} open ${input.severities.join(
                '/',
              )} finding(s) on tier ${input.tiers.join('/')} Components are ${
                input.minAgeDays
              }+ days old; ${overdue} are past their SLA deadline; the oldest is ${oldest} days.`
            : `No open ${input.severities.join(
                '/',
              )} finding on tier ${input.tiers.join('/')} Components is ${
                input.minAgeDays
              }+ days old.`,
          scope: ctx.scope,
          asOf: time.asOf,
          total: findings.length,
          overdue,
          findings: findings.slice(0, input.limit),
        },
      };
    },
  });

  registry.register({
    name: 'find-exceptions-without-compensating-controls',
    title: 'Which exceptions are accumulating without compensating controls?',
    description: `Counts the active (approved, unexpired) exceptions that have no compensating control, against the previous equal window, grouped by business unit and category, and lists the oldest. ${SCOPE_HELP}`,
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional().describe(SCOPE_HELP),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(20),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          scope: z.string(),
          asOf: z.string(),
          count: z.number(),
          previousCount: z.number(),
          over90Days: z.number(),
          byBusinessUnitAndCategory: z.array(
            z.object({
              businessUnit: z.string(),
              category: z.string(),
              count: z.number(),
            }),
          ),
          exceptions: z.array(
            z.object({
              exceptionId: z.number(),
              entityRef: z.string(),
              category: z.string(),
              ageDays: z.number(),
              expiresAt: z.string().optional(),
              hasReviewDate: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const { ctx, prev, time } = await deps.metrics.contexts(
        metricsQuery({ scope: input.scope }),
      );
      const a = exceptionsWithoutControls(ctx, prev);
      const top = a.byBusinessUnitAndCategory[0];
      let trend = 'flat';
      if (a.count > a.previousCount) trend = 'up';
      else if (a.count < a.previousCount) trend = 'down';
      return {
        output: {
          ...a,
          summary: `${
            a.count
          } active exception(s) have no compensating control (${trend} from ${
            a.previousCount
          } a window earlier), ${a.over90Days} approved over 90 days ago${
            top
              ? `; the largest group is ${top.category} in ${top.businessUnit} (${top.count})`
              : ''
          }.`,
          scope: ctx.scope,
          asOf: time.asOf,
          byBusinessUnitAndCategory: a.byBusinessUnitAndCategory.slice(
            0,
            input.limit,
          ),
          exceptions: a.exceptions.slice(0, input.limit),
        },
      };
    },
  });

  registry.register({
    name: 'find-releases-lacking-evidence',
    title: 'Which releases lack sufficient evidence?',
    description: `Lists the production releases of the period whose evidence checklist is incomplete (SBOM, provenance, signature, scan results, gate decision, approver), newest first, each with the items missing or invalid. ${SCOPE_HELP} ${PERIOD_HELP}`,
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional().describe(SCOPE_HELP),
          period: z.string().max(10).optional().describe(PERIOD_HELP),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(10),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          scope: z.string(),
          from: z.string(),
          to: z.string(),
          productionReleases: z.number(),
          lackingEvidence: z.number(),
          releases: z.array(
            z.object({
              releaseId: z.number(),
              entityRef: z.string(),
              version: z.string(),
              releasedAt: z.string(),
              missing: z.array(
                z.object({
                  item: z.string(),
                  status: z.string(),
                  reason: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const { ctx, time } = await deps.metrics.contexts(metricsQuery(input));
      const { production, lacking } = releasesLackingEvidence(ctx);
      const releases = [];
      for (const r of lacking.slice(0, input.limit)) {
        const full = await deps.releases.get(r.id);
        releases.push({
          releaseId: r.id,
          entityRef: r.entityRef,
          version: r.version,
          releasedAt: new Date(r.releasedAt).toISOString(),
          missing: full.checklist
            .filter(c => c.required && c.status !== 'met')
            .map(c => ({ item: c.item, status: c.status, reason: c.reason })),
        });
      }
      return {
        output: {
          summary: `${lacking.length} of ${production} production release(s) in the period lack complete evidence.`,
          scope: ctx.scope,
          from: time.from,
          to: time.to,
          productionReleases: production,
          lackingEvidence: lacking.length,
          releases,
        },
      };
    },
  });

  registry.register({
    name: 'get-entity-security-scorecard',
    title: "An entity's security scorecard",
    description:
      "The Security tab of a Component or System as data: owner and business unit, tier and exposure with the risk weight they imply, the top risks (open findings by risk weight, with age and SLA deadline), open exceptions, critical/high aging against the SLA, baseline controls present or missing, the director metrics against target, and the next 30 days' actions.",
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(300)
            .describe('An entity ref such as component:default/payments-api'),
          topRisks: z.number().int().min(1).max(MAX_ITEMS).default(10),
        }),
      output: z => z.object({ scorecard: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const query = parseInput(
        entityScorecardQuerySchema,
        toQuery({ entityRef: input.entityRef, limit: input.topRisks }),
        'query',
      );
      const card = await deps.scorecards.entity(query);
      return {
        output: {
          scorecard: {
            ...card,
            actions: {
              ...card.actions,
              items: card.actions.items.slice(0, MAX_ITEMS),
            },
          } as unknown as Record<string, unknown>,
        },
      };
    },
  });

  registry.register({
    name: 'get-director-pack-summary',
    title: 'The director pack summary',
    description:
      "The executive summary of a director pack: what changed, why (the business units, teams, sources or counting changes behind it) and the decisions needed, with the ten director metrics against target and their direction. Audience 'leadership' (default), 'managers' or 'board'; scope 'org' or 'businessUnit:group:default/<unit>'; period a month (2026-10), quarter (2026-Q3), half-year (2026-H1) or ISO week; default the last full month.",
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmPackReadPermission,
    schema: {
      input: z =>
        z.object({
          scope: z.string().max(400).optional(),
          period: z.string().max(10).optional(),
          audience: z
            .enum(['leadership', 'managers', 'board'])
            .default('leadership'),
        }),
      output: z =>
        z.object({
          scope: z.string(),
          period: z.record(z.unknown()),
          narrative: z.record(z.unknown()).optional(),
          metrics: z.array(z.record(z.unknown())),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmPackReadPermission);
      const query = parseInput(
        packQuerySchema,
        toQuery({ scope: input.scope, period: input.period }),
        'query',
      );
      const pack = await deps.packs.pack({
        audience: input.audience,
        scope: query.scope,
        period: query.period,
      });
      const blocks = pack.sections.flatMap(s => s.blocks);
      const narrative = blocks.find(b => b.kind === 'narrative');
      const scorecard = blocks.find(b => b.kind === 'scorecard');
      return {
        output: {
          scope: pack.scope,
          period: pack.period as unknown as Record<string, unknown>,
          narrative: narrative as unknown as Record<string, unknown>,
          metrics:
            scorecard?.kind === 'scorecard'
              ? scorecard.metrics.map(
                  ({ points, byBusinessUnit, ...m }) =>
                    m as unknown as Record<string, unknown>,
                )
              : [],
        },
      };
    },
  });

  registry.register({
    name: 'list-findings',
    title: 'List findings',
    description:
      'Lists findings with the filters of GET /api/aspm/findings (entity refs, teams, business units, tiers, severities, states, categories, free text), paged (at most 50 a page). States: open, fixed, accepted, false_positive.',
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z.array(z.string().max(300)).max(50).optional(),
          team: z.array(z.string().max(200)).max(50).optional(),
          businessUnit: z.array(z.string().max(200)).max(50).optional(),
          tier: z.array(z.enum(['1', '2', '3', 'untiered'])).optional(),
          severity: z
            .array(z.enum(['critical', 'high', 'medium', 'low', 'info']))
            .optional(),
          state: z
            .array(z.enum(['open', 'fixed', 'accepted', 'false_positive']))
            .optional(),
          q: z.string().max(200).optional(),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(20),
          offset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          offset: z.number(),
          items: z.array(z.record(z.unknown())),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const params = parseInput(findingsQuerySchema, toQuery(input), 'query');
      const query = await findingsQueryFromParams(deps.store, params);
      const page = query
        ? await deps.findings.listFindings(query)
        : { items: [], totalCount: 0, limit: params.limit, offset: 0 };
      return {
        output: {
          totalCount: page.totalCount,
          offset: params.offset,
          items: page.items.map(f => ({
            id: f.id,
            entityRef: f.entityRef,
            title: f.title,
            severity: f.severity,
            state: f.state,
            tool: f.tool.name,
            ruleId: f.ruleId,
            firstSeenAt: f.firstSeenAt,
            link: f.link,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'list-exceptions',
    title: 'List exceptions',
    description:
      'Lists exceptions (risk acceptances) with the filters of GET /api/aspm/exceptions: entity refs, teams, business units, status (requested, approved, rejected, revoked, expired), category, without review date, without compensating control, expiring within N days; paged (at most 50 a page).',
    attributes: { readOnly: true, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmReadPermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z.array(z.string().max(300)).max(50).optional(),
          team: z.array(z.string().max(200)).max(50).optional(),
          businessUnit: z.array(z.string().max(200)).max(50).optional(),
          status: z
            .array(
              z.enum([
                'requested',
                'approved',
                'rejected',
                'revoked',
                'expired',
              ]),
            )
            .optional(),
          category: z.array(z.string().max(60)).optional(),
          noReviewDate: z.boolean().optional(),
          noCompensatingControl: z.boolean().optional(),
          expiringWithinDays: z.number().int().min(0).max(3650).optional(),
          limit: z.number().int().min(1).max(MAX_ITEMS).default(20),
          offset: z.number().int().min(0).default(0),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          offset: z.number(),
          items: z.array(z.record(z.unknown())),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmReadPermission);
      const params = parseInput(exceptionsQuerySchema, toQuery(input), 'query');
      const page = await listExceptionsPage(deps, params, {
        actor: actorOf(credentials),
        canApprove: false,
      });
      return {
        output: {
          totalCount: page.totalCount,
          offset: params.offset,
          items: page.items.map(e => ({
            id: e.id,
            entityRef: e.entityRef,
            status: e.status,
            category: e.category,
            reason: e.reason,
            requestedBy: e.requestedBy,
            requestedAt: e.requestedAt,
            expiresAt: e.expiresAt,
            reviewAt: e.reviewAt,
            compensatingControl: e.compensatingControl?.text,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'request-exception',
    title: 'Request an exception (risk acceptance)',
    description:
      "Requests an exception for an entity's findings, with the same validation, permission (aspm.exception.create) and separation of duties as POST /api/aspm/exceptions: the request waits for someone else with aspm.exception.approve to decide it. Scope: {type:'findings', findingIds:[...]}, {type:'rule', rule:'CVE-2024-3094'}, {type:'category', category:'dependency'} or {type:'entity'}. The reason needs at least 10 characters. Repeating the same request while it is still open returns it instead of creating another.",
    attributes: { readOnly: false, destructive: false, idempotent: true },
    // Hidden from callers without it, and checked again on invoke.
    visibilityPermission: aspmExceptionCreatePermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(300),
          scope: z.object({
            type: z.enum(['findings', 'rule', 'category', 'entity']),
            findingIds: z.array(z.number().int()).max(500).optional(),
            rule: z.string().max(300).optional(),
            category: z.string().max(40).optional(),
          }),
          reason: z.string().max(4000),
          category: z
            .string()
            .max(60)
            .describe(
              'The exception category, e.g. platform-gap, compensated, false-positive-dispute',
            ),
          expiresAt: z.string().optional().describe('YYYY-MM-DD requested'),
          reviewAt: z.string().optional(),
          compensatingControl: z
            .object({ text: z.string(), link: z.string().optional() })
            .optional(),
        }),
      output: z =>
        z.object({
          created: z.boolean(),
          exception: z.record(z.unknown()),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, aspmExceptionCreatePermission);
      // The HTTP body schema, with its messages; unset scope keys dropped.
      const scope = Object.fromEntries(
        Object.entries(input.scope).filter(([, v]) => v !== undefined),
      );
      const body = parseInput(
        exceptionRequestSchema,
        { ...input, scope },
        'body',
      );
      const actor = actorOf(credentials);
      const open = await deps.exceptionsStore.list({
        entityRefs: [body.entityRef.toLocaleLowerCase('en-US')],
        status: ['requested'],
        orderBy: 'requestedAt',
        order: 'desc',
        limit: 100,
        offset: 0,
        now: new Date(),
      });
      const same = open.items.find(
        e =>
          e.requestedBy === actor &&
          e.reason === body.reason &&
          e.category === body.category &&
          JSON.stringify(e.scope) === JSON.stringify(body.scope),
      );
      if (same) {
        return {
          output: {
            created: false,
            exception: same as unknown as Record<string, unknown>,
          },
        };
      }
      const [approve] = await deps.permissions.authorize(
        [{ permission: aspmExceptionApprovePermission }],
        { credentials },
      );
      const created = await deps.exceptions.request(body, {
        actor,
        canApprove: approve.result === AuthorizeResult.ALLOW,
      });
      return {
        output: {
          created: true,
          exception: created as unknown as Record<string, unknown>,
        },
      };
    },
  });
}
