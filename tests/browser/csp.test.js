// (e) The page's Content-Security-Policy holds: the built page, opened
// from disk, logs no violation and still renders completely (charts,
// figures, fonts, details/summary); the served page's live reload runs
// under its own policy, which allows exactly the reload script.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { WAIT_MS, build, copyProject, launch, saveAtomically, sectionFile, serve } from './harness.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/**
 * A new tab recording every CSP violation, from the DOM event and from the
 * console message Chromium logs for it. The recorder goes in through the
 * DevTools protocol, which the page's policy does not govern.
 */
async function watched() {
  const page = await browser.newPage();
  const console = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const violations = async () => [...await page.evaluate(() => window.__violations), ...console];
  return { page, violations };
}

test('the built page renders completely under its policy with zero violations', async () => {
  const { page, violations } = await watched();
  await page.goto(pathToFileURL(build(copyProject())).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  assert.deepEqual(await violations(), [], 'CSP violations');

  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.equal(policy, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'");

  // The theme's styles applied: the body font is not the browser default.
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.notEqual(font, 'Times New Roman', font);
  // Every chart has drawn, with its inline style attributes in force.
  const charts = await page.evaluate(() => [...document.querySelectorAll('svg')]
    .map((svg) => svg.getBoundingClientRect().width));
  assert.ok(charts.length >= 5, `only ${charts.length} charts`);
  assert.ok(charts.every((w) => w > 0), `a chart with no width: ${charts}`);
  const styled = await page.evaluate(() => {
    const svg = document.querySelector('svg[style]');
    return svg && getComputedStyle(svg).maxWidth;
  });
  assert.match(styled ?? '', /px$/, 'the chart style attribute was not applied');
  // Figures' data: images load.
  const images = await page.evaluate(() => [...document.images]
    .map((img) => img.complete && img.naturalWidth > 0));
  assert.ok(images.length > 0 && images.every(Boolean), `images: ${images}`);
  // A chart's data table opens.
  const summary = page.locator('details.figure-data summary').first();
  await summary.click();
  assert.equal(await page.locator('details.figure-data').first().getAttribute('open'), '');

  // The recorder does hear a violation: a script slipped into the page is
  // refused (and does not run).
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    return new Promise((resolve) => setTimeout(() => resolve(window.__ran === true), 100));
  });
  assert.equal(ran, false, 'an injected script ran');
  assert.ok((await violations()).some((v) => v.includes('script-src')), 'no violation was reported');
  await page.close();
});

test('live reload works under the served policy with zero violations', async () => {
  const project = copyProject();
  const server = await serve(project);
  try {
    const { page, violations } = await watched();
    await page.goto(server.url, { waitUntil: 'load' });
    const marker = `Saved under the policy ${Date.now()}`;
    const file = sectionFile(project);
    saveAtomically(file, `${fs.readFileSync(file, 'utf8')}\n\n${marker}\n`);
    await page.getByText(marker).first().waitFor({ state: 'attached', timeout: WAIT_MS });
    await page.waitForTimeout(200);
    assert.deepEqual(await violations(), [], 'CSP violations');
    // The reload script runs; the build manifest is inert JSON data.
    const scripts = await page.locator('script:not([type="application/json"])').count();
    assert.equal(scripts, 1, 'the page holds the reload script only');
    assert.equal(await page.locator('script#findings-manifest[type="application/json"]').count(), 1);
    await page.close();
  } finally {
    await server.stop();
  }
});
