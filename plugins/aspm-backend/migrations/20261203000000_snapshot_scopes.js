// @ts-check

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/**
 * Metric snapshots as one row per scope and day, written only when the
 * scope's numbers changed.
 *
 * Before: one row per (scope, metric, day), every day: 5,812 scopes x 22
 * metrics at the scale benchmark's size, 38 MB a day on PostgreSQL. Most
 * scopes are single entities whose numbers move on the days their scans
 * arrive. Now `metrics` holds all of a scope's metrics of a day (JSON, by
 * metric id: [value, numerator, denominator, details, unit, item count]),
 * a row is written when it differs from the scope's previous row, and a
 * scope that leaves the catalog gets a row with `metrics` null. A scope's
 * numbers on a complete day are its latest row at or before that day.
 *
 * The existing rows are carried over day by day in that form.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_metric_snapshots_v2', table => {
    table.comment(
      'Metrics of a scope as of the end of a day, stored when they changed',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('scope', 420).notNullable();
    table
      .binary('metrics')
      .comment(
        'JSON {metricId: [value, numerator, denominator, details, unit, itemCount]}, deflated (src/database/snapshotCodec.ts) or plain; null: the scope is gone',
      );
    table.primary(['scope', 'day']);
    table.index(['day'], 'aspm_metric_snapshots_v2_day_idx');
  });

  const days = await knex('aspm_metric_snapshots')
    .distinct('day')
    .orderBy('day');
  /** @type {Map<string, string | null>} */
  const last = new Map();
  for (const { day } of days) {
    const rows = await knex('aspm_metric_snapshots')
      .where({ day })
      .orderBy(['scope', 'metric_id']);
    /** @type {Map<string, Record<string, unknown[]>>} */
    const byScope = new Map();
    for (const r of rows) {
      const metrics = byScope.get(r.scope) ?? {};
      metrics[r.metric_id] = [
        r.value === null ? null : Number(r.value),
        r.numerator === null ? null : Number(r.numerator),
        r.denominator === null ? null : Number(r.denominator),
        r.details ? JSON.parse(r.details) : null,
        r.unit,
        Number(r.item_count),
      ];
      byScope.set(r.scope, metrics);
    }
    const inserts = [];
    for (const [scope, metrics] of byScope) {
      const text = JSON.stringify(metrics);
      if (last.get(scope) !== text) {
        // Plain JSON: the store reads it as well as the deflated rows it writes.
        inserts.push({ day, scope, metrics: Buffer.from(text, 'utf8') });
      }
      last.set(scope, text);
    }
    for (const [scope, text] of last) {
      if (text !== null && !byScope.has(scope)) {
        inserts.push({ day, scope, metrics: null });
        last.set(scope, null);
      }
    }
    await insertAll(knex, 'aspm_metric_snapshots_v2', inserts);
  }
  await replaceTable(knex, 'aspm_metric_snapshots_v2');
};

/**
 * Inserts rows 500 at a time.
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {Record<string, unknown>[]} rows
 */
async function insertAll(knex, table, rows) {
  for (let i = 0; i < rows.length; i += 500) {
    await knex(table).insert(rows.slice(i, i + 500));
  }
}

/**
 * The new layout takes the place of aspm_metric_snapshots.
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 */
async function replaceTable(knex, table) {
  await knex.schema.dropTable('aspm_metric_snapshots');
  await knex.schema.renameTable(table, 'aspm_metric_snapshots');
}

/**
 * A row's metrics text: plain JSON, or version 1 of the store's codec (a
 * version byte, then deflated against migrations/snapshot-dictionary-v1.txt).
 *
 * @param {Buffer | string | null} stored
 * @returns {string | null}
 */
function decodeRow(stored) {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'string') return stored;
  const bytes = Buffer.from(stored);
  if (!bytes.length) return null;
  if (bytes[0] === 0x7b) return bytes.toString('utf8');
  const dictionary = fs.readFileSync(
    path.join(__dirname, 'snapshot-dictionary-v1.txt'),
  );
  return zlib
    .inflateRawSync(bytes.subarray(1), { dictionary })
    .toString('utf8');
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('aspm_metric_snapshots_v1', table => {
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
    table.index(['day'], 'aspm_metric_snapshots_v1_day_idx');
  });
  // Every row of every complete day again, from each scope's latest row.
  const days = (
    await knex('aspm_metric_snapshot_days').select('day').orderBy('day')
  ).map(r => r.day);
  const rows = await knex('aspm_metric_snapshots')
    .select('day', 'scope', 'metrics')
    .orderBy('day');
  /** @type {Map<string, Buffer | string | null>} */
  const current = new Map();
  let k = 0;
  for (const day of days) {
    while (k < rows.length && rows[k].day <= day) {
      current.set(rows[k].scope, rows[k].metrics);
      k++;
    }
    const inserts = [];
    for (const [scope, stored] of current) {
      const text = decodeRow(stored);
      if (text === null) continue;
      for (const [metricId, m] of Object.entries(JSON.parse(text))) {
        inserts.push({
          day,
          scope,
          metric_id: metricId,
          value: m[0],
          numerator: m[1],
          denominator: m[2],
          details: m[3] === null ? null : JSON.stringify(m[3]),
          unit: m[4],
          item_count: m[5],
        });
      }
    }
    await insertAll(knex, 'aspm_metric_snapshots_v1', inserts);
  }
  await replaceTable(knex, 'aspm_metric_snapshots_v1');
};
