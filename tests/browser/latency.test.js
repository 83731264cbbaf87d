// (d) Save-to-reload latency: the time from writing a section file to the
// new text being in the page, over repeated edits. Printed, not asserted:
// it depends on the machine.

import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { WAIT_MS, copyProject, launch, sectionFile, serve } from './harness.js';

const EDITS = Number(process.env.LATENCY_EDITS || 15);

let browser;
let server;
let project;

before(async () => {
  project = copyProject();
  server = await serve(project);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summary(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (v) => `${v.toFixed(0)} ms`;
  return `${name}: median ${fmt(quantile(sorted, 0.5))}, p90 ${fmt(quantile(sorted, 0.9))}, `
    + `min ${fmt(sorted[0])}, max ${fmt(sorted[sorted.length - 1])} over ${sorted.length} edits`;
}

/**
 * When the page showing `marker` had its DOM ready, by the page's own clock
 * (free of the test's polling interval). Asked again if another reload
 * replaced the page meanwhile.
 */
async function domReady(page, marker) {
  for (let attempt = 0; ; attempt += 1) {
    await page.getByText(marker).first().waitFor({ state: 'attached', timeout: WAIT_MS });
    try {
      return await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType('navigation');
        return performance.timeOrigin + navigation.domContentLoadedEventEnd;
      });
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed/.test(String(error))) throw error;
    }
  }
}

test(`save-to-reload latency over ${EDITS} edits`, async () => {
  const page = await browser.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  const file = sectionFile(project);
  const original = fs.readFileSync(file, 'utf8');
  let reloads = 0;
  page.on('load', () => { reloads += 1; });
  const seen = [];
  const loaded = [];
  for (let i = 0; i < EDITS; i += 1) {
    const marker = `Latency probe ${i} ${Date.now()}`;
    const saved = Date.now();
    fs.writeFileSync(file, `${original}\n\n${marker}\n`);
    await page.getByText(marker).first().waitFor({ state: 'attached', timeout: WAIT_MS });
    seen.push(Date.now() - saved);
    loaded.push(await domReady(page, marker) - saved);
    // A pause between edits keeps each one its own rebuild.
    await page.waitForTimeout(150);
  }
  console.log(summary('save -> reloaded page DOM ready', loaded));
  console.log(summary('save -> text seen by the test', seen));
  console.log(`${reloads} page loads for ${EDITS} saves`);
});
