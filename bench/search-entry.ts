/**
 * Library search in real Chromium (issue 7: < 30 ms per keystroke on 10,000 quotes), bundled
 * by bench/vite.config.ts into a script that sets `globalThis.earmarkSearchBench`. Each
 * keystroke does what the library page does: search the whole library for the query typed so
 * far, then work out the highlights of the rows on screen.
 */
import { buildSearchIndex, highlightMatch, searchLibrary } from '../src/core/search';
import { makeLibrary } from './library-data';

/** Rows the library's result list shows at once (its windowed list renders about this many). */
const ROWS_ON_SCREEN = 30;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function search(
  episodes: number,
  quotesPerEpisode: number,
  queries: string[],
  warmup: number,
  runs: number,
) {
  const data = makeLibrary(episodes, quotesPerEpisode);
  const buildMs: number[] = [];
  let index = buildSearchIndex(data);
  for (let run = -warmup; run < runs; run++) {
    collectGarbage();
    const started = performance.now();
    index = buildSearchIndex(data);
    if (run >= 0) buildMs.push(performance.now() - started);
  }
  const keystrokeMs: number[] = [];
  let lastMatches = 0;
  for (let run = -warmup; run < runs; run++) {
    collectGarbage();
    for (const query of queries) {
      for (let typed = 1; typed <= query.length; typed++) {
        const started = performance.now();
        const result = searchLibrary(index, query.slice(0, typed));
        const shown = [...result.episodes, ...result.quotes].slice(0, ROWS_ON_SCREEN);
        for (const match of shown) highlightMatch(index, result.terms, match);
        if (run >= 0) keystrokeMs.push(performance.now() - started);
        lastMatches = result.episodes.length + result.quotes.length;
      }
    }
  }
  return { buildMs, keystrokeMs, quotes: data.quotes.length, lastMatches };
}

const api = { search };

export type EarmarkSearchBench = typeof api;

/** The page's global scope once the bundle has run: cast `globalThis` to it in `page.evaluate`. */
export interface SearchBenchGlobal {
  earmarkSearchBench: EarmarkSearchBench;
}

(globalThis as unknown as SearchBenchGlobal).earmarkSearchBench = api;
