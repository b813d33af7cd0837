// @ts-check

/**
 * Program signals: security reviews, incident follow-up actions, deployments
 * (DORA), OpenSSF Scorecard runs with their checks, and the golden-path
 * attribute of catalog entities.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_reviews', table => {
    table.comment('Design reviews, threat models and pentests of entities');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table
      .string('kind', 20)
      .notNullable()
      .comment('design-review | threat-model | pentest');
    table.string('source', 60).notNullable();
    table.string('external_id', 200).notNullable();
    table.text('title');
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.timestamp('first_response_at', { useTz: true });
    table.timestamp('completed_at', { useTz: true });
    table.string('outcome', 30);
    table.text('link');
    table.string('posted_by', 300);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], { indexName: 'aspm_reviews_uq' });
    table.index(['entity_ref'], 'aspm_reviews_entity_idx');
  });

  await knex.schema.createTable('aspm_incidents', table => {
    table.comment('Incidents whose follow-up actions are tracked');
    table.string('id', 200).primary().comment('the id in the incident tracker');
    table.text('title');
    table.string('severity', 8).notNullable().comment('sev1 .. sev4');
    table.boolean('security_related').notNullable();
    table.timestamp('opened_at', { useTz: true });
    table.text('link');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('aspm_incident_actions', table => {
    table.comment('Follow-up actions of incidents, owned by an entity');
    table.bigIncrements('id').primary();
    table.string('incident_id', 200).notNullable();
    table.string('external_id', 200).notNullable();
    table.text('title').notNullable();
    table.string('owner_entity_ref', 400).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('due_at', { useTz: true });
    table.timestamp('closed_at', { useTz: true });
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['incident_id', 'external_id'], {
      indexName: 'aspm_incident_actions_uq',
    });
    table.index(['owner_entity_ref'], 'aspm_incident_actions_owner_idx');
  });

  await knex.schema.createTable('aspm_deployments', table => {
    table.comment('Deploys of a version to an environment, and their fate');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('environment', 40).notNullable();
    table.string('version', 200).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.timestamp('first_commit_at', { useTz: true });
    table.timestamp('failed_at', { useTz: true });
    table.boolean('caused_by_control_gap');
    table.timestamp('restored_at', { useTz: true });
    table.string('source', 60).notNullable();
    table.string('external_id', 200).notNullable();
    table.string('posted_by', 300);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'source', 'external_id'], {
      indexName: 'aspm_deployments_uq',
    });
    table.index(['deployed_at'], 'aspm_deployments_deployed_idx');
  });

  await knex.schema.createTable('aspm_scorecard_runs', table => {
    table.comment('OpenSSF Scorecard runs of the repository of an entity');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('repository', 400).notNullable();
    table.string('commit', 80);
    table.string('scorecard_version', 80);
    table.float('score');
    table.timestamp('scanned_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('posted_by', 300);
    table.unique(['entity_ref', 'content_hash'], {
      indexName: 'aspm_scorecard_runs_uq',
    });
    table.index(['entity_ref', 'scanned_at'], 'aspm_scorecard_runs_entity_idx');
  });

  await knex.schema.createTable('aspm_scorecard_checks', table => {
    table.comment('Per-check scores (0..10, -1 inconclusive) of a run');
    table.bigInteger('run_id').notNullable();
    table.string('name', 100).notNullable();
    table.integer('score').notNullable();
    table.text('reason');
    table.primary(['run_id', 'name']);
  });

  await knex.schema.alterTable('aspm_entities', table => {
    table
      .string('golden_path', 300)
      .comment('why the entity is on an approved golden path, when it is');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aspm_entities', table => {
    table.dropColumn('golden_path');
  });
  await knex.schema.dropTable('aspm_scorecard_checks');
  await knex.schema.dropTable('aspm_scorecard_runs');
  await knex.schema.dropTable('aspm_deployments');
  await knex.schema.dropTable('aspm_incident_actions');
  await knex.schema.dropTable('aspm_incidents');
  await knex.schema.dropTable('aspm_reviews');
};
