/**
 * What the benchmark runs inside real Chromium pages: the core's public functions, the
 * store, and the timing loops around them, bundled by bench/vite.config.ts into one script
 * that sets `globalThis.earmarkBench`. Timing loops live here, in the page, so that the
 * DevTools protocol's round trips never count in a figure.
 */
import { anchorQuotes } from '../src/core/anchor';
import { describeOffsets, indexText } from '../src/core/text-range';
import { parseBackup, serializeBackup } from '../src/core/backup';
import { detectPodcastPage } from '../src/core/detect';
import { renderOverviewMarkdown } from '../src/core/markdown';
import { exporterFor } from '../src/core/template/choice';
import type { LibraryData, Quote, QuoteAnchor } from '../src/core/model';
import { createStore } from '../src/store/store';
import { makeEpisodeAt, makeLibrary } from './library-data';
import { threeHourCues } from './lib/words-data';

/** Asks V8 to collect garbage between runs when Chromium was started with --expose-gc. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timeRuns(
  warmup: number,
  runs: number,
  work: (run: number) => unknown,
): Promise<number[]> {
  const samples: number[] = [];
  for (let run = -warmup; run < runs; run++) {
    // No timer between runs: on saved pages, scripts (and so timers) are off.
    collectGarbage();
    const started = performance.now();
    await work(run);
    const elapsed = performance.now() - started;
    if (run >= 0) samples.push(elapsed);
  }
  return samples;
}

/** Elements and text nodes in the document: the size of the page detection walks. */
function nodeCount(): number {
  const walker = document.createTreeWalker(
    document,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT,
  );
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

async function detection(url: string, warmup: number, runs: number) {
  let result = detectPodcastPage(document, url);
  const samples = await timeRuns(warmup, runs, () => {
    result = detectPodcastPage(document, url);
  });
  return { samples, kind: result.kind, platform: result.platform, score: result.score };
}

/**
 * Describes `count` quotes of 40–220 characters spread evenly over the page's text, as a
 * person saving them on a first visit would.
 */
function describeSpreadQuotes(count: number): QuoteAnchor[] {
  const index = indexText(document.body);
  const { text } = index;
  const anchors: QuoteAnchor[] = [];
  for (let i = 0; i < count; i++) {
    const length = 40 + ((i * 37) % 181);
    const from = Math.floor(((i + 0.5) * (text.length - 300)) / count);
    const start = text.indexOf(' ', from) + 1;
    anchors.push(describeOffsets(index, start, start + length));
  }
  return anchors;
}

/**
 * Changes the page as a revisit finds it: a new paragraph above the transcript (every
 * position moves) and one letter changed inside every fourth quote (only a fuzzy match finds
 * those).
 */
function editPage(anchors: readonly QuoteAnchor[]): void {
  const index = indexText(document.body);
  anchors.forEach((anchor, i) => {
    if (i % 4 !== 0 || !anchor.position) return;
    const at = Math.floor((anchor.position.start + anchor.position.end) / 2);
    let n = index.starts.length - 1;
    while (n > 0 && index.starts[n]! > at) n--;
    const node = index.nodes[n]!;
    const offset = at - index.starts[n]!;
    const data = node.data;
    if (offset < data.length) {
      const swapped = data[offset] === 'e' ? 'a' : 'e';
      node.data = data.slice(0, offset) + swapped + data.slice(offset + 1);
    }
  });
  const notice = document.createElement('p');
  notice.textContent =
    'This episode is brought to you by a sponsor whose message was not on the page before.';
  document.body.prepend(notice);
}

async function anchoring(anchors: QuoteAnchor[], warmup: number, runs: number) {
  let found = 0;
  const samples = await timeRuns(warmup, runs, () => {
    found = anchorQuotes(document.body, anchors).filter((range) => range !== null).length;
  });
  return { samples, found };
}

function quotesByEpisode(data: LibraryData): Map<string, Quote[]> {
  const byEpisode = new Map<string, Quote[]>();
  for (const quote of data.quotes) {
    const list = byEpisode.get(quote.episodeId) ?? [];
    list.push(quote);
    byEpisode.set(quote.episodeId, list);
  }
  return byEpisode;
}

/** Export and import of a whole library, pure and through IndexedDB. */
async function backup(episodes: number, quotesPerEpisode: number, warmup: number, runs: number) {
  const data = makeLibrary(episodes, quotesPerEpisode);
  const byEpisode = quotesByEpisode(data);
  let text = '';
  const serialize = await timeRuns(warmup, runs, () => {
    text = serializeBackup(data);
  });
  let markdownChars = 0;
  const markdown = await timeRuns(warmup, runs, () => {
    markdownChars = 0;
    for (const episode of data.episodes) {
      markdownChars += renderOverviewMarkdown(episode, byEpisode.get(episode.id) ?? []).length;
    }
  });
  // The same library through a template (issue 14): compiled once, as the library does.
  const throughTemplate = exporterFor({ preset: 'obsidian' });
  let templateChars = 0;
  const template = await timeRuns(warmup, runs, () => {
    templateChars = 0;
    for (const episode of data.episodes) {
      templateChars += throughTemplate(episode, byEpisode.get(episode.id) ?? []).markdown.length;
    }
  });
  // One episode, as the popup exports it: compile and render.
  const first = data.episodes[0]!;
  const oneTemplate = await timeRuns(warmup * 20, runs * 20, () =>
    exporterFor({ preset: 'obsidian' })(first, byEpisode.get(first.id) ?? []),
  );
  let parsedOk = false;
  let parsed: LibraryData | null = null;
  const parse = await timeRuns(warmup, runs, () => {
    const result = parseBackup(text);
    parsedOk = result.ok;
    if (result.ok) parsed = result.data;
  });
  if (!parsedOk || parsed === null) throw new Error('parseBackup refused the backup it was given');
  const incoming: LibraryData = parsed;

  // The whole import a person waits for: parse, then one transaction into an empty database.
  const importAll = await timeRuns(warmup, runs, async (run) => {
    const name = `earmark-bench-import-${run + warmup}`;
    const store = createStore({ name });
    try {
      const result = parseBackup(text);
      if (!result.ok) throw new Error('parseBackup refused the backup');
      await store.importLibrary(result.data);
    } finally {
      await store.close();
    }
    await deleteDatabase(name);
  });

  // The whole export: read everything back in pages, then serialise.
  const source = createStore({ name: 'earmark-bench-export' });
  await source.importLibrary(incoming);
  let exportedQuotes = 0;
  const exportAll = await timeRuns(warmup, runs, async () => {
    const library = await source.exportLibrary();
    exportedQuotes = library.quotes.length;
    text = serializeBackup(library);
  });
  await source.close();
  await deleteDatabase('earmark-bench-export');

  return {
    serialize,
    markdown,
    template,
    oneTemplate,
    templateChars,
    parse,
    importAll,
    exportAll,
    backupChars: text.length,
    markdownChars,
    exportedQuotes,
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/** Puts one episode with `quoteCount` quotes into the extension's database, through its store. */
async function seedEpisode(url: string, quoteCount: number): Promise<number> {
  const store = createStore();
  try {
    await store.importLibrary(makeEpisodeAt(url, quoteCount));
    return (await store.quotesForEpisode(makeEpisodeAt(url, 0).episodes[0]!.id)).length;
  } finally {
    await store.close();
  }
}

/**
 * Puts one episode into the extension's database whose quotes are `anchors` (words described
 * on a page, as a person saving them there would have), through its store.
 */
async function seedEpisodeWithAnchors(url: string, anchors: QuoteAnchor[]): Promise<number> {
  const data = makeEpisodeAt(url, anchors.length);
  data.quotes = data.quotes.map((quote, i) => ({
    ...quote,
    text: anchors[i]!.quote.exact,
    anchor: anchors[i]!,
  }));
  const store = createStore();
  try {
    await store.importLibrary(data);
    return (await store.quotesForEpisode(data.episodes[0]!.id)).length;
  } finally {
    await store.close();
  }
}

/**
 * Puts one episode with no quotes into the extension's database, with a 3-hour transcript
 * (~2,500 cues) kept for it as if fetched from its feed: what the panel shows on a revisit.
 */
async function seedEpisodeWords(url: string): Promise<number> {
  const data = makeEpisodeAt(url, 0);
  const episodeId = data.episodes[0]!.id;
  const fetchedAt = '2026-11-30T08:00:00.000Z';
  const store = createStore();
  try {
    await store.importLibrary(data);
    await store.saveEpisodeWords({
      episodeId,
      feed: {
        url: 'https://show.example/feed.xml',
        fetchedAt,
        item: { index: 0, guid: 'bench-1', title: data.episodes[0]!.title, publishedAt: null },
        matchedBy: 'guid',
      },
      transcript: {
        url: 'https://show.example/episode.vtt',
        fetchedAt,
        format: 'vtt',
        language: 'en',
        cues: threeHourCues(),
      },
      chapters: null,
      people: [],
    });
    return (await store.episodeWords(episodeId))?.transcript?.cues.length ?? 0;
  } finally {
    await store.close();
  }
}

const api = {
  nodeCount,
  detection,
  describeSpreadQuotes,
  editPage,
  anchoring,
  backup,
  seedEpisode,
  seedEpisodeWithAnchors,
  seedEpisodeWords,
};

export type EarmarkBench = typeof api;

(globalThis as unknown as BenchGlobal).earmarkBench = api;

/** The page's global scope once the bundle has run: cast `globalThis` to it in `page.evaluate`. */
export interface BenchGlobal {
  earmarkBench: EarmarkBench;
}
