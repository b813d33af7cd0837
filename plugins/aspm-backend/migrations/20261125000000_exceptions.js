// @ts-check

/**
 * Exceptions (risk acceptances) with their audit trail, and on findings the
 * state the scan reported (`base_state`) next to the effective `state`, which
 * is `accepted` while an approved, unexpired exception covers an open finding
 * (`exception_id` names it).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aspm_exceptions', table => {
    table.comment('Risk acceptances: scope, reason, decision, expiry');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table
      .string('scope_type', 16)
      .notNullable()
      .comment('findings | rule | category | entity');
    table
      .string('scope_value', 300)
      .comment('rule id / CVE / GHSA, or category');
    table.text('reason').notNullable();
    table.string('category', 60).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('requested | approved | rejected | expired | revoked');
    table
      .string('source', 16)
      .notNullable()
      .comment('manual | defectdojo | github');
    table
      .string('external_id', 400)
      .comment("The source tool's id, for imports");
    table.string('requested_by', 400).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('decided_by', 400);
    table.timestamp('decided_at', { useTz: true });
    table.text('decision_note');
    table.timestamp('requested_expires_at', { useTz: true });
    table.timestamp('expires_at', { useTz: true });
    table.timestamp('review_at', { useTz: true });
    table.text('compensating_control');
    table.text('compensating_link');
    table.integer('renewals').notNullable().defaultTo(0);
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'aspm_exceptions_external_uq',
    });
    table.index(['entity_ref', 'status'], 'aspm_exceptions_entity_idx');
    table.index(['status', 'expires_at'], 'aspm_exceptions_expiry_idx');
  });

  await knex.schema.createTable('aspm_exception_findings', table => {
    table.comment('The findings of a findings-scoped exception');
    table.bigInteger('exception_id').notNullable();
    table.bigInteger('finding_id').notNullable();
    table.primary(['exception_id', 'finding_id']);
    table.index(['finding_id'], 'aspm_exception_findings_finding_idx');
  });

  await knex.schema.createTable('aspm_exception_events', table => {
    table.comment(
      'Audit trail: every change of an exception, with actor and time',
    );
    table.bigIncrements('id').primary();
    table.bigInteger('exception_id').notNullable();
    table.string('type', 24).notNullable();
    table.string('actor', 400).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('from_status', 16);
    table.string('to_status', 16);
    table.timestamp('expires_at', { useTz: true });
    table.timestamp('review_at', { useTz: true });
    table.text('note');
    table.index(['exception_id', 'at'], 'aspm_exception_events_idx');
  });

  await knex.schema.alterTable('aspm_findings', table => {
    table
      .string('base_state', 16)
      .comment('The state the latest scan reported');
    table
      .bigInteger('exception_id')
      .comment('The exception that makes it accepted now');
    table.index(['exception_id'], 'aspm_findings_exception_idx');
  });
  await knex('aspm_findings').update({ base_state: knex.ref('state') });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Findings accepted only through an exception go back to what the scan said.
  await knex('aspm_findings')
    .whereNotNull('exception_id')
    .update({ state: knex.ref('base_state') });
  await knex.schema.alterTable('aspm_findings', table => {
    table.dropIndex(['exception_id'], 'aspm_findings_exception_idx');
    table.dropColumn('exception_id');
    table.dropColumn('base_state');
  });
  await knex.schema.dropTable('aspm_exception_events');
  await knex.schema.dropTable('aspm_exception_findings');
  await knex.schema.dropTable('aspm_exceptions');
};
