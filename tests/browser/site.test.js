// (e) A research site (`findings new --site`): its report pages load
// nothing but themselves, the index's search finds a quote's words
// (without their accents) and a code label in headless Chromium, the tag
// filter hides other reports' cards, and the index passes axe in the light
// and the dark scheme, search results shown.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { buildSite, launch, openWatched } from './harness.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let out;

before(async () => {
  out = buildSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens `url` in a new tab, collecting its requests and errors. */
const open = (url, options) => openWatched(browser, url, options);

for (const report of ['onboarding', 'follow-up']) {
  test(`the site's report page ${report} makes no request and logs no error`, async () => {
    const url = pathToFileURL(path.join(out, report, 'index.html')).href;
    const { page, requests, errors } = await open(url);
    await page.waitForTimeout(500);
    const outside = requests.filter((r) => r !== url && !/^(data|blob):/.test(r));
    assert.deepEqual(outside, [], `requests besides the page:\n${outside.join('\n')}`);
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
    assert.equal(await page.locator('nav.site-nav a[href="../index.html"]').count(), 1);
    await page.close();
  });
}

test('the index runs its script under its own policy and requests nothing', async () => {
  const url = pathToFileURL(path.join(out, 'index.html')).href;
  const { page, requests, errors } = await open(url);
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter((r) => r !== url), []);
  // A script the policy refused would log an error and leave search hidden.
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  assert.equal(await page.locator('#search').isVisible(), true);
  await page.close();
});

test('search finds a quote by its words without accents, and a code label', async () => {
  const { page } = await open(pathToFileURL(path.join(out, 'index.html')).href);
  const input = page.locator('#search-input');
  // Quote f2 of the follow-up: "Az oltás utáni felmérés is ugyanígy készült…"
  await input.fill('oltas utani');
  const quote = page.locator('#search-results li', { hasText: 'Az oltás utáni felmérés' });
  await quote.waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('#search-status').textContent(), '1 result');
  assert.match(await quote.locator('a').getAttribute('href'), /^follow-up\/index\.html#/);
  assert.equal(await quote.locator('.result-kind').textContent(), 'Quote');
  // The code label "Speed", in both reports' codebooks, grouped by report.
  await input.fill('Speed');
  const groups = page.locator('#search-results .result-group');
  await page.locator('#search-results .result-kind', { hasText: 'Code' }).first().waitFor({ timeout: 5_000 });
  assert.deepEqual(await groups.locator('h3').allTextContents(),
    ['Follow-up: Trust After Launch', 'Onboarding Interviews']);
  const codes = page.locator('#search-results li', { has: page.locator('.result-kind', { hasText: 'Code' }) });
  assert.equal(await codes.count(), 2);
  // Following a result opens the report.
  await input.fill('oltas');
  await page.locator('#search-results li a').first().click();
  await page.waitForURL(/follow-up\/index\.html#/);
  await page.close();
});

test('a tag hides the cards of reports without it', async () => {
  const { page } = await open(pathToFileURL(path.join(out, 'index.html')).href);
  await page.locator('.tags a[data-tag="onboarding"]').click();
  assert.equal(await page.locator('.card:visible').count(), 1);
  assert.equal(await page.locator('.card:visible .card-title').textContent(), 'Onboarding Interviews');
  assert.equal(await page.locator('.tags a[data-tag="onboarding"]').getAttribute('aria-pressed'), 'true');
  await page.locator('.tags a[data-tag="onboarding"]').click();
  assert.equal(await page.locator('.card:visible').count(), 2);
  await page.close();
});

function describe(violation) {
  const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 300)}\n      ${node.failureSummary || ''}`);
  return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join('\n');
}

for (const colorScheme of ['light', 'dark']) {
  test(`the index has no WCAG 2 A/AA violations (${colorScheme} scheme)`, async () => {
    // axe goes in with the policy bypassed (the policy allows only our script).
    const { page } = await open(pathToFileURL(path.join(out, 'index.html')).href, { colorScheme, bypassCSP: true });
    await page.locator('#search-input').fill('trust');
    await page.locator('#search-results li').first().waitFor({ timeout: 5_000 });
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
    const report = results.violations.map(describe).join('\n\n');
    assert.equal(results.violations.length, 0, `axe violations:\n${report}`);
    await page.close();
  });
}
