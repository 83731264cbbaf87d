// (b) The built report is self-contained: opened from disk, it loads
// nothing but itself and logs no error.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build, copyProject, launch, openWatched } from './harness.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the built page makes no network request and logs no error', async () => {
  const url = pathToFileURL(build(copyProject())).href;
  const { page, requests, errors } = await openWatched(browser, url);
  // Let late scripts, fonts and lazy images have their chance to ask.
  await page.waitForTimeout(500);
  // data: and blob: URLs are inline content, not network requests.
  const outside = requests.filter((r) => r !== url && !/^(data|blob):/.test(r));
  assert.deepEqual(outside, [], `requests besides the page:\n${outside.join('\n')}`);
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});
