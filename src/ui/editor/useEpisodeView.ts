import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { episodeIdForUrl } from '../../core/episode';
import type { Episode, Quote } from '../../core/model';
import type { PageState } from '../../messages/schemas';
import { afterNextPaint } from '../after-paint';
import type { PopupApi } from '../api';
import { reason, t } from '../i18n';
import { readFirstScreen, type FirstScreen, type FirstScreenOrder } from './first-quotes';
import type { Notice } from '../components/Notice';

export type View =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** Null with `?episode=ID` (the library's Edit link): a stored episode, no tab, no page. */
      tabId: number | null;
      page: PageState | null;
      episode: Episode | null;
      quotes: Quote[];
      /** Quotes of a long list still being read after the first screen (see first-quotes.ts). */
      unread: number;
    };

export type Ready = Extract<View, { status: 'ready' }>;

/** The popup closes with its page; the side panel stays open beside a tab that changes. */
export type ScreenMode = 'popup' | 'panel';

/** How often the side panel checks its tab for another episode or quotes saved elsewhere. */
export const PANEL_POLL_MS = 2_000;

export interface EpisodeView {
  view: View;
  /** Reads the page's episode again from the start (another episode, or a capture). */
  load(): Promise<void>;
  /** Reads the shown episode and its quotes again: one was saved from this view. */
  reread(): Promise<void>;
  /** Changes the view if it is ready (an edit, a created episode); else leaves it. */
  update(change: (ready: Ready) => Ready): void;
}

/**
 * Marks `earmark:painted` once the frame that draws the first ready view is drawn: a task
 * queued from that frame's callback runs after its style, layout and paint, which the callback
 * itself comes before (the side panel's figure and the empty page's floor are taken the same
 * way). Asked for just before the ready view is set, so that its task is the first one queued
 * from that frame: work queued after it (Preact's effects, the rest of a long list) follows the
 * frame and is not in the figure.
 */
function markFirstFrame(): void {
  if (performance.getEntriesByName('earmark:rendered').length > 0) return;
  afterNextPaint(() => {
    if (performance.getEntriesByName('earmark:painted').length > 0) return;
    performance.mark('earmark:painted');
    performance.measure('earmark:paint', 'earmark:data-loaded', 'earmark:painted');
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What the popup or side panel shows, as it is read: the tab's page with its stored episode
 * and quotes (a long list's first screen first, the rest after the first paint), or a stored
 * episode opened from the library. The side panel also follows its tab to another episode and
 * picks up quotes saved by shortcut or menu; `on.poll` runs at each of those checks, and
 * `on.reveal` asks to scroll to a quote whose highlight was clicked on the page.
 */
export function useEpisodeView(
  api: PopupApi,
  mode: ScreenMode,
  on: {
    notify(notice: Notice): void;
    poll(): void;
    reveal(quoteId: string): void;
    /** The tab's episode is known, and about to be read (the side panel reads its words). */
    known?(episodeId: string): void;
  },
): EpisodeView {
  const [view, setView] = useState<View>({ status: 'loading' });
  // Timers and browser events read the view as it is when they fire.
  const current = useRef(view);
  current.current = view;

  // The popup opens at the newest quotes; the side panel lists them in playback order.
  const firstScreenOrder: FirstScreenOrder = mode === 'popup' ? 'newest' : 'playback';

  const update = (change: (ready: Ready) => Ready) =>
    setView((shown) => (shown.status === 'ready' ? change(shown) : shown));

  async function load(): Promise<void> {
    try {
      const storedId = api.targetEpisodeId();
      if (storedId !== null) return await loadStored(storedId);
      // The database opens while the browser says which tab this is: the first-screen read,
      // not the page's answer, is what the first frame waits for last.
      api.store.warm();
      const tab = await api.targetTab();
      if (tab === null) return setView({ status: 'error', message: t('errorNoTab') });
      const tabId = tab.id;
      // The tab's address names its episode before the page's content script answers: the
      // first screen is read meanwhile, and kept when the page's address names the same one
      // (issue 16: the answer took 14–17 ms of the popup's own part, the read after it).
      const guess = tab.url === null ? null : episodeIdForUrl(tab.url);
      const early = guess === null ? null : readFirstScreen(api.store, guess, firstScreenOrder);
      early?.catch(() => undefined);
      const page = await api.readPage(tabId);
      const id = episodeIdForUrl(page.url);
      on.known?.(id);
      const first = await (id === guess && early
        ? early
        : readFirstScreen(api.store, id, firstScreenOrder));
      performance.mark('earmark:data-loaded');
      const { episode, quotes, unread } = first;
      markFirstFrame();
      setView({ status: 'ready', tabId, page, episode: episode ?? null, quotes, unread });
      readRest(id, first);
      void revealAskedQuote(tabId, id, quotes).catch(() => undefined);
    } catch (error) {
      setView({ status: 'error', message: message(error) });
    }
  }

  async function loadStored(id: string): Promise<void> {
    const first = await readFirstScreen(api.store, id, firstScreenOrder);
    const { episode, quotes, unread } = first;
    if (!episode) return setView({ status: 'error', message: t('errorEpisodeNotStored') });
    performance.mark('earmark:data-loaded');
    markFirstFrame();
    setView({ status: 'ready', tabId: null, page: null, episode, quotes, unread });
    readRest(id, first);
  }

  /**
   * The rest of a long list, read once the first screen is painted (so that reading it never
   * delays that frame), and shown if the view still shows that episode.
   */
  function readRest(episodeId: string, first: FirstScreen): void {
    const { readRest } = first;
    if (!readRest) return;
    afterNextPaint(() => {
      readRest()
        .then((quotes) => {
          // For the benchmark: when the whole list is there (it waits for it between openings).
          performance.mark('earmark:rest-read');
          update((ready) =>
            shownEpisodeId(ready) === episodeId ? { ...ready, quotes, unread: 0 } : ready,
          );
        })
        .catch((error: unknown) =>
          on.notify({ text: t('errorReadQuotesFailed', reason(error)), error: true }),
        );
    });
  }

  /**
   * Scrolls to the quote whose highlight was clicked on the tab's page, if a click asked for
   * one. A quote saved since the list was read is fetched first.
   */
  async function revealAskedQuote(tabId: number, episodeId: string, shown: Quote[]) {
    const quoteId = await api.takeQuoteFocus(tabId);
    if (quoteId === null) return;
    if (!shown.some((quote) => quote.id === quoteId)) {
      const [episode, quotes] = await Promise.all([
        api.store.episode(episodeId),
        api.store.quotesForEpisode(episodeId),
      ]);
      update((ready) => ({ ...ready, episode: episode ?? null, quotes, unread: 0 }));
    }
    on.reveal(quoteId);
  }

  /** Side panel: follow the tab to another episode, and show quotes saved by shortcut or menu. */
  async function refresh(): Promise<void> {
    const shown = current.current;
    if (shown.status !== 'ready' || document.visibilityState !== 'visible') return;
    if (shown.tabId === null || shown.page === null) return;
    on.poll();
    const page = await api.readPage(shown.tabId).catch(() => null);
    if (!page) return;
    const id = episodeIdForUrl(shown.page.url);
    if (episodeIdForUrl(page.url) !== id) return load();
    if ((await api.store.countQuotes(id)) === shown.quotes.length + shown.unread) return;
    await reread();
  }

  async function reread(): Promise<void> {
    const shown = current.current;
    const id = shown.status === 'ready' && shownEpisodeId(shown);
    if (!id) return;
    const [episode, quotes] = await Promise.all([
      api.store.episode(id),
      api.store.quotesForEpisode(id),
    ]);
    update((ready) => ({ ...ready, episode: episode ?? null, quotes, unread: 0 }));
  }

  // A layout effect, so that reading starts now: Preact runs plain effects after a paint.
  useLayoutEffect(() => {
    void load();
    // An episode opened from the library has no tab to follow.
    if (api.targetEpisodeId() !== null) return;
    // A highlight clicked on the page while this view is open.
    const stopHearing = api.onQuoteWaiting((tabId) => {
      const shown = current.current;
      if (shown.status !== 'ready' || shown.tabId !== tabId || !shown.page) return;
      const episodeId = episodeIdForUrl(shown.page.url);
      void revealAskedQuote(tabId, episodeId, shown.quotes).catch(() => undefined);
    });
    if (mode !== 'panel') return stopHearing;
    const stopFollowing = api.followTarget?.(() => void load());
    const timer = setInterval(() => void refresh().catch(() => undefined), PANEL_POLL_MS);
    return () => {
      stopHearing();
      stopFollowing?.();
      clearInterval(timer);
    };
  }, []);

  const ready = view.status === 'ready';
  // Performance marks for the benchmark of a first render with many quotes: "render" ends when
  // the DOM is committed (a layout effect), "paint" once the next frame is drawn (markFirstFrame).
  useLayoutEffect(() => {
    if (!ready || performance.getEntriesByName('earmark:rendered').length > 0) return;
    performance.mark('earmark:rendered');
    performance.measure('earmark:render', 'earmark:data-loaded', 'earmark:rendered');
  }, [ready]);

  return { view, load, reread, update };
}

/** The episode a ready view is about: its stored record's, or its page's. */
function shownEpisodeId(view: Ready): string | null {
  return view.episode?.id ?? (view.page ? episodeIdForUrl(view.page.url) : null);
}
