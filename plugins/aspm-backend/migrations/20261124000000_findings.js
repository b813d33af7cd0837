// @ts-check

/**
 * Findings with their lifecycle and history: every ingested scan, every
 * finding keyed by (entity, tool, run key, fingerprint), every state change as
 * an event, and the log of ingestions (pushes and source pulls).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_ingestions', table => {
    table.comment(
      'Every push to /ingest and every source run, with counts or the error',
    );
    table.bigIncrements('id').primary();
    table.string('source', 100).notNullable().comment('push, or source:<id>');
    table
      .string('status', 16)
      .notNullable()
      .comment('succeeded | failed | replay');
    table.string('format', 32);
    table.string('entity_ref', 400);
    table.string('actor', 400);
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table
      .text('tools')
      .comment('JSON list of {name, version, runKey, scannedAt}');
    table
      .text('counts')
      .comment('JSON {received,new,unchanged,fixed,reopened,suppressed}');
    table.text('error');
    table.index(['entity_ref', 'received_at'], 'aspm_ingestions_entity_idx');
  });

  await knex.schema.createTable('aspm_scans', table => {
    table.comment(
      'One row per (entity, tool, run key) scan that changed state',
    );
    table.bigIncrements('id').primary();
    table.bigInteger('ingestion_id').notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('tool', 200).notNullable();
    table.string('tool_version', 100);
    table.string('run_key', 300).notNullable().defaultTo('');
    table.timestamp('scanned_at', { useTz: true }).notNullable();
    table.string('content_hash', 64).notNullable();
    table.integer('finding_count').notNullable();
    table.index(
      ['entity_ref', 'tool', 'run_key', 'scanned_at'],
      'aspm_scans_key_idx',
    );
  });

  await knex.schema.createTable('aspm_findings', table => {
    table.comment('Findings, one per (entity, tool, run key, fingerprint)');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('tool', 200).notNullable();
    table.string('tool_version', 100);
    table.string('run_key', 300).notNullable().defaultTo('');
    table.string('fingerprint', 100).notNullable();
    table.string('category', 16).notNullable();
    table.string('rule_id', 300).notNullable();
    table.text('title').notNullable();
    table.string('severity', 16).notNullable();
    table.float('cvss');
    table.text('cves');
    table.string('ghsa', 40);
    table.text('cwes');
    table.float('epss');
    table.boolean('known_exploited').notNullable().defaultTo(false);
    table.text('location_path');
    table.integer('start_line');
    table.integer('end_line');
    table.string('package_name', 300);
    table.string('package_version', 200);
    table.string('package_ecosystem', 50);
    table.text('manifest');
    table.string('fixed_version', 200);
    table
      .string('state', 16)
      .notNullable()
      .comment('open | fixed | false_positive | accepted');
    table.text('suppression_justification');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.timestamp('fixed_at', { useTz: true });
    table.integer('reopen_count').notNullable().defaultTo(0);
    table.text('link');
    table.text('properties');
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('Hash of the parsed fields, to skip unchanged rows');
    table.bigInteger('last_scan_id');
    table.unique(['entity_ref', 'tool', 'run_key', 'fingerprint'], {
      indexName: 'aspm_findings_key_uq',
    });
    table.index(
      ['entity_ref', 'state', 'severity'],
      'aspm_findings_entity_state_idx',
    );
    table.index(['state', 'severity'], 'aspm_findings_state_idx');
  });

  await knex.schema.createTable('aspm_finding_events', table => {
    table.comment(
      'Every state change of a finding, for history and as-of metrics',
    );
    table.bigIncrements('id').primary();
    table.bigInteger('finding_id').notNullable();
    table
      .string('type', 24)
      .notNullable()
      .comment(
        'opened | fixed | reopened | severity_changed | suppressed | unsuppressed',
      );
    table.timestamp('at', { useTz: true }).notNullable();
    table.bigInteger('scan_id');
    table.string('from_value', 32);
    table.string('to_value', 32);
    table.index(['finding_id', 'at'], 'aspm_finding_events_finding_idx');
    table.index(['at'], 'aspm_finding_events_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aspm_finding_events');
  await knex.schema.dropTable('aspm_findings');
  await knex.schema.dropTable('aspm_scans');
  await knex.schema.dropTable('aspm_ingestions');
};
