// (f) The first page of `findings new DIR --from X` reads well: for each
// real export in ../shared/samples (skipped when absent) and the small
// coded exports in tests/fixtures/new-from, no table or figure is wider
// than the content column, and no row head is squeezed into a column of
// a letter or two per line (the codebook once made a page 118,000 px tall).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build, findingsBin, launch, repoRoot } from './harness.js';

const samples = path.join(repoRoot, '..', 'shared', 'samples');
const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'new-from');

/** Every study to start a project from: the samples present, then the fixtures. */
function studies() {
  const found = [];
  for (const name of ['qualcoder-demo.qdpx', 'nvivo-mac-15.qdpx']) {
    const file = path.join(samples, name);
    if (fs.existsSync(file)) found.push(file);
    else console.log(`skipped: ${file} is absent`);
  }
  for (const name of fs.readdirSync(fixtures).sort()) found.push(path.join(fixtures, name));
  return found;
}

/** `findings new` around `study` in a scratch folder; returns the project. */
function scaffold(study) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-new-from-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const project = path.join(dir, 'demo');
  const run = spawnSync(findingsBin(), ['new', project, '--from', study], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`findings new --from ${study} failed:\n${run.stderr}`);
  return project;
}

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

for (const study of studies()) {
  test(`the new --from page of ${path.basename(study)} fits its column`, async () => {
    const url = pathToFileURL(build(scaffold(study))).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url);
    const seen = await page.evaluate(() => {
      const column = (e) => e.closest('.report-section') ?? document.querySelector('main');
      const wide = [...document.querySelectorAll('table, figure, .figure, svg')]
        .filter((e) => !e.closest('details:not([open])'))
        .map((e) => ({ e, box: column(e).getBoundingClientRect().width, w: e.getBoundingClientRect().width }))
        .filter(({ box, w }) => w > box + 0.5)
        .map(({ e, box, w }) => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className} ${Math.round(w)} px in ${Math.round(box)} px`);
      // A label squeezed to a letter a line makes a row head far taller
      // than the few lines a code's name needs.
      const squeezed = [...document.querySelectorAll('tbody th')]
        .filter((th) => th.getBoundingClientRect().height > 90)
        .map((th) => `${th.textContent.trim().slice(0, 40)} ${Math.round(th.getBoundingClientRect().height)} px`);
      return { wide, squeezed, height: document.documentElement.scrollHeight };
    });
    console.log(`${path.basename(study)}: page ${seen.height} px tall`);
    assert.deepEqual(seen.wide, [], 'wider than the content column');
    assert.deepEqual(seen.squeezed, [], 'row heads squeezed');
    await page.close();
  });
}
