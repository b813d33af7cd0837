import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  aspm?: {
    sources?: {
      /**
       * Pull findings from DefectDojo (API v2). Leave out to disable the
       * DefectDojo source.
       */
      defectdojo?: {
        /** DefectDojo's base URL, e.g. https://defectdojo.example.com */
        baseUrl: string;
        /**
         * A DefectDojo API v2 key (API v2 Key page of a user with read
         * access to the products), sent as `Authorization: Token <token>`.
         * Risk acceptances are only listed to users who may edit them (e.g.
         * the Writer role), so importing them as exceptions needs that too.
         * @visibility secret
         */
        token: string;
        /** When to pull. Default: every hour, first 2 minutes after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Findings requested per page (`limit`), 1..1000. Default 100. */
        pageSize?: number;
        /**
         * Longest single wait before retrying a 429 or 5xx answer, in
         * seconds; also caps `Retry-After`. Default 60.
         */
        maxRetryWaitSeconds?: number;
        /**
         * Match entities without the `defectdojo.org/product-id` annotation
         * to the product of the same name (entity name, then title).
         * Default true.
         */
        matchByName?: boolean;
        /** Entity kinds matched by name. Default ["Component"]. */
        matchByNameKinds?: string[];
      };
    };
  };
}
