import { launch } from './harness.js';
const [url, out, scheme, query] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 1000 } });
await page.goto(url);
if (query) { await page.fill('#search-input', query); await page.waitForTimeout(200); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
