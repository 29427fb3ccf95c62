import { fireEvent, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import type { CaptureResult } from '../../../src/messages/protocol';
import type { EpisodeSeed } from '../../../src/core/episode';
import type { EpisodeWords } from '../../../src/core/feeds/episode-words';
import type { Cue } from '../../../src/core/transcripts/types';
import type { Episode, Quote } from '../../../src/core/model';
import type { HighlightsReply, PageState } from '../../../src/messages/schemas';
import { createStore, type Store } from '../../../src/store/store';
import type { PopupApi } from '../../../src/ui/api';
import type { WordsApi } from '../../../src/ui/words/api';

export const EPISODE_URL = 'https://margin-notes.example/episodes/12';

let dbCount = 0;
/** A real store over fake-indexeddb, in a database no other test touches. */
export function freshStore(): Store {
  dbCount += 1;
  return createStore({ name: `ui-test-${Date.now()}-${dbCount}` });
}

export function pageState(overrides: Partial<PageState> = {}): PageState {
  return {
    url: EPISODE_URL,
    title: 'Episode 12: Listening with a pen in hand | The Margin Notes Podcast',
    detection: {
      kind: 'episode',
      platform: 'generic',
      score: 0.9,
      evidence: ['json-ld PodcastEpisode'],
      episode: {
        title: 'Episode 12: Listening with a pen in hand',
        show: 'The Margin Notes Podcast',
        url: EPISODE_URL,
        publishedAt: '2026-10-14',
        durationSec: 3725,
        participants: [{ name: 'Sam Rivera', role: 'guest' }],
      },
    },
    selection: null,
    timeSec: null,
    hasMedia: true,
    ...overrides,
  };
}

export const SEED: EpisodeSeed = {
  url: EPISODE_URL,
  platform: 'generic',
  title: 'Episode 12: Listening with a pen in hand',
  show: 'The Margin Notes Podcast',
  publishedAt: '2026-10-14',
  durationSec: 3725,
};

export type FakeApi = PopupApi & {
  capture: ReturnType<typeof vi.fn<(tabId: number) => Promise<CaptureResult>>>;
  captureMoment: ReturnType<typeof vi.fn<(tabId: number) => Promise<CaptureResult>>>;
  seek: ReturnType<typeof vi.fn<(tabId: number, timeSec: number) => Promise<void>>>;
  download: ReturnType<typeof vi.fn<(fileName: string, text: string) => void>>;
  refreshHighlights: ReturnType<typeof vi.fn<(tabId: number) => Promise<void>>>;
  highlightStatus: ReturnType<typeof vi.fn<(tabId: number) => Promise<HighlightsReply | null>>>;
  openLibrary: ReturnType<typeof vi.fn<() => Promise<void>>>;
  takeQuoteFocus: ReturnType<typeof vi.fn<(tabId: number) => Promise<string | null>>>;
};

/** The browser side faked; the store real. Capture saves like the background would. */
export function fakeApi(
  options: {
    store?: Store;
    page?: PageState;
    tabId?: number | null;
    /** The tab's address as the browser gives it: the page's unless a test says (null: none). */
    tabUrl?: string | null;
    /** `?episode=ID`: the view edits this stored episode, with no tab. */
    episodeId?: string;
  } = {},
) {
  const store = options.store ?? freshStore();
  let page = options.page ?? pageState();
  // The background's side of a click on a highlight: the quote waiting, and the open views.
  let waitingQuote: string | null = null;
  const hearing = new Set<(tabId: number) => void>();
  const api = {
    store,
    targetTab: vi.fn(async () => {
      const id = options.tabId === undefined ? 7 : options.tabId;
      return id === null
        ? null
        : { id, url: options.tabUrl === undefined ? page.url : options.tabUrl };
    }),
    targetEpisodeId: vi.fn(() => options.episodeId ?? null),
    readPage: vi.fn(async () => page),
    capture: vi.fn(async (): Promise<CaptureResult> => {
      if (!page.selection) return { ok: false, error: 'Nothing is selected.' };
      const saved = await store.saveCapture({
        seed: SEED,
        text: page.selection.text,
        timeSec: page.timeSec,
        anchor: null,
        speakerName: page.selection.speaker,
      });
      return { ok: true, ...saved, pageKind: page.detection.kind };
    }),
    captureMoment: vi.fn(async (): Promise<CaptureResult> => {
      if (page.timeSec === null) return { ok: false, error: 'No time to mark.' };
      const saved = await store.saveCapture({
        seed: SEED,
        text: '',
        timeSec: page.timeSec,
        anchor: null,
        speakerName: null,
      });
      return { ok: true, ...saved, pageKind: page.detection.kind };
    }),
    seek: vi.fn(async () => undefined),
    download: vi.fn(),
    copy: vi.fn(async () => true),
    // A page that has run no highlight pass yet, unless a test says what it found.
    refreshHighlights: vi.fn(async () => undefined),
    highlightStatus: vi.fn(async (): Promise<HighlightsReply | null> => null),
    openLibrary: vi.fn(async () => undefined),
    takeQuoteFocus: vi.fn(async () => {
      const quoteId = waitingQuote;
      waitingQuote = null;
      return quoteId;
    }),
    onQuoteWaiting(listener: (tabId: number) => void) {
      hearing.add(listener);
      return () => hearing.delete(listener);
    },
  };
  return {
    api: api as unknown as FakeApi,
    /** A click on a highlight in tab `tabId` asked to show `quoteId`; open views hear of it. */
    clickHighlight(quoteId: string, tabId = 7) {
      waitingQuote = quoteId;
      for (const listener of hearing) listener(tabId);
    },
    /** What the page in the tab shows from now on (another selection, another episode). */
    setPage(next: PageState) {
      page = next;
    },
  };
}

/** An episode in the store with quotes at the given times (null: no time), in capture order. */
export async function seedEpisode(
  store: Store,
  quotes: { text: string; timeSec: number | null; speaker?: string }[] = [],
): Promise<{ episode: Episode; quotes: Quote[] }> {
  let episode = await store.ensureEpisode(SEED);
  for (const quote of quotes) {
    episode = (
      await store.saveCapture({
        seed: SEED,
        text: quote.text,
        timeSec: quote.timeSec,
        anchor: null,
        speakerName: quote.speaker ?? null,
      })
    ).episode;
  }
  return { episode, quotes: await store.quotesForEpisode(episode.id) };
}

/** Waits until the store holds what `read` returns as `expected` (saves are asynchronous). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void) {
  const { waitFor } = await import('@testing-library/preact');
  await waitFor(async () => check(await read()), { timeout: 2_000 });
}

/**
 * The popup shows its quotes as short rows, the newest one open; this opens another (its ▾
 * button, as a person would) so that its note, pickers and buttons are there.
 */
export function openQuoteRow(row: HTMLElement): HTMLElement {
  const closed = row.querySelector<HTMLButtonElement>('button.disclosure[aria-expanded="false"]');
  if (closed) fireEvent.click(closed);
  return row;
}

/** The popup's Overview tab: participants, sections, notes, references and tags. */
export async function showOverview(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('tab', { name: 'Overview' }));
  return screen.getByRole('tabpanel', { name: 'Overview' });
}

/** An episode's words as kept from its feed: a WebVTT transcript of `cues`, matched by guid. */
export function keptWords(episodeId: string, cues: Cue[], title = 'Episode'): EpisodeWords {
  return {
    episodeId,
    feed: {
      url: 'https://show.example/feed.xml',
      fetchedAt: '2026-11-30T08:00:00.000Z',
      item: { index: 0, guid: 'ep-1', title, publishedAt: null },
      matchedBy: 'guid',
    },
    transcript: {
      url: 'https://show.example/episode.vtt',
      fetchedAt: '2026-11-30T08:00:00.000Z',
      format: 'vtt',
      language: 'en',
      cues,
    },
    chapters: null,
    people: [],
  };
}

/** The transcript panel's outside world with no network: for panels whose words are kept. */
export function offlineWordsApi(overrides: Partial<WordsApi> = {}): WordsApi {
  return {
    requestOrigins: vi.fn(async () => false),
    holdsOrigins: vi.fn(async () => false),
    fetchText: vi.fn(async () => {
      throw new Error('no network in this test');
    }),
    playerTime: vi.fn(async () => ({ timeSec: null })),
    pageFeeds: vi.fn(async () => []),
    captureTranscript: vi.fn(async () => ({ ok: false as const, error: 'not here' })),
    now: () => '2026-11-30T12:00:00.000Z',
    languages: () => ['en'],
    ...overrides,
  };
}
