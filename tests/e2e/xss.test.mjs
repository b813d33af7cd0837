// Hostile text (issue 9): HTML in a finding's title and an exception's
// reason is shown as text on the Security tab; no script from it runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg, openPortal } from './lib.mjs';

const ENTITY = 'component:default/promo-banner';
const PAYLOAD =
  '<img src=x onerror="window.__aspmXss=(window.__aspmXss||0)+1">';
let portal;

before(async () => {
  await loadDemoOrg();
  // A SARIF scan whose rule and message carry the payload.
  const sarif = {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'XssProbe',
            version: '1.0.0',
            rules: [
              {
                id: 'xss-probe',
                shortDescription: { text: `Rule ${PAYLOAD}` },
                properties: { 'security-severity': '9.8' },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'xss-probe',
            level: 'error',
            message: { text: `Finding ${PAYLOAD}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'src/banner.ts' },
                  region: { startLine: 7 },
                },
              },
            ],
          },
        ],
      },
    ],
  };
  const ingest = await api(`/api/aspm/ingest?entityRef=${ENTITY}`, {
    method: 'POST',
    body: JSON.stringify(sarif),
  });
  assert.equal(ingest.status, 200, JSON.stringify(ingest.body));
  const exception = await api('/api/aspm/exceptions', {
    method: 'POST',
    body: JSON.stringify({
      entityRef: ENTITY,
      scope: { type: 'rule', rule: 'xss-probe' },
      reason: `Accepted for now ${PAYLOAD}`,
      category: 'platform-gap',
    }),
  });
  assert.equal(exception.status, 201, JSON.stringify(exception.body));
  portal = await openPortal();
});

after(async () => {
  await portal?.close();
});

describe('hostile text in the browser', () => {
  it('shows HTML in a finding title and an exception reason as text, and runs nothing', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/promo-banner/security');
    const findings = await api(
      `/api/aspm/findings?entityRef=${ENTITY}&limit=500`,
    );
    assert.equal(findings.status, 200, JSON.stringify(findings.body));
    const probe = findings.body.items.find(f => f.ruleId === 'xss-probe');
    assert.ok(probe?.title.includes('<img'), JSON.stringify(probe));
    try {
      // The payload, shown literally (as text) in the findings table.
      await page
        .getByText('<img src=x onerror', { exact: false })
        .first()
        .waitFor();
    } catch (e) {
      await portal.shot('xss-not-found');
      throw e;
    }
    // Let any injected image fail to load and fire its handler.
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.__aspmXss), undefined);
    assert.equal(
      await page.locator('img[src="x"]').count(),
      0,
      'no <img> element was created from the payload',
    );
    await portal.shot('xss-as-text');
  });
});
