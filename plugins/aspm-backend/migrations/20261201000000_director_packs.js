// @ts-check

/**
 * Director packs: the frozen numbers of closed periods, the edited
 * narratives (every save a revision, with its author), and the strategic
 * asks carried from period to period until closed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_pack_facts', table => {
    table.comment(
      'Numbers of a closed pack period, computed once and kept (a closed period reads the same later)',
    );
    table
      .string('period', 10)
      .notNullable()
      .comment('2026-11, 2026-Q3, 2026-W42, 2026-H2');
    table.string('part', 16).notNullable().comment('trend | detail');
    table
      .integer('version')
      .notNullable()
      .comment('shape of data; older versions are recomputed');
    table.text('data').notNullable().comment('JSON');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['period', 'part']);
  });

  await knex.schema.createTable('aspm_pack_narratives', table => {
    table.comment('Edited narratives of packs, one row per saved revision');
    table.bigIncrements('id').primary();
    table
      .string('scope', 420)
      .notNullable()
      .comment('org or businessUnit:<group>');
    table.string('period', 10).notNullable();
    table
      .string('audience', 20)
      .notNullable()
      .comment('leadership | managers | board');
    table.integer('revision').notNullable();
    table.text('headline');
    table
      .text('items')
      .notNullable()
      .comment('JSON: what changed / why / decision');
    table.string('author', 400).notNullable();
    table.timestamp('saved_at', { useTz: true }).notNullable();
    table.unique(['scope', 'period', 'audience', 'revision'], {
      indexName: 'aspm_pack_narratives_revision_uq',
    });
  });

  await knex.schema.createTable('aspm_pack_asks', table => {
    table.comment('Strategic asks of directors, carried until closed');
    table.bigIncrements('id').primary();
    table.string('scope', 420).notNullable();
    table.string('kind', 20).notNullable();
    table.string('title', 200).notNullable();
    table.text('detail');
    table.text('metric_ids').notNullable().comment('JSON array of metric ids');
    table.string('raised_in', 10).notNullable().comment('period raised in');
    table
      .timestamp('raised_from', { useTz: true })
      .notNullable()
      .comment('start of that period');
    table.string('raised_by', 400).notNullable();
    table.timestamp('raised_at', { useTz: true }).notNullable();
    table.string('status', 10).notNullable();
    table.string('closed_in', 10);
    table
      .timestamp('closed_to', { useTz: true })
      .comment('end of the period closed in');
    table.string('closed_by', 400);
    table.timestamp('closed_at', { useTz: true });
    table.text('resolution');
    table.string('updated_by', 400).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['scope', 'status'], 'aspm_pack_asks_scope_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aspm_pack_asks');
  await knex.schema.dropTable('aspm_pack_narratives');
  await knex.schema.dropTable('aspm_pack_facts');
};
