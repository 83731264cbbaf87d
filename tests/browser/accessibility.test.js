// (c) axe-core finds no WCAG 2 A or AA violation in the built report, in
// the light and in the dark colour scheme.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build, copyProject, launch } from './harness.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let built;

before(async () => {
  built = pathToFileURL(build(copyProject())).href;
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** One violation with every offending node, for a readable failure. */
function describe(violation) {
  const nodes = violation.nodes.map((node) => [
    `    at ${node.target.join(' ')}`,
    `      ${node.html.slice(0, 300)}`,
    ...(node.failureSummary || '').split('\n').map((line) => `      ${line}`),
  ].join('\n'));
  return [
    `${violation.id} (${violation.impact}): ${violation.help}`,
    `  ${violation.helpUrl}`,
    ...nodes,
  ].join('\n');
}

for (const colorScheme of ['light', 'dark']) {
  test(`the built page has no WCAG 2 A/AA violations (${colorScheme} scheme)`, async () => {
    // The page's CSP allows no script, so axe goes in with the policy
    // bypassed; csp.test.js checks the page under its policy.
    const tab = await browser.newPage({ colorScheme, bypassCSP: true });
    await tab.goto(built, { waitUntil: 'load' });
    await tab.addScriptTag({ content: axeSource });
    const results = await tab.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
    const report = results.violations.map(describe).join('\n\n');
    if (report) console.log(report);
    assert.equal(results.violations.length, 0, `axe violations:\n${report}`);
    console.log(`axe (${colorScheme}): ${results.passes.length} rules passed, `
      + `${results.incomplete.length} need review`);
    await tab.close();
  });
}
