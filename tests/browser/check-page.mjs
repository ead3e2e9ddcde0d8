// check-page.mjs PAGE.html SCREENSHOT.png MIN_FIGURES
//
// Opens a satstat HTML page in headless Chromium (puppeteer-core) and
// checks what a reader needs: it loads with no console error, no page
// error and no request for anything but the page itself (it is
// self-contained); it has at least MIN_FIGURES figures, each an inline
// <svg> that is laid out (non-zero size), visible, inside the page's width
// and drawn (holds paths); every table has cells.  Writes a full-page
// screenshot.  Exits 0 when every check passes, 1 with one line per
// failure otherwise.
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [page_path, shot_path, min_figures_text] = process.argv.slice(2);
if (!page_path || !shot_path) {
    console.error('usage: check-page.mjs PAGE.html SCREENSHOT.png [MIN_FIGURES]');
    process.exit(2);
}
const min_figures = Number(min_figures_text ?? 1);
const url = pathToFileURL(resolve(page_path)).href;
const failures = [];

const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // as root Chromium needs --no-sandbox; nothing else is loaded
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
            failures.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => failures.push(`request failed: ${r.url()}`));
    await page.setRequestInterception(true);
    page.on('request', (r) => {
        if (r.url() !== url && !r.url().startsWith('data:')) {
            failures.push(`fetches from elsewhere: ${r.url()}`);
            r.abort();
        } else {
            r.continue();
        }
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok())
        failures.push(`did not load: ${response ? response.status() : 'no response'}`);

    const facts = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const figures = [...document.querySelectorAll('figure')].map((f) => {
            const svg = f.querySelector('svg');
            if (!svg) return { svg: false };
            const box = svg.getBoundingClientRect();
            const style = getComputedStyle(svg);
            return {
                svg: true,
                w: box.width, h: box.height, left: box.left, right: box.right,
                visible: style.visibility !== 'hidden' && style.display !== 'none' &&
                    Number(style.opacity) > 0,
                paths: svg.querySelectorAll('path, polygon, polyline, rect, use').length,
                caption: (f.querySelector('figcaption')?.textContent ?? '').trim(),
            };
        });
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
        const tables = [...document.querySelectorAll('table')].map((t) => t.querySelectorAll('td').length);
        return {
            width, figures, duplicates, tables,
            title: document.title,
            h1: document.querySelector('h1')?.textContent ?? '',
            scripts: document.querySelectorAll('script').length,
            command: document.querySelector('pre code')?.textContent ?? '',
        };
    });
    if (facts.figures.length < min_figures)
        failures.push(`${facts.figures.length} figures, expected at least ${min_figures}`);
    facts.figures.forEach((f, i) => {
        const name = `figure ${i + 1} (${f.caption ?? ''})`;
        if (!f.svg) return failures.push(`${name}: no inline svg`);
        if (!(f.w > 100 && f.h > 50)) failures.push(`${name}: laid out ${f.w} x ${f.h}`);
        if (!f.visible) failures.push(`${name}: not visible`);
        if (f.left < 0 || f.right > facts.width + 1) failures.push(`${name}: outside the page`);
        if (f.paths < 5) failures.push(`${name}: nearly empty (${f.paths} shapes)`);
        if (!f.caption) failures.push(`${name}: no caption`);
    });
    if (facts.duplicates.length)
        failures.push(`duplicate ids: ${[...new Set(facts.duplicates)].slice(0, 5).join(', ')}`);
    if (!facts.tables.length || facts.tables.some((n) => n === 0))
        failures.push(`tables without cells: ${JSON.stringify(facts.tables)}`);
    if (facts.scripts) failures.push(`${facts.scripts} script elements`);
    if (!facts.command.startsWith('satstat '))
        failures.push(`no reproduce command (got '${facts.command.slice(0, 40)}')`);
    await page.screenshot({ path: shot_path, fullPage: true });
    console.log(`${page_path}: ${facts.figures.length} figures, ${facts.tables.length} tables, ` +
        `title '${facts.title}'`);
} finally {
    await browser.close();
}
for (const f of failures) console.log(`FAIL: ${page_path}: ${f}`);
process.exit(failures.length ? 1 : 0);
