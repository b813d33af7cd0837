import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  aspm?: {
    sources?: {
      /**
       * The GitHub alerts source (@aspm/plugin-aspm-backend-module-github).
       * Credentials and the API base URL come from `integrations.github`.
       */
      github?: {
        /** When to pull. Default: every hour, first a minute after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Longest wait, in seconds, before retrying a rate-limited (429, or
         * 403 with retry-after / x-ratelimit-remaining 0) or failed (5xx)
         * request; each request is retried up to 3 times. Default 60.
         */
        maxRetryWaitSeconds?: number;
        /**
         * Host of the `integrations.github` entry that `github.com/project-slug`
         * annotations refer to. Default github.com.
         */
        host?: string;
        /**
         * Alert types to read: codeScanning, dependabot, secretScanning.
         * Default all.
         */
        alertTypes?: Array<'codeScanning' | 'dependabot' | 'secretScanning'>;
      };
    };
  };
}
