// @ts-check

/**
 * The catalog side of the store: the entities the ASPM plugins know about,
 * a history of their posture-relevant fields (so numbers can be computed as
 * of a past date), and the runs of the catalog sync.
 *
 * Timestamps are written as ISO 8601 UTC strings by the store; on PostgreSQL
 * the columns are timestamptz, on SQLite text, and both compare in time order.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_entities', table => {
    table.comment('Catalog entities as last seen by the ASPM catalog sync');
    table.string('entity_ref', 400).primary().notNullable();
    table.string('kind', 64).notNullable();
    table.string('namespace', 100).notNullable();
    table.string('name', 200).notNullable();
    table.text('title');
    table.string('type', 100);
    table.string('lifecycle', 100);
    table.string('owner_ref', 400);
    table.string('owner_resolution', 32).notNullable();
    table.text('owner_reason').notNullable();
    table.string('owning_team', 400);
    table.string('business_unit', 400);
    table.string('system_ref', 400);
    table.string('domain_ref', 400);
    table.string('parent_ref', 400).comment('Groups: spec.parent');
    table.string('tier', 8);
    table.string('exposure', 16);
    table.string('repo_slug', 300);
    table.text('repo_url');
    table.string('repo_source', 64);
    table.string('defectdojo_product_id', 32);
    table.text('annotation_problems').notNullable().defaultTo('[]');
    table.string('content_hash', 64).notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_synced_at', { useTz: true }).notNullable();
    table.timestamp('gone_at', { useTz: true });
    table.index(['kind'], 'aspm_entities_kind_idx');
    table.index(['owning_team'], 'aspm_entities_team_idx');
    table.index(['business_unit'], 'aspm_entities_bu_idx');
    table.index(['owner_ref'], 'aspm_entities_owner_idx');
    table.index(['repo_slug'], 'aspm_entities_repo_idx');
  });

  await knex.schema.createTable('aspm_entity_history', table => {
    table.comment(
      'Versions of each entity: valid from valid_from until valid_to (open = current)',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('kind', 64).notNullable();
    table.timestamp('valid_from', { useTz: true }).notNullable();
    table.timestamp('valid_to', { useTz: true });
    table.text('snapshot').notNullable().comment('The entity record as JSON');
    table.index(['entity_ref', 'valid_from'], 'aspm_entity_history_ref_idx');
    table.index(
      ['kind', 'valid_from', 'valid_to'],
      'aspm_entity_history_asof_idx',
    );
  });

  await knex.schema.createTable('aspm_sync_runs', table => {
    table.comment('Runs of the catalog sync');
    table.increments('id').primary();
    table.string('trigger', 16).notNullable();
    table.string('status', 16).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.text('counts');
    table.text('error');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aspm_sync_runs');
  await knex.schema.dropTable('aspm_entity_history');
  await knex.schema.dropTable('aspm_entities');
};
