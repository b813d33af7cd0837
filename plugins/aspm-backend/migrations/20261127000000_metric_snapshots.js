// @ts-check

/**
 * Daily metric snapshots and what their counting depended on.
 *
 * A snapshot day holds every director metric for every scope (org, business
 * unit, team, entity) as of the end of that UTC day. Each day points at the
 * counting basis it was taken under: the metric settings, the sources that
 * had reported and the catalog's counting attributes. Bases are stored once
 * per distinct content (by hash), so a year of days with an unchanged basis
 * shares one row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_metric_bases', table => {
    table.comment(
      'What metric counting depended on, one row per distinct content',
    );
    table.bigIncrements('id').primary();
    table.string('hash', 64).notNullable().unique();
    table.text('basis').notNullable().comment('CountingBasis as JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('aspm_metric_snapshot_days', table => {
    table.comment('Days whose snapshots are complete, with their basis');
    table.string('day', 10).primary().comment('YYYY-MM-DD (UTC)');
    table.bigInteger('basis_id').notNullable();
    table.integer('scopes').notNullable();
    table.timestamp('computed_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('aspm_metric_snapshots', table => {
    table.comment('Director metrics per scope as of the end of a day');
    table.string('day', 10).notNullable();
    table.string('scope', 420).notNullable();
    table.string('metric_id', 64).notNullable();
    table.double('value');
    table.double('numerator');
    table.double('denominator');
    table.text('details');
    table.string('unit', 16).notNullable();
    table.integer('item_count').notNullable();
    table.primary(['scope', 'metric_id', 'day']);
    table.index(['day'], 'aspm_metric_snapshots_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aspm_metric_snapshots');
  await knex.schema.dropTable('aspm_metric_snapshot_days');
  await knex.schema.dropTable('aspm_metric_bases');
};
