// (b) The built report is self-contained: opened from disk, it loads
// nothing but itself and logs no error.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build, copyProject, launch } from './harness.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the built page makes no network request and logs no error', async () => {
  const url = pathToFileURL(build(copyProject())).href;
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  // Let late scripts, fonts and lazy images have their chance to ask.
  await page.waitForTimeout(500);
  // data: and blob: URLs are inline content, not network requests.
  const outside = requests.filter((r) => r !== url && !/^(data|blob):/.test(r));
  assert.deepEqual(outside, [], `requests besides the page:\n${outside.join('\n')}`);
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});
