// The director pack on the demo portal (a year of demo history), in a real
// browser, as Rosa (the demo's directors group may edit packs): each pack
// (A leadership, B managers, C board) of the demo org for the last full
// month has data in every section; the period and scope pickers switch it;
// an ask and an edited narrative are saved; the Markdown export downloads;
// the print layout has no navigation and Chromium prints it to PDF, the
// board's pack on at most two pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKEND, api, loadDemoOrg, openPortal } from './lib.mjs';

const SHOTS = process.env.ASPM_E2E_SHOTS ?? os.tmpdir();
const SECTIONS = {
  leadership: [
    'summary',
    'metrics',
    'risks',
    'execution',
    'program-panels',
    'asks',
  ],
  managers: [
    'summary',
    'metrics',
    'risks',
    'execution',
    'program-panels',
    'signals',
    'asks',
  ],
  board: ['summary', 'metrics', 'risks', 'execution', 'asks'],
};

/** The last full month (UTC), as the pack's default period. */
function lastFullMonth(now = new Date()) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}
const MONTH = lastFullMonth();

/** A Backstage token of a demo user, as the sign-in page gets it. */
async function tokenOf(user) {
  const res = await fetch(`${BACKEND}/api/auth/aspmDemo/refresh`, {
    headers: { 'x-aspm-demo-user': user },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()).backstageIdentity.token;
}

/** Whether a pack block has something to show. */
function blockHasData(block) {
  switch (block.kind) {
    case 'narrative':
      return block.items.length > 0 && block.trend !== 'no-data';
    case 'scorecard':
      // The ten-metric scorecard: most have data; a panel: all of its few.
      return (
        block.metrics.filter(m => m.value !== null).length >=
        Math.min(8, block.metrics.length)
      );
    case 'table':
      return block.rows.length > 0;
    case 'figures':
      return block.items.some(f => f.value !== null);
    case 'text':
    case 'asks':
      return block.items.length > 0;
    default:
      return false;
  }
}

/** PDF pages: the page objects of the file Chromium wrote. */
const pdfPages = pdf =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

let portal;

before(async () => {
  await loadDemoOrg();
  portal = await openPortal({ user: 'rosa' });
});

after(async () => {
  await portal?.close();
});

describe('director packs of the demo org', () => {
  it('raises a strategic ask and edits the narrative as a director; others may not', async () => {
    const { page } = portal;
    await portal.go('/aspm');
    const title = page.getByRole('heading', {
      name: /^Security review: platform and product leadership, /,
    });
    await title.waitFor();
    const asks = page.locator('section[data-section="asks"]');
    await asks.getByRole('button', { name: 'Raise an ask' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise a strategic ask' });
    await dialog
      .getByLabel('Title')
      .fill('Make dependency scanning a paved-road default');
    await dialog
      .getByLabel('Detail')
      .fill('Add SCA to the service template; platform team, next quarter.');
    await dialog.getByRole('button', { name: 'Raise' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await asks
      .getByText('Make dependency scanning a paved-road default')
      .waitFor();

    const summary = page.locator('section[data-section="summary"]');
    await summary.getByRole('button', { name: 'Edit narrative' }).click();
    const edit = page.getByRole('dialog', {
      name: 'Edit the executive summary',
    });
    await edit
      .getByLabel('Headline')
      .fill('Risk is up on the backlog; two decisions for this review');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await summary
      .getByText('Risk is up on the backlog; two decisions for this review')
      .waitFor();
    await summary.getByText(/Edited by user:default\/rosa on/).waitFor();

    // An engineer reads the pack but cannot edit it.
    const alice = await tokenOf('alice');
    const asAlice = await fetch(`${BACKEND}/api/aspm/packs/leadership`, {
      headers: { Authorization: `Bearer ${alice}` },
    });
    assert.equal(asAlice.status, 200);
    assert.equal((await asAlice.json()).canEdit, false);
    const refused = await fetch(`${BACKEND}/api/aspm/packs/asks`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${alice}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ kind: 'budget', title: 'not allowed' }),
    });
    assert.equal(refused.status, 403);
  });

  for (const audience of ['leadership', 'managers', 'board']) {
    it(`has data in every section of pack ${audience} for ${MONTH}`, async () => {
      const res = await api(`/api/aspm/packs/${audience}?period=${MONTH}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const pack = res.body;
      assert.deepEqual(
        pack.sections.map(s => s.id),
        SECTIONS[audience],
      );
      for (const section of pack.sections) {
        assert.ok(
          section.blocks.some(blockHasData),
          `${audience}: section ${section.id} has no data: ${JSON.stringify(
            section,
          ).slice(0, 400)}`,
        );
      }

      const { page } = portal;
      await portal.go(`/aspm?audience=${audience}&period=${MONTH}&scope=org`);
      await page.getByRole('heading', { name: pack.title }).waitFor();
      for (const [i, section] of pack.sections.entries()) {
        const el = page.locator(`section[data-section="${section.id}"]`);
        await el
          .getByRole('heading', { name: `${i + 1}. ${section.title}` })
          .waitFor();
        const shown = await el.locator('li, tbody tr, [data-figure]').count();
        assert.ok(
          shown > 0,
          `${audience}: section ${section.id} shows nothing`,
        );
      }
      assert.deepEqual(portal.errors, []);
      await portal.shot(`pack-${audience}-org-${MONTH}`);
    });
  }

  it('opens a metric trend with the business units and the counting-change marker', async () => {
    const { page } = portal;
    await portal.go(`/aspm?audience=leadership&period=${MONTH}&scope=org`);
    const name = 'Risk-weighted critical backlog';
    const scorecard = page.locator('[data-block="scorecard"]');
    await scorecard.getByRole('button', { name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${name}: trend` });
    try {
      await dialog
        .getByRole('img', { name: new RegExp(`${name} for Organisation: `) })
        .waitFor();
      // The demo's tier onboarding half a year ago is a counting change
      // (tier-1 services weigh three times as much).
      await dialog.getByText('Counting changes').waitFor();
      await dialog
        .getByText(/tier changed on \d+ entities/)
        .first()
        .waitFor();
      await dialog.getByRole('checkbox', { name: 'Show as table' }).check();
      const table = dialog.getByRole('table', { name: `${name} by period` });
      for (const unit of ['Payments', 'Commerce', 'Data & Analytics']) {
        await table.getByRole('columnheader', { name: unit }).waitFor();
      }
      assert.equal(await table.getByRole('row').count(), 13);
      await portal.shot('pack-trend-backlog');
    } finally {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  });

  it('switches the period and the scope', async () => {
    const { page } = portal;
    await portal.go(`/aspm?audience=leadership&period=${MONTH}&scope=org`);
    await page
      .getByRole('heading', { name: /^Security review: platform/ })
      .waitFor();

    await page.getByRole('button', { name: /^Cadence/ }).click();
    await page.getByRole('option', { name: 'Quarter' }).click();
    await page.waitForURL(/period=\d{4}-Q[1-4]/);
    const quarter = new URL(page.url()).searchParams.get('period');
    await page
      .getByRole('heading', {
        name: new RegExp(`Q${quarter.slice(-1)} ${quarter.slice(0, 4)}$`),
      })
      .waitFor();
    await portal.shot(`pack-leadership-org-${quarter}`);

    await page.getByRole('button', { name: /^Scope/ }).click();
    await page.getByRole('option', { name: 'Payments' }).click();
    await page.waitForURL(/scope=businessUnit/);
    await page.getByText(/^Payments · /).waitFor();
    const drill = page.locator('[data-block="scorecard-drilldown"]');
    await drill.getByText('Checkout', { exact: true }).first().waitFor();
    await portal.shot(`pack-leadership-payments-${quarter}`);

    // The board has half-years.
    await page.getByRole('button', { name: /^Pack/ }).click();
    await page.getByRole('option', { name: /^C: Board/ }).click();
    await page.getByRole('button', { name: /^Cadence/ }).click();
    await page.getByRole('option', { name: 'Half-year' }).click();
    await page.waitForURL(/period=\d{4}-H[12]/);
    await page
      .getByRole('heading', {
        name: /^Security posture: board report, H[12] \d{4}$/,
      })
      .waitFor();
    await portal.shot('pack-board-payments-half-year');
    assert.deepEqual(portal.errors, []);
  });

  it('downloads the Markdown export', async () => {
    const { page } = portal;
    await portal.go(`/aspm?audience=leadership&period=${MONTH}&scope=org`);
    await page
      .getByRole('heading', { name: /^Security review: platform/ })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    assert.equal(
      download.suggestedFilename(),
      `aspm-pack-leadership-org-${MONTH}.md`,
    );
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const md = fs.readFileSync(file, 'utf8');
    assert.match(md, /^# Security review: platform and product leadership, /);
    assert.match(md, /## 2\. Core metrics/);
    assert.match(md, /Make dependency scanning a paved-road default/);
  });

  it('prints without navigation; Chromium prints pack A and the board pack on two pages', async () => {
    const { page } = portal;
    for (const audience of ['leadership', 'board']) {
      await portal.go(`/aspm?audience=${audience}&period=${MONTH}&scope=org`);
      await page.locator('[data-testid="director-pack"]').waitFor();
      await page.locator('section[data-section="asks"]').waitFor();
      // As on A4 paper (210 mm at 96 dpi, less the margins).
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 718, height: 1032 });
      await page.emulateMedia({ media: 'print' });
      try {
        for (const hidden of [
          page.getByRole('navigation').first(),
          page.getByRole('tablist').first(),
          page.getByRole('button', { name: 'Markdown' }),
          page.getByRole('button', { name: /^Pack/ }),
        ]) {
          assert.equal(
            await hidden.isVisible(),
            false,
            `visible in print: ${hidden}`,
          );
        }
        assert.equal(
          await page
            .getByRole('link', { name: 'Security posture' })
            .first()
            .isVisible(),
          false,
          'the sidebar is printed',
        );
        await page.getByRole('heading', { level: 3, name: /^1\. / }).waitFor();
        await page.screenshot({
          path: path.join(SHOTS, `pack-${audience}-print.png`),
          fullPage: true,
        });
      } finally {
        // Back to no emulation ('screen' would make page.pdf print screen CSS).
        await page.emulateMedia({ media: null });
        await page.setViewportSize(viewport);
      }
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      fs.writeFileSync(path.join(SHOTS, `pack-${audience}-${MONTH}.pdf`), pdf);
      const pages = pdfPages(pdf);
      // eslint-disable-next-line no-console
      console.log(`pack ${audience}: ${pages} printed pages`);
      if (audience === 'board') {
        assert.ok(
          pages >= 1 && pages <= 2,
          `the board pack prints on ${pages} pages`,
        );
      } else {
        // Packs A and B start every section on a new page.
        assert.ok(
          pages >= SECTIONS.leadership.length,
          `pack A prints on ${pages} pages`,
        );
      }
    }
  });
});
