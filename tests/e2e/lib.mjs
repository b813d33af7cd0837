// Shared setup for the end-to-end tests: Debian's Chromium driven by
// playwright-core, against the portal started by scripts/e2e.sh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const APP = process.env.ASPM_E2E_APP ?? 'http://localhost:3100';
export const BACKEND = process.env.ASPM_E2E_BACKEND ?? 'http://localhost:7107';
const TOKEN = process.env.ASPM_E2E_TOKEN;
const SHOTS = process.env.ASPM_E2E_SHOTS ?? os.tmpdir();

/** Calls the backend with the e2e run's external-access token. */
export async function api(pathname, init = {}) {
  const request = () =>
    fetch(`${BACKEND}${pathname}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  // A reused keep-alive connection can be closed by the server just as a
  // request goes out (ECONNRESET): try such a request once more.
  const res = await request().catch(e => {
    if (e?.cause?.code === 'ECONNRESET') return request();
    throw e;
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Waits until the catalog has the demo org, then syncs it into the ASPM store. */
export async function loadDemoOrg() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await api(
      '/api/catalog/entities/by-query?filter=kind=component&limit=1',
    );
    if (res.status === 200 && res.body.totalItems >= 40) break;
    if (Date.now() > deadline)
      throw new Error(`catalog not loaded: ${JSON.stringify(res.body)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
  await new Promise(r => setTimeout(r, 2000)); // let membership relations settle
  const sync = await api('/api/aspm/catalog-sync', {
    method: 'POST',
    body: '{}',
  });
  if (sync.status !== 200)
    throw new Error(`catalog sync failed: ${JSON.stringify(sync.body)}`);
  // The demo history (a year of weekly scans) loads in the background.
  await api('/api/aspm/demo', { method: 'POST' });
  for (;;) {
    const demo = await api('/api/aspm/demo');
    if (demo.body?.state === 'done') break;
    if (demo.body?.state === 'failed')
      throw new Error(`demo history failed: ${demo.body.error}`);
    if (Date.now() > deadline + 300_000)
      throw new Error(`demo history too slow: ${JSON.stringify(demo.body)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
  return sync.body;
}

/**
 * A signed-in browser page; call close() when done. `user` picks who signs in
 * on the demo sign-in page: 'guest' (the default, what the existing tests
 * expect), a demo user of the picker ('alice', 'bob', 'niaj'), or any other
 * catalog User name (typed into the page's "Other catalog user" field). Each
 * portal has its own browser profile, so two portals can be two users.
 */
export async function openPortal({ user = 'guest' } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aspm-e2e-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ASPM_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.setDefaultTimeout(60_000);
  try {
    await page.goto(`${APP}/`, {
      waitUntil: 'domcontentloaded',
      timeout: 180_000,
    });
    await signIn(page, user);
  } catch (e) {
    await page
      .screenshot({ path: path.join(SHOTS, 'sign-in-failed.png') })
      .catch(() => {});
    await context.close();
    throw e;
  }
  return {
    page,
    errors,
    user,
    /**
     * Navigates inside the single-page app; with `{ reload: true }` loads the
     * page afresh instead (the sign-in page remembers the user, so the
     * session survives; slower, the app's bundle is loaded again).
     */
    async go(pathname, { reload = false } = {}) {
      if (reload) {
        await page.goto(`${APP}${pathname}`, { waitUntil: 'domcontentloaded' });
        await signedIn(page);
        return;
      }
      await page.evaluate(to => {
        window.history.pushState({}, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, pathname);
      await page.waitForURL(url => url.pathname === pathname.split('?')[0]);
    },
    async shot(name) {
      await page.screenshot({
        path: path.join(SHOTS, `${name}.png`),
        fullPage: true,
      });
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in on the demo sign-in page (see openPortal). */
async function signIn(page, user) {
  const picker = page.getByRole('list', { name: 'Demo users' });
  await picker.waitFor({ timeout: 180_000 });
  if (user === 'guest') {
    // The Guest card's button, "Enter as Guest (...)": the only "enter" one.
    await page.getByRole('button', { name: /enter/i }).click();
  } else {
    const button = page.locator(`button[data-demo-user="${user}"]`);
    if (await button.count()) {
      await button.click();
    } else {
      await page.getByLabel('Other catalog user').fill(user);
      await page.getByRole('button', { name: `Sign in as ${user}` }).click();
    }
  }
  await signedIn(page);
}

/** Waits for the app's shell: the sign-in page is gone, the sidebar is up. */
async function signedIn(page) {
  const shell = page.getByRole('link', { name: 'Security posture' });
  const failed = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await shell.or(failed).first().waitFor({ timeout: 180_000 });
  if (await failed.count()) {
    throw new Error(`demo sign-in refused: ${await failed.textContent()}`);
  }
}
