/**
 * The viewer in a real browser (Debian's headless Chromium driven by playwright-core): pages load, values are there,
 * clicking a value shows its <mark> scrolled into view, the issuer chart renders, markup from a filing never becomes
 * an element, and the report opens offline. Screenshots go to test-artifacts/viewer/.
 *
 * Chromium is found at $CHROMIUM_PATH or /usr/bin/chromium (.ci/run installs it). Without it these tests fail under
 * CI and are skipped, with a message saying why, on a developer machine that has not installed it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../src/cli/query-output.js';
import { ViewerData } from '../../src/serve/queries.js';
import { renderReport } from '../../src/serve/report.js';
import { startViewer, type ViewerServer } from '../../src/serve/server.js';
import { buildViewerDatabase, HUDSON_CIK, SAMPLE_ACCESSION } from './viewer-database.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
if (!haveChromium && process.env.CI) throw new Error(`browser tests need Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
if (!haveChromium) process.stderr.write(`skipping browser tests: no Chromium at ${executablePath} (apt-get install chromium)\n`);

const ARTIFACTS = new URL('../../test-artifacts/viewer/', import.meta.url).pathname;
const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;

let dir: string;
let sqlite: Database.Database;
let viewer: ViewerServer;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!haveChromium)('viewer in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const built = await buildViewerDatabase();
    dir = built.dir;
    // A second reporting person's name carries markup, as a hostile filing could.
    const writable = new Database(built.path);
    writable.prepare('UPDATE reporting_persons SET name = ? WHERE ordinal = 2 AND accession_number = ?').run(HOSTILE, SAMPLE_ACCESSION);
    writable.close();
    sqlite = openReadOnly(built.path);
    viewer = await startViewer(sqlite, { port: 0 });
    browser = await chromium.launch({
      executablePath,
      headless: true,
      // Root in a container needs --no-sandbox; the rest keep Chromium from reaching for the network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    sqlite?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the start page and the filing page with the cover values, notes and waivers', async () => {
    await page.goto(viewer.url);
    expect(await page.locator(`a[href="/filing/${SAMPLE_ACCESSION}"]`).count()).toBe(1);
    await page.goto(`${viewer.url}filing/${SAMPLE_ACCESSION}`);
    expect(await page.locator('section#cover a.value', { hasText: /^4,413,110$/ }).count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('section#notes tbody tr').count()).toBe(6);
    // Both waiver letters (EX-12, EX-13) beside the two agreements, waivers and consents (EX-10, EX-11).
    expect(await page.locator('section#waivers tbody tr', { hasText: 'waiver_letter' }).count()).toBe(2);
    await shot('filing');
  });

  it("clicking 4,413,110 shows the cover row's words marked and in view", async () => {
    await page.goto(`${viewer.url}filing/${SAMPLE_ACCESSION}`);
    await page.locator('section#cover a.value', { hasText: /^4,413,110$/ }).first().click();
    await page.waitForURL(/\/evidence\/1\/\d+-\d+#hit$/);
    const mark = page.locator('mark#hit');
    expect(await mark.textContent()).toBe('4,413,110');
    const box = await mark.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    expect(await page.locator('mark.near').count()).toBeGreaterThan(0);
    await shot('evidence');
  });

  it('draws the issuer chart for Hudson Technologies', async () => {
    await page.goto(`${viewer.url}issuer/925528`);
    const svg = page.locator('figure.chart > svg');
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(await page.locator('figure.chart circle').count()).toBeGreaterThan(0);
    await shot('issuer');
    await page.goto(`${viewer.url}issuer/${HUDSON_CIK}`);
    expect(await page.locator('figure.chart circle').count()).toBeGreaterThan(0);
  });

  it('never turns markup from a filing into an element', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${viewer.url}filing/${SAMPLE_ACCESSION}`);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.locator('section#cover').textContent()).toContain(HOSTILE);
    expect(errors).toEqual([]);
    await shot('hostile-name');
  });

  it('opens the report offline, with its evidence inside', async () => {
    const html = renderReport(new ViewerData(sqlite), SAMPLE_ACCESSION)!;
    const file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, html);
    const context = await browser.newContext({ offline: true });
    const offline = await context.newPage();
    const requests: string[] = [];
    offline.on('request', (r) => requests.push(r.url()));
    await offline.goto(`file://${file}`);
    await offline.locator('section#cover a.value', { hasText: /^4,413,110$/ }).first().click();
    const target = offline.locator('section.evidence-item:target mark.hit');
    expect(await target.textContent()).toBe('4,413,110');
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await offline.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await context.close();
  });
});
