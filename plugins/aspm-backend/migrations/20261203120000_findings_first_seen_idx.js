// @ts-check

/**
 * Findings by first sighting. The metrics read every finding first seen by
 * a date; for a date before the history (a pack's year-ago period, a trend
 * point before the first scan) that was a scan of the whole table to find
 * none: 300 ms at a million findings, on every pack request. The column
 * never changes after insert, so the index costs nothing on updates.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aspm_findings', table => {
    table.index(['first_seen_at'], 'aspm_findings_first_seen_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aspm_findings', table => {
    table.dropIndex(['first_seen_at'], 'aspm_findings_first_seen_idx');
  });
};
