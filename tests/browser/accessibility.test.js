// (c) axe-core finds no WCAG 2 A or AA violation in the built report.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build, copyProject, launch } from './harness.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;

before(async () => {
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

test('the built page has no WCAG 2 A/AA violations', async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(build(copyProject())).href, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  const report = results.violations.map(describe).join('\n\n');
  if (report) console.log(report);
  assert.equal(results.violations.length, 0, `axe violations:\n${report}`);
  console.log(`axe: ${results.passes.length} rules passed, ${results.incomplete.length} need review`);
});
