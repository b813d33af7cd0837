// @ts-check

/**
 * Delivery trust: release candidates posted by CI with their security gates
 * and evidence (SBOM, provenance, signature, scan results), the checklist
 * evaluated when they were posted, and rotations of leaked secrets.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_releases', table => {
    table.comment('Release candidates: one per entity, environment, version');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('version', 200).notNullable();
    table.string('environment', 40).notNullable();
    table.string('artifact_digest', 200);
    table.timestamp('released_at', { useTz: true }).notNullable();
    table.text('pipeline_url');
    table.string('approved_by', 300);
    table.string('posted_by', 300).notNullable();
    table.boolean('first_pass').notNullable();
    table
      .string('outcome', 20)
      .notNullable()
      .comment('passed | passed-after-rerun | blocked | ungated');
    table
      .string('blocked_by', 200)
      .comment('comma-separated gate types whose last attempt failed');
    table.boolean('evidence_complete').notNullable();
    table.text('checklist').notNullable().comment('JSON ChecklistItem[]');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'environment', 'version'], {
      indexName: 'aspm_releases_candidate_uq',
    });
    table.index(['released_at'], 'aspm_releases_released_idx');
    table.index(
      ['entity_ref', 'environment', 'released_at'],
      'aspm_releases_entity_idx',
    );
  });

  await knex.schema.createTable('aspm_release_gates', table => {
    table.comment('Security gate results of a release candidate, per attempt');
    table.bigInteger('release_id').notNullable();
    table.string('type', 16).notNullable();
    table.integer('attempt').notNullable();
    table.string('outcome', 8).notNullable().comment('pass | fail | warn');
    table.text('reason');
    table.timestamp('at', { useTz: true });
    table.primary(['release_id', 'type', 'attempt']);
  });

  await knex.schema.createTable('aspm_release_evidence', table => {
    table.comment('Evidence documents of a release: parsed facts, not bytes');
    table.bigIncrements('id').primary();
    table.bigInteger('release_id').notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('sbom | provenance | signature | scanResults');
    table
      .string('digest', 200)
      .notNullable()
      .comment(
        'sha256 of the posted document, or the digest given with a link',
      );
    table.text('uri');
    table.text('summary').comment('JSON: SbomSummary or ProvenanceSummary');
    table.text('invalid_reason');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['release_id', 'kind', 'digest'], {
      indexName: 'aspm_release_evidence_uq',
    });
  });

  await knex.schema.createTable('aspm_secret_rotations', table => {
    table.comment('Rotations of leaked secrets recorded through the API');
    table.bigInteger('finding_id').primary();
    table.timestamp('rotated_at', { useTz: true }).notNullable();
    table.string('rotated_by', 300).notNullable();
    table.text('note');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aspm_secret_rotations');
  await knex.schema.dropTable('aspm_release_evidence');
  await knex.schema.dropTable('aspm_release_gates');
  await knex.schema.dropTable('aspm_releases');
};
