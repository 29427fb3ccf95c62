/**
 * "Look for transcripts automatically" (issue 13): the rule, then the transcript panel
 * following it with the network faked at the WordsApi boundary and the store real.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EpisodeWords } from '../../../src/core/feeds/episode-words';
import type { FetchedText } from '../../../src/network/fetch-text';
import { SETTINGS_KEY, readSettings } from '../../../src/ui/library/settings';
import { announceSettingsChanged } from '../../../src/ui/settings-changed';
import type { WordsApi } from '../../../src/ui/words/api';
import {
  SETTINGS_KEY as PANEL_SETTINGS_KEY,
  feedToLookInAutomatically,
  lookSettingFrom,
  type AutoLookFacts,
} from '../../../src/ui/words/look-automatically';
import { TranscriptPanel } from '../../../src/ui/words/TranscriptPanel';
import { fakeApi, pageState, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const FEED = 'https://feeds.example.com/margin-notes.xml';

describe('when the panel looks in the feed on its own', () => {
  const facts = (change: Partial<AutoLookFacts> = {}): AutoLookFacts => ({
    enabled: true,
    asking: true,
    pageFeeds: [FEED, 'https://other.example.org/feed.xml'],
    settled: false,
    ...change,
  });

  it('looks in the most trusted feed the page names, with the setting on', () => {
    expect(feedToLookInAutomatically(facts())).toBe(FEED);
  });

  it('never looks with the setting off (its default) or not read yet', () => {
    expect(feedToLookInAutomatically(facts({ enabled: false }))).toBeNull();
  });

  it('never looks on a page that names no feed', () => {
    expect(feedToLookInAutomatically(facts({ pageFeeds: [] }))).toBeNull();
  });

  it('never looks while words are kept, found, being fetched or not read yet', () => {
    expect(feedToLookInAutomatically(facts({ asking: false }))).toBeNull();
  });

  it('looks once per episode: not again after a look (failed or not) or after kept words', () => {
    expect(feedToLookInAutomatically(facts({ settled: true }))).toBeNull();
  });
});

describe('the setting, as the panel reads it', () => {
  it('is the library’s field of the library’s record, read the same way', () => {
    expect(PANEL_SETTINGS_KEY).toBe(SETTINGS_KEY);
    for (const stored of [
      undefined,
      null,
      'on',
      [],
      {},
      { findTranscriptsAutomatically: true },
      { findTranscriptsAutomatically: false },
      { findTranscriptsAutomatically: 'yes' },
      { findTranscriptsAutomatically: 1 },
      { floatingButton: false, findTranscriptsAutomatically: true },
    ]) {
      expect(lookSettingFrom(stored)).toBe(readSettings(stored).findTranscriptsAutomatically);
    }
  });
});

const FEED_TEXT = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Margin Notes Podcast</title>
<item><title>Episode 12: Listening with a pen in hand</title><guid>mn-12</guid>
<pubDate>Wed, 14 Oct 2026 08:00:00 GMT</pubDate></item>
<item><title>Episode 11: Before</title><guid>mn-11</guid></item>
</channel></rss>`;

const TRANSCRIPT = 'https://files.example.net/mn-12.vtt';
/** The same feed, naming a transcript for episode 12 on another site. */
const FEED_WITH_WORDS = FEED_TEXT.replace(
  '<rss version="2.0">',
  '<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">',
).replace(
  '<guid>mn-12</guid>',
  `<guid>mn-12</guid><podcast:transcript url="${TRANSCRIPT}" type="text/vtt"/>`,
);
const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada Park>Welcome to the margin.\n';

/**
 * The network and the browser's permissions, faked; `held` says which origins are granted
 * (all or none, or the feed's only). The transcript address answers with a WebVTT file.
 */
function fakeWords(options: { held: boolean | 'feed'; feed?: FetchedText }) {
  const fetched: string[] = [];
  const words = {
    requestOrigins: vi.fn(async () => true),
    holdsOrigins: vi.fn(async (urls: readonly string[]) =>
      options.held === 'feed' ? urls.every((url) => url === FEED) : options.held,
    ),
    fetchText: vi.fn(async (url: string): Promise<FetchedText> => {
      fetched.push(url);
      if (url === TRANSCRIPT) return { ok: true, text: VTT, contentType: 'text/vtt', url };
      return options.feed ?? { ok: true, text: FEED_TEXT, contentType: 'application/rss+xml', url };
    }),
    playerTime: vi.fn(async () => ({ timeSec: null })),
    pageFeeds: vi.fn(async () => []),
    captureTranscript: vi.fn(async () => ({ ok: false as const, error: 'not in this test' })),
    now: () => '2026-11-30T10:00:00.000Z',
    languages: () => ['en'],
  } satisfies WordsApi;
  return { words, fetched };
}

async function showPanel(options: {
  setting: boolean | null;
  held?: boolean | 'feed';
  feedUrl?: string | null;
  kept?: boolean;
  feed?: FetchedText;
  settled?: Set<string>;
}) {
  const { api } = fakeApi();
  const { episode, quotes } = await seedEpisode(api.store);
  if (options.setting !== null) {
    await api.store.setMeta(SETTINGS_KEY, { findTranscriptsAutomatically: options.setting });
  }
  if (options.kept) {
    const kept: EpisodeWords = {
      episodeId: episode.id,
      feed: {
        url: FEED,
        fetchedAt: '2026-11-01T00:00:00.000Z',
        item: { index: 0, guid: 'mn-12', title: episode.title, publishedAt: null },
        matchedBy: 'guid',
      },
      transcript: null,
      chapters: null,
      people: [{ name: 'Ada Park', role: 'host', group: 'cast', img: null, href: null }],
    };
    await api.store.saveEpisodeWords(kept);
  }
  const page = pageState();
  const feedUrl = options.feedUrl === undefined ? FEED : options.feedUrl;
  if (feedUrl) page.detection.episode = { ...page.detection.episode!, feedUrl };
  const { words, fetched } = fakeWords({ held: options.held ?? true, feed: options.feed });
  const settled = options.settled ?? new Set<string>();
  const props = {
    api,
    words,
    tabId: 7,
    page,
    episode,
    quotes,
    onSaved: () => undefined,
    onQuoteSaved: () => undefined,
    onEpisode: () => undefined,
    settled,
  };
  const view = render(<TranscriptPanel {...props} />);
  return { words, fetched, settled, view, props };
}

/** The panel has read the setting and the kept words and offers "Find transcript". */
const offersFind = () => screen.findByRole('button', { name: 'Find transcript' });

describe('the transcript panel, looking automatically', () => {
  it('with the setting on, shows the episode it found in the page’s feed without a click', async () => {
    const { fetched, words } = await showPanel({ setting: true });
    expect(
      await screen.findByText(/“Episode 12: Listening with a pen in hand” \(found by/),
    ).toBeTruthy();
    expect(fetched).toEqual([FEED]);
    expect(words.holdsOrigins).toHaveBeenCalledWith([FEED]);
    // No prompt: the look goes only where the origin is held.
    expect(words.requestOrigins).not.toHaveBeenCalled();
  });

  it('goes on to the matched episode’s transcript when its site is allowed too', async () => {
    const feed: FetchedText = {
      ok: true,
      text: FEED_WITH_WORDS,
      contentType: 'application/rss+xml',
      url: FEED,
    };
    const { fetched, words } = await showPanel({ setting: true, feed });
    expect(await screen.findByText('Welcome to the margin.')).toBeTruthy();
    expect(fetched).toEqual([FEED, TRANSCRIPT]);
    expect(words.holdsOrigins).toHaveBeenCalledWith([TRANSCRIPT]);
    expect(words.requestOrigins).not.toHaveBeenCalled();
  });

  it('stops at the match when the transcript’s site would prompt: that waits for the click', async () => {
    const feed: FetchedText = {
      ok: true,
      text: FEED_WITH_WORDS,
      contentType: 'application/rss+xml',
      url: FEED,
    };
    const { fetched, words } = await showPanel({ setting: true, held: 'feed', feed });
    await screen.findByRole('button', { name: 'Get transcript and chapters' });
    await waitFor(() => expect(words.holdsOrigins).toHaveBeenCalledWith([TRANSCRIPT]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([FEED]);
    expect(words.requestOrigins).not.toHaveBeenCalled();
  });

  it('with the setting off or never saved, fetches nothing and offers the button', async () => {
    for (const setting of [false, null]) {
      const { fetched, words } = await showPanel({ setting });
      await offersFind();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fetched).toEqual([]);
      expect(words.holdsOrigins).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('follows the setting switched on in the library while it is open', async () => {
    const { fetched, props } = await showPanel({ setting: false });
    await offersFind();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([]);
    // What the library's settings view does: store the record, then say it changed.
    await props.api.store.setMeta(SETTINGS_KEY, { findTranscriptsAutomatically: true });
    announceSettingsChanged();
    expect(
      await screen.findByText(/“Episode 12: Listening with a pen in hand” \(found by/),
    ).toBeTruthy();
    expect(fetched).toEqual([FEED]);
  });

  it('where the browser would prompt for the feed’s site, leaves it to the click', async () => {
    const { fetched, words } = await showPanel({ setting: true, held: false });
    await offersFind();
    await waitFor(() => expect(words.holdsOrigins).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([]);
    expect(words.requestOrigins).not.toHaveBeenCalled();
    // The click still asks, as before.
    fireEvent.click(await offersFind());
    expect(words.requestOrigins).toHaveBeenCalledWith([FEED]);
    await waitFor(() => expect(fetched).toEqual([FEED]));
  });

  it('on a page that names no feed, fetches nothing', async () => {
    const { fetched, words } = await showPanel({ setting: true, feedUrl: null });
    expect(await screen.findByText(/This page names no feed/)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([]);
    expect(words.holdsOrigins).not.toHaveBeenCalled();
  });

  it('shows kept words without fetching, and does not look after “Fetch again” either', async () => {
    const { fetched, words } = await showPanel({ setting: true, kept: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Fetch again' }));
    await offersFind();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([]);
    expect(words.holdsOrigins).not.toHaveBeenCalled();
  });

  it('after a failure, says so and does not look again for that episode in this side panel', async () => {
    const failing: FetchedText = { ok: false, error: 'The feed’s site did not answer' };
    const first = await showPanel({ setting: true, feed: failing });
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
    await offersFind();
    expect(first.fetched).toEqual([FEED]);
    // The panel drawn again for the same episode (the tab went elsewhere and back).
    first.view.unmount();
    render(<TranscriptPanel {...first.props} />);
    await offersFind();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(first.fetched).toEqual([FEED]);
  });
});
