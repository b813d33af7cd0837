export interface Config {
  aspm?: {
    catalogValidation?: {
      /**
       * How invalid aspm.io/* annotations are reported: "status" (default) keeps
       * the entity and shows a processing error on it; "reject" fails processing.
       */
      mode?: 'status' | 'reject';
    };
  };
}
