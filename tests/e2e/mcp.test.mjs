// Agents and MCP (issue 11): a real MCP client (the official TypeScript
// SDK over the streamable HTTP transport) connects to the running demo
// backend with an API token, lists the ASPM tools, calls read and write
// actions, and gets the same answers as the HTTP API and the director pack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { api, BACKEND, loadDemoOrg } from './lib.mjs';

const TOKEN = process.env.ASPM_E2E_TOKEN;
let client;

/** Calls a tool and parses its JSON text answer. */
async function call(name, args = {}) {
  const result = await client.callTool({
    name: `aspm.${name}`,
    arguments: args,
  });
  assert.ok(!result.isError, JSON.stringify(result.content));
  const text = result.content.find(c => c.type === 'text')?.text;
  return JSON.parse(text);
}

before(async () => {
  await loadDemoOrg();
  client = new Client({ name: 'aspm-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${BACKEND}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
      },
    ),
  );
});

after(async () => {
  await client?.close();
});

describe('the ASPM actions over MCP', () => {
  it('lists the ASPM tools with their hints', async () => {
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name).filter(n => n.startsWith('aspm.'));
    for (const name of [
      'find-under-scanned-tier1-applications',
      'find-teams-failing-gates',
      'find-aging-findings-on-critical-apps',
      'find-exceptions-without-compensating-controls',
      'find-releases-lacking-evidence',
      'get-entity-security-scorecard',
      'get-director-pack-summary',
      'list-findings',
      'list-exceptions',
      'request-exception',
    ]) {
      assert.ok(names.includes(`aspm.${name}`), `${name} in ${names}`);
    }
    const request = tools.find(t => t.name === 'aspm.request-exception');
    assert.equal(request.annotations.readOnlyHint, false);
    const read = tools.find(t => t.name === 'aspm.list-findings');
    assert.equal(read.annotations.readOnlyHint, true);
  });

  it('answers "which tier-1 applications are under-scanned?" with the entities the director pack shows', async () => {
    // The managers' pack of the last full month lists, per control, the
    // services lacking it; its tier-1 ones are the under-scanned ones.
    const pack = await api('/api/aspm/packs/managers?scope=org');
    assert.equal(pack.status, 200, JSON.stringify(pack.body));
    const tables = pack.body.sections.flatMap(s => s.blocks);
    const adoption = tables.find(b => b.id === 'control-adoption');
    assert.ok(adoption, 'the pack has the control adoption table');
    const fromPack = new Set();
    for (const row of adoption.rows) {
      for (const child of row.children ?? []) {
        if (child.cells.tier === 'tier 1') fromPack.add(child.entityRef);
      }
    }
    const asOf = pack.body.period.asOf.slice(0, 10);
    const answer = await call('find-under-scanned-tier1-applications', {
      asOf,
      limit: 50,
    });
    console.log(answer.summary);
    assert.ok(answer.applications.length > 0, 'the demo has tier-1 gaps');
    assert.deepEqual(
      answer.applications.map(a => a.entityRef).sort(),
      [...fromPack].sort(),
    );
  });

  it('answers read actions like the HTTP API', async () => {
    const scorecard = await call('get-entity-security-scorecard', {
      entityRef: 'component:default/payments-api',
      topRisks: 5,
    });
    const http = await api(
      '/api/aspm/scorecard/entity?entityRef=component:default/payments-api&limit=5',
    );
    assert.deepEqual(
      scorecard.scorecard.topRisks.items.map(f => f.id ?? f.findingId),
      http.body.topRisks.items.map(f => f.id ?? f.findingId),
    );
    const findings = await call('list-findings', {
      severity: ['critical'],
      state: ['open'],
      limit: 10,
    });
    const httpFindings = await api(
      '/api/aspm/findings?severity=critical&state=open&limit=10',
    );
    assert.equal(findings.totalCount, httpFindings.body.totalCount);
    assert.deepEqual(
      findings.items.map(f => f.id),
      httpFindings.body.items.map(f => f.id),
    );
  });

  it('requests an exception through the write action, as POST /exceptions would', async () => {
    const input = {
      entityRef: 'component:default/checkout-web',
      scope: { type: 'rule', rule: 'CVE-2099-4242' },
      reason:
        'Asked by an agent: the vulnerable path is behind a feature flag that is off',
      category: 'false-positive-dispute',
    };
    const first = await call('request-exception', input);
    assert.equal(first.created, true);
    assert.equal(first.exception.status, 'requested');
    const again = await call('request-exception', input);
    assert.equal(again.created, false);
    assert.equal(again.exception.id, first.exception.id);
    const http = await api(`/api/aspm/exceptions/${first.exception.id}`);
    assert.equal(http.status, 200);
    assert.equal(http.body.reason, input.reason);
    // Bad input is refused with the HTTP API's message.
    const bad = await client.callTool({
      name: 'aspm.request-exception',
      arguments: { ...input, reason: 'short' },
    });
    assert.equal(bad.isError, true);
    assert.match(JSON.stringify(bad.content), /at least 10 characters/);
  });
});
