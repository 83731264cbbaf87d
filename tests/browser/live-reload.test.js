// (a) Live reload in a real browser: a saved section appears without a
// manual reload, the scroll position survives, and a broken dataset shows
// the error overlay until it is fixed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT_MS, copyProject, datasetFile, launch, saveAtomically, sectionFile, serve } from './harness.js';

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

test('a saved section shows up without a manual reload, at the same scroll position', async () => {
  // A short viewport makes even a small report scroll.
  const page = await browser.newPage({ viewport: { width: 1000, height: 300 } });
  await page.goto(server.url);
  await page.waitForLoadState('load');
  const target = await page.evaluate(() => {
    const room = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo({ top: Math.min(400, room), behavior: 'instant' });
    return window.scrollY;
  });
  assert.ok(target > 0, 'the page is too short to scroll');

  const marker = `Edited while the browser watched ${Date.now()}`;
  const file = sectionFile(project);
  saveAtomically(file, `${fs.readFileSync(file, 'utf8')}\n\n${marker}\n`);
  await page.getByText(marker).first().waitFor({ state: 'attached', timeout: WAIT_MS });
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, target, { timeout: WAIT_MS })
    .catch(() => {});
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(scrolled - target) <= 2, `scroll ${scrolled} after reload, was ${target}`);
  await page.close();
});

test('a broken dataset shows the overlay with the file name until fixed', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const file = datasetFile(project);
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, '[{"id": "p1", ');
  const overlay = page.locator('#findings-overlay');
  await overlay.waitFor({ state: 'visible', timeout: WAIT_MS });
  const text = await overlay.innerText();
  assert.match(text, new RegExp(path.basename(file).replace('.', '\\.')), text);

  fs.writeFileSync(file, good);
  await overlay.waitFor({ state: 'detached', timeout: WAIT_MS });

  // Hiding the overlay uncovers the last good build, still served.
  const heading = await page.locator('h1').first().innerText();
  fs.writeFileSync(file, 'not JSON at all');
  await overlay.waitFor({ state: 'visible', timeout: WAIT_MS });
  await overlay.getByRole('button', { name: 'Hide' }).click();
  await overlay.waitFor({ state: 'detached', timeout: WAIT_MS });
  assert.equal(await page.locator('h1').first().innerText(), heading);
  fs.writeFileSync(file, good);
  await page.close();
});
