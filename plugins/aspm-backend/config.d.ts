import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the ASPM (application security posture) plugins. */
  aspm?: {
    catalogSync?: {
      /**
       * When the catalog sync runs. Default: every 30 minutes, and once
       * shortly after the backend starts.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Entities read per catalog request. Default 500. */
      pageSize?: number;
    };
    /**
     * Group `spec.type` values that make a Group a business unit; an entity's
     * business unit is the nearest such ancestor of its owning team.
     * Default: ["business-unit", "department"].
     */
    businessUnitGroupTypes?: string[];
    /** What puts an entity on an approved golden path (golden_path_adoption). */
    goldenPath?: {
      /** An annotation whose value is not "false". Default aspm.io/golden-path. */
      annotation?: string;
      /** Any of these tags. Default ["golden-path"]. */
      tags?: string[];
      /**
       * Scaffolder templates (backstage.io/source-template values) that are
       * golden paths, or "*" for any. Default none.
       */
      templates?: string[];
    };
    demo?: {
      /**
       * Load a year of seeded, weekly scan history for the catalog's
       * components through the ingest path, once. For demos only: on in
       * app-config.yaml, off in production. Default false.
       */
      enabled?: boolean;
      /** Weeks of history to load. Default 52. */
      weeks?: number;
      /**
       * Once the history is loaded, rebuild its daily metric snapshots in
       * the background (when none exist yet). Default true.
       */
      snapshots?: boolean;
    };
    exceptions?: {
      /**
       * The category taxonomy of exceptions. Default: standard-unrealistic,
       * platform-gap, ownership, compensated, false-positive-dispute, other.
       */
      categories?: string[];
      /**
       * Longest approval, in days, per tier ("1", "2", "3") and "default" for
       * untiered entities. Default: 1: 90, 2: 180, 3: 365, default: 365.
       */
      maxDays?: { [tier: string]: number };
      /** Approved exceptions expiring within this many days are "expiring soon". Default 30. */
      expiringSoonDays?: number;
      /** When the expiry job runs. Default every 15 minutes. */
      expirySchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    releases?: {
      /**
       * Evidence a release must carry, by environment: a list of items
       * (sbom, provenance, signature, scanResults, gateDecision, approver), or
       * lists by tier ("1", "2", "3", "default"). Default: production needs
       * all six; other environments need nothing.
       */
      requiredEvidence?: {
        [environment: string]: string[] | { [tier: string]: string[] };
      };
      /**
       * Provenance builder ids accepted (exact, or a prefix ending in `*`),
       * e.g. the SLSA GitHub generator's reusable workflow. Empty or unset:
       * any builder is accepted.
       */
      allowedBuilders?: string[];
    };
    secrets?: {
      /**
       * Days from detection to rotation of a leaked secret, by tier ("1",
       * "2", "3") and "default". Default: 7 for every tier.
       */
      rotationSlaDays?: { [tier: string]: number };
    };
    /** The daily metric snapshots (docs/metrics.md, History). */
    snapshots?: {
      /**
       * When the snapshot job runs. It snapshots the complete days missing
       * since the last one, so running more often than daily is cheap.
       * Default every 6 hours, first 2 minutes after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How many missing days, back from yesterday, the job fills. Default 7. */
      catchUpDays?: number;
    };
    /**
     * The director metrics (docs/metrics.md). Every key is optional; the
     * defaults are the ones documented there. Read as a plain object and
     * checked on start-up: a wrong key or value stops the backend with its
     * path named.
     */
    metrics?: {
      /** Default flow window in days, ending with asOf. Default 90. */
      windowDays?: number;
      /** A change within this share of the previous value is flat. Default 0.02. */
      flatBand?: number;
      /** Severities the risk-weighted backlog sums. Default [critical]. */
      backlogSeverities?: string[];
      weights?: {
        /** Default critical 10, high 5, medium 2, low 1, info 0. */
        severity?: { [severity: string]: number };
        /** Known exploited (CISA KEV). Default 2. */
        knownExploited?: number;
        /** EPSS at or above this... Default 0.1. */
        epssThreshold?: number;
        /** ...weighs this. Default 1.5. */
        epssAbove?: number;
        /** Neither. Default 1. */
        otherExploitability?: number;
        /** By tier "1", "2", "3", "untiered". Default 3, 2, 1, 2. */
        tier?: { [tier: string]: number };
        /** internet, internal, unknown. Default 2, 1, 1.5. */
        exposure?: { [exposure: string]: number };
      };
      coverage?: {
        /**
         * Controls a tier-1 Component must have: owner, repository, sast,
         * sca, secrets, container (services only), release-evidence,
         * repository-protection (OpenSSF Scorecard). Default all but
         * repository-protection.
         */
        controls?: string[];
        /** A scan counts for this many days. Default 30. */
        scanDays?: number;
        /** A release counts for this many days. Default 90. */
        releaseDays?: number;
      };
      /**
       * Remediation SLA days by severity: a number, or days by tier ("1",
       * "2", "3", "default"). Default critical 7/14/30, high 30/45/60,
       * medium 90, low 180.
       */
      slaDays?: { [severity: string]: number | { [tier: string]: number } };
      /** The program-signal metrics (docs/metrics.md, Program signals). */
      signals?: {
        /** A completed review covers an entity this many days. Default 365. */
        reviewCoverageDays?: number;
        /** Review kinds that count. Default [threat-model, design-review]. */
        reviewKinds?: string[];
        /** Tiers of the coverage and protection metrics. Default ["1", "2"]. */
        criticalTiers?: string[];
        /**
         * Scorecard checks that make a repository protected. Default
         * Branch-Protection, Token-Permissions, Dangerous-Workflow,
         * Pinned-Dependencies.
         */
        protectionChecks?: string[];
        /** Each must score at least this (0..10). Default 8. */
        protectionThreshold?: number;
        /** Environments whose deploys DORA counts. Default [production]. */
        productionEnvironments?: string[];
      };
      /**
       * Targets by metric id: { op: '>=' | '>' | '<' | '<=', value }, or
       * 'none' (the metric must then not get worse window on window).
       */
      targets?: {
        [metricId: string]: { op: string; value: number } | 'none';
      };
    };
    ingest?: {
      /**
       * Largest scanner file POST /ingest accepts, in bytes, after gzip
       * decompression. Larger uploads get 413. Default 67108864 (64 MiB).
       */
      maxBytes?: number;
    };
    ownership?: {
      /** Entity kinds that count as objects for ownership completeness. Default ["Component"]. */
      kinds?: string[];
      /**
       * Owner names that mean "nobody" unless a Group of that name exists.
       * Default: ["unknown", "unowned", "none", "tbd", "nobody"].
       */
      placeholderOwners?: string[];
      /** Target ratio (0..1) per tier. Default: tier 1 and 2 at 1.0, tier 3 none. */
      targets?: {
        tier1?: number;
        tier2?: number;
        tier3?: number;
      };
    };
  };
}
