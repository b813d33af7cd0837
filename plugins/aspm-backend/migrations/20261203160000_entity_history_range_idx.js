// @ts-check

/**
 * Catalog versions by validity, with their ids. Every metrics read (each
 * Security tab, too) lists the versions valid in its dates: without this
 * PostgreSQL scanned the whole history table, 8 MB at 5,000 services because
 * each row carries its entity's JSON, to return 5,791 small rows; with it,
 * an index-only scan of a few hundred kilobytes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aspm_entity_history', table => {
    table.index(
      ['valid_from', 'valid_to', 'id'],
      'aspm_entity_history_range_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aspm_entity_history', table => {
    table.dropIndex(
      ['valid_from', 'valid_to', 'id'],
      'aspm_entity_history_range_idx',
    );
  });
};
