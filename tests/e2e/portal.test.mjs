// The portal in a real browser: the /aspm page and the entity Security tab
// render the demo org's real numbers (counted by hand in the README).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg, openPortal } from './lib.mjs';

let portal;

before(async () => {
  const sync = await loadDemoOrg();
  assert.equal(sync.counts.byKind.component, 40);
  portal = await openPortal();
});

after(async () => {
  await portal?.close();
});

describe('the API the pages read', () => {
  it('answers the hand-counted ownership of the demo org', async () => {
    const res = await api('/api/aspm/ownership?groupBy=tier');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.org, {
      numerator: 37,
      denominator: 40,
      ratio: 0.925,
    });
  });

  it('holds a year of demo scan history', async () => {
    const oldest = await api(
      '/api/aspm/findings?orderBy=firstSeenAt&order=asc&limit=1',
    );
    assert.equal(oldest.status, 200);
    const ageDays =
      (Date.now() - Date.parse(oldest.body.items[0].firstSeenAt)) / 86_400_000;
    assert.ok(ageDays > 300, `oldest finding is ${ageDays} days old`);
    const fixed = await api('/api/aspm/findings?state=fixed&limit=1');
    assert.ok(fixed.body.totalCount > 100);
  });
});

describe('/aspm, the security posture page', () => {
  it('shows ownership completeness by business unit and tier, and the unowned components', async () => {
    const { page } = portal;
    await portal.go('/aspm/ownership');
    await page
      .getByRole('heading', { name: 'Security posture' })
      .first()
      .waitFor();
    await page.getByText('92.5%').first().waitFor();
    await page.getByText('37 of 40', { exact: false }).first().waitFor();
    for (const unit of [
      'Payments',
      'Commerce',
      'Platform & Infrastructure',
      'Data & Analytics',
    ]) {
      await page
        .getByRole('cell', { name: unit, exact: true })
        .first()
        .waitFor();
    }
    await page.getByText('Untiered').first().waitFor();
    // Each unowned component links to its catalog page.
    const link = page.getByRole('link', { name: 'Invoice Renderer' }).first();
    await link.waitFor();
    assert.match(
      await link.getAttribute('href'),
      /\/catalog\/default\/component\/invoice-renderer/,
    );
    await page.getByRole('link', { name: 'Promo Banner' }).first().waitFor();
    await page.getByRole('link', { name: 'Legacy Cron' }).first().waitFor();
    // The chart is described for screen readers.
    const chart = page.getByRole('img', { name: /business unit/i }).first();
    await chart.waitFor();
    await portal.shot('aspm-page');
    await link.click();
    await page.waitForURL(/\/catalog\/default\/component\/invoice-renderer/);
    assert.deepEqual(portal.errors, []);
  });

  it('is reached from the sidebar', async () => {
    const { page } = portal;
    await portal.go('/catalog');
    await page.getByRole('link', { name: 'Security posture' }).first().click();
    await page.waitForURL(/\/aspm$/);
  });
});

describe('the Security tab of an entity', () => {
  it('shows tier, exposure and owner of a well-annotated service', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/refunds-worker/security');
    await page.getByText('Deployment criticality').first().waitFor();
    await page.getByText('user:default/alice').first().waitFor();
    await page
      .getByText('group:default/team-checkout', { exact: false })
      .first()
      .waitFor();
    await portal.shot('security-tab-refunds-worker');
  });

  it('tells how to fix an invalid tier and a missing exposure', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/reviews-service/security');
    await page.getByText('got "one"', { exact: false }).first().waitFor();
    await page.getByText('aspm.io/tier', { exact: false }).first().waitFor();
    await portal.shot('security-tab-reviews-service');

    await portal.go('/catalog/default/component/mobile-bff/security');
    await page
      .getByText('aspm.io/exposure', { exact: false })
      .first()
      .waitFor();
  });

  it('shows why an owner does not count', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/legacy-cron/security');
    await page
      .getByText('member of no existing Group', { exact: false })
      .first()
      .waitFor();
    await portal.shot('security-tab-legacy-cron');
  });

  it('shows an invalid annotation as a processing error on the catalog page, next to the posture card', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/reviews-service');
    await page
      .getByText('Error: aspm.io/tier must be one of', { exact: false })
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: /view security details/i })
      .first()
      .waitFor();
    await portal.shot('catalog-overview-reviews-service');
  });

  it('lists the open findings of a service, and opens one with its history', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/payments-api/security');
    await page.getByText('Findings', { exact: true }).first().waitFor();
    // The planted critical of the demo history: open on this internet-facing tier-1 service.
    const row = page
      .getByRole('button', { name: 'liblzma5: CVE-2024-3094' })
      .first();
    await row.waitFor();
    await portal.shot('security-tab-findings');
    await row.click();
    const dialog = page.getByRole('dialog', {
      name: 'liblzma5: CVE-2024-3094',
    });
    await dialog.waitFor();
    await dialog.getByText('History').waitFor();
    await dialog
      .getByText(/Opened/)
      .first()
      .waitFor();
    await portal.shot('finding-details');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('filters the findings by severity from the counts', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/payments-api/security');
    const critical = page
      .getByRole('button', { name: /^Critical: \d+ open finding/ })
      .first();
    await critical.waitFor();
    await critical.click();
    // The findings table (not the top-risks card above it, which ranks every
    // severity) keeps only critical rows once the filter applies.
    const table = page
      .getByRole('group', { name: 'Filter findings' })
      .locator('xpath=following::table[1]');
    await table
      .getByRole('button', { name: 'liblzma5: CVE-2024-3094' })
      .first()
      .waitFor();
    const deadline = Date.now() + 15_000;
    let mediums = -1;
    while (Date.now() < deadline) {
      mediums = await table.getByText('Medium', { exact: true }).count();
      if (mediums === 0) break;
      await page.waitForTimeout(250);
    }
    assert.equal(mediums, 0);
    assert.ok((await table.getByText('Critical', { exact: true }).count()) > 0);
  });

  it('is offered on Systems too', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/system/payments-platform/security');
    await page.getByText('Deployment criticality').first().waitFor();
  });
});
