// @ts-check

/**
 * PostgreSQL: leave half of each page of aspm_findings free. Every scan
 * moves last_seen_at of the findings it sees again, so each present finding
 * gets a new row version every week; with room on its own page the update
 * is a heap-only tuple (no index entry) and the old version is pruned in
 * place. On full pages each version went to a new page: the scale benchmark
 * (a year of weekly scans, 1M findings) measured a 2.8 GB heap for 400 MB of
 * live rows. Applies to pages written from now on (VACUUM FULL rewrites an
 * existing table). SQLite updates rows in place: nothing to do.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!String(knex.client.config.client).includes('pg')) return;
  await knex.raw('alter table aspm_findings set (fillfactor = 50)');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!String(knex.client.config.client).includes('pg')) return;
  await knex.raw('alter table aspm_findings reset (fillfactor)');
};
