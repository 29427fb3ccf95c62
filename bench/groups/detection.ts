/**
 * `detectPodcastPage` in real Chromium: on each real saved page (test/fixtures/real/pages,
 * served as they are, page scripts off, nothing fetched from the internet) and on the
 * synthetic 3-hour transcript page. The bench entry runs detection in the page, so the
 * figure is the function alone, as the content script calls it.
 */
import { readdirSync } from 'node:fs';
import type { BenchGlobal } from '../browser-entry';
import { launchPlain, onlyLocal } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';
import { fixturePath, readFixture } from '../../test/support/fixtures';
import { servePages } from '../../test/support/server';

const GROUP = 'detection';
export const REAL_PAGE_BUDGET_MS = 5;
export const SYNTHETIC_PAGE_BUDGET_MS = 20;

/** Each fixture page's own URL, from the table in FIXTURES.md (URL patterns are evidence). */
function fixtureUrls(): Map<string, string> {
  const urls = new Map<string, string>();
  for (const line of readFixture('FIXTURES.md').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = cells[1];
    const url = /https?:\/\/\S+/.exec(cells[2] ?? '')?.[0];
    if (file?.endsWith('.html') && url) urls.set(file, url);
  }
  return urls;
}

/** The URL a page names itself by, for the pages the table gives no URL for. */
const SELF_URL = `(document.querySelector('link[rel="canonical"]') || {}).href ||
  (document.querySelector('meta[property="og:url"]') || {}).content || location.href`;

export const detection: BenchGroup = {
  name: GROUP,
  about: 'detectPodcastPage on every real fixture page and on the 3-hour transcript page',
  usesBrowser: true,
  async run(context: BenchContext) {
    const bundle = await context.bundle('browser-entry');
    const real = context.runs([5, 30], [2, 5]);
    const large = context.runs([3, 20], [1, 5]);
    const figures: Figure[] = [];
    const pages = readdirSync(fixturePath('pages'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    const urls = fixtureUrls();
    const fixtureServer = await servePages(fixturePath('pages'));
    const pageServer = await servePages(context.pagesDir);
    const browser = await launchPlain();
    try {
      // Saved pages as a server sent them: their scripts stay off, as FIXTURES.md says.
      const saved = await browser.newContext({ javaScriptEnabled: false });
      await onlyLocal(saved, fixtureServer.origin);
      for (const file of pages) {
        context.log(`detection: ${file}`);
        const page = await saved.newPage();
        await page.goto(`${fixtureServer.origin}/${file}`, { waitUntil: 'load' });
        await page.evaluate(bundle);
        const url = urls.get(file) ?? (await page.evaluate<string>(SELF_URL));
        const result = await page.evaluate(
          ({ url, warmup, runs }) =>
            (globalThis as unknown as BenchGlobal).earmarkBench.detection(url, warmup, runs),
          { url, ...real },
        );
        await page.close();
        figures.push(
          timingFigure(
            GROUP,
            `detect ${file.replace(/\.html$/, '')}`,
            summarise(result.samples),
            REAL_PAGE_BUDGET_MS,
            `→ ${result.kind}${result.platform ? ` (${result.platform})` : ''}`,
          ),
        );
      }
      await saved.close();

      context.log('detection: 3-hour transcript page');
      const local = await browser.newContext();
      await onlyLocal(local, pageServer.origin);
      const page = await local.newPage();
      const url = `${pageServer.origin}/${PAGES.transcript}`;
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(bundle);
      const nodes = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobal).earmarkBench.nodeCount(),
      );
      const result = await page.evaluate(
        ({ url, warmup, runs }) =>
          (globalThis as unknown as BenchGlobal).earmarkBench.detection(url, warmup, runs),
        { url, ...large },
      );
      await local.close();
      figures.push(
        timingFigure(
          GROUP,
          'detect 3-hour transcript page',
          summarise(result.samples),
          SYNTHETIC_PAGE_BUDGET_MS,
          `${Math.round(nodes / 1000)}k nodes → ${result.kind}`,
        ),
      );
    } finally {
      await browser.close();
      await fixtureServer.close();
      await pageServer.close();
    }
    return figures;
  },
};
