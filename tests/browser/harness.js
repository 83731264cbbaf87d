// Shared helpers of the browser tests: where the binary and the project
// are, copying a project to a scratch folder, running `findings serve` and
// `findings build`, and starting Chromium.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (two levels above this folder). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How long any one expected thing may take. */
export const WAIT_MS = 10_000;

/** The `findings` binary: $FINDINGS_BIN, else a release or debug build. */
export function findingsBin() {
  if (process.env.FINDINGS_BIN) return path.resolve(process.env.FINDINGS_BIN);
  const target = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  for (const profile of ['release', 'debug']) {
    const candidate = path.join(target, profile, 'findings');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('no findings binary: set FINDINGS_BIN or run cargo build');
}

/**
 * The project the tests run on: $FINDINGS_PROJECT, else the repository's
 * own example (the root is a project when it has content/report.toml),
 * else the small serve fixture.
 */
export function sourceProject() {
  if (process.env.FINDINGS_PROJECT) return path.resolve(process.env.FINDINGS_PROJECT);
  if (fs.existsSync(path.join(repoRoot, 'content', 'report.toml'))) return repoRoot;
  return path.join(repoRoot, 'tests', 'fixtures', 'serve-basic');
}

/** A scratch copy of the project's content/ and themes/; removed at exit. */
export function copyProject() {
  const from = sourceProject();
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-browser-'));
  for (const dir of ['content', 'themes']) {
    if (fs.existsSync(path.join(from, dir))) {
      fs.cpSync(path.join(from, dir), path.join(to, dir), { recursive: true });
    }
  }
  process.on('exit', () => fs.rmSync(to, { recursive: true, force: true }));
  return to;
}

/** The first section file by name, the one the tests edit. */
export function sectionFile(project) {
  const dir = path.join(project, 'content', 'sections');
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  if (names.length === 0) throw new Error(`no section in ${dir}`);
  return path.join(dir, names[0]);
}

/** The participants dataset, or else the first dataset by name. */
export function datasetFile(project) {
  const dir = path.join(project, 'content', 'data');
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  const name = names.includes('participants.json') ? 'participants.json' : names[0];
  if (!name) throw new Error(`no dataset in ${dir}`);
  return path.join(dir, name);
}

/** Saves like editors that write a temporary file and rename it over. */
export function saveAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp~`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/**
 * Starts `findings serve --port 0` on `project` and resolves once it
 * printed its URL. `stop()` interrupts it like Ctrl-C, then kills it.
 */
export function serve(project) {
  const child = spawn(findingsBin(), ['serve', '--port', '0', '--project', project], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  // A test that fails half-way must not leave the server running.
  process.on('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL in ${WAIT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, WAIT_MS);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = /Serving (http:\/\/\S+)/.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve({ url: found[1], stop, stderr: () => stderr });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}\nstderr:\n${stderr}`));
    });
  });
}

/** Runs `findings build` on `project` into a new folder; returns the page's path. */
export function build(project) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-out-'));
  process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  const run = spawnSync(findingsBin(), ['build', '--project', project, '--out', out, '--force'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`findings build failed (${run.status}):\n${run.stderr}`);
  }
  return path.join(out, 'index.html');
}

/** Starts the system Chromium (or $CHROMIUM) headless, with nothing phoning home. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Creates a site with `findings new --site` in a scratch folder and builds
 * it; returns its output folder (index.html and one folder per report).
 */
export function buildSite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-site-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const site = path.join(dir, 'site');
  for (const args of [['new', '--site', site], ['build', '--project', site]]) {
    const run = spawnSync(findingsBin(), args, { encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`findings ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
    }
  }
  return path.join(site, 'output');
}

/**
 * Opens `url` in a new tab of `browser` (with `options`, e.g. a colour
 * scheme), collecting every request it makes and every error it logs.
 */
export async function openWatched(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}
