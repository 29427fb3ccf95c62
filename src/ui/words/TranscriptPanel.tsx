/**
 * The transcript panel (side panel / sidebar, issue 13): asks the show's feed for the words
 * only when the person clicks (or, with "Look for transcripts automatically" on, looks in the
 * feed the page names when it shows an episode), shows the cues following the page's player,
 * finds words, and saves selected words as a quote at their cue's start, by its speaker.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EpisodeWords } from '../../core/feeds/episode-words';
import {
  SHOW_FEEDS_KEY,
  forgetFeed,
  readShowFeeds,
  rememberFeed,
  rememberedFeed,
  type ShowFeeds,
} from '../../core/feeds/show-feeds';
import { hostFeed } from '../../core/feeds/sources/hosts';
import type { FeedItem } from '../../core/feeds/types';
import type { Episode, Quote } from '../../core/model';
import type { Page } from '../../core/platforms/page';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import { reason, t } from '../i18n';
import type { WordsApi } from './api';
import { FeedOffers } from './FeedOffers';
import type { FeedFound } from './find-words';
import { SETTINGS_KEY, feedToLookInAutomatically, lookSettingFrom } from './look-automatically';
import { onSettingsChanged } from '../settings-changed';
import { TranscriptWords } from './TranscriptWords';

type State =
  | { step: 'loading' }
  | { step: 'ask' }
  | { step: 'working' }
  | { step: 'pick'; found: FeedFound; index: number }
  | { step: 'ready'; words: EpisodeWords };

interface Props {
  api: PopupApi;
  words: WordsApi;
  tabId: number;
  page: PageState;
  episode: Episode;
  quotes: Quote[];
  /** Quotes were changed here (chapters accepted): read them again. */
  onSaved: () => void;
  /** A quote was saved from the words: the background's answer holds it and its episode. */
  onQuoteSaved: (episode: Episode, quote: Quote) => void;
  onEpisode: (episode: Episode) => void;
  /** The episodes this side panel settled already (look-automatically.ts): it adds to it. */
  settled: Set<string>;
  /** Reads an episode's kept words (perhaps read ahead: LazyTranscriptPanel). */
  readKept?: (episodeId: string) => Promise<EpisodeWords | undefined>;
}

/** The feeds the page names (detection's link or JSON-LD), else one its host implies. */
export function feedsOfPage(page: PageState): string[] {
  const named = page.detection.episode?.feedUrl;
  if (named) return [named];
  try {
    return hostFeed({ url: new URL(page.url) } as Page).map((c) => c.url);
  } catch {
    return [];
  }
}

/** The addresses of an episode's words in its feed: its transcripts and its chapters. */
function wordsUrls(item: FeedItem): string[] {
  return [...item.transcripts.map((l) => l.url), ...(item.chapters ? [item.chapters.url] : [])];
}

export function TranscriptPanel(props: Props) {
  const { api, words, page, episode } = props;
  const [state, setState] = useState<State>({ step: 'loading' });
  /** The episode whose kept words `state` was read for: until then, the panel isn't asking. */
  const [readFor, setReadFor] = useState<string | null>(null);
  /** "Look for transcripts automatically" (null until read: then it looks nowhere). */
  const [lookOnItsOwn, setLookOnItsOwn] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [named, setNamed] = useState<string[]>([]);
  /** Feeds pasted for shows (null until read): this show's is offered after the page's. */
  const [showFeeds, setShowFeeds] = useState<ShowFeeds | null>(null);
  const remembered = showFeeds && rememberedFeed(showFeeds, episode.show);
  // The page's own list (Apple's page data, hosts' rules) after detection's, then the feed
  // pasted for this show before: each once.
  const pageNamed = [...feedsOfPage(page), ...named];
  const candidates = [...new Set([...pageNamed, ...(remembered ? [remembered] : [])])];
  /** The pasted feed is offered with a note and Forget only where the page names it not. */
  const offeredFromMemory = remembered && !pageNamed.includes(remembered) ? remembered : null;
  useEffect(() => {
    let live = true;
    api.store.getMeta<unknown>(SHOW_FEEDS_KEY).then(
      (value) => live && setShowFeeds(readShowFeeds(value)),
      () => live && setShowFeeds([]),
    );
    const readLookSetting = () =>
      api.store.getMeta<unknown>(SETTINGS_KEY).then(
        (value) => live && setLookOnItsOwn(lookSettingFrom(value)),
        // Settings that can't be read mean the default: off.
        () => live && setLookOnItsOwn(false),
      );
    void readLookSetting();
    // Switched on or off in the library while this panel is open: followed at once.
    const stop = onSettingsChanged(() => void readLookSetting());
    return () => {
      live = false;
      stop();
    };
  }, []);

  /** Keeps the show's feeds as `change` makes them; a failure to store costs only the memory. */
  const changeShowFeeds = async (change: (feeds: ShowFeeds) => ShowFeeds) => {
    const next = change(readShowFeeds(await api.store.getMeta<unknown>(SHOW_FEEDS_KEY)));
    await api.store.setMeta(SHOW_FEEDS_KEY, next);
    setShowFeeds(next);
  };
  useEffect(() => {
    let live = true;
    words.pageFeeds(props.tabId).then(
      (feeds) => live && setNamed(feeds),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.tabId, page.url]);

  // A layout effect, so that the kept words are asked for now, not after the editor's paint.
  useLayoutEffect(() => {
    let live = true;
    const shown = episode.id;
    const settle = (next: State) => {
      if (!live) return;
      // Kept words are shown without a fetch, and the episode is not looked for on its own
      // later in this side panel (after "Fetch again" either): the person has its words.
      if (next.step === 'ready') props.settled.add(shown);
      setState(next);
      setReadFor(shown);
    };
    const read = props.readKept ?? ((id: string) => api.store.episodeWords(id));
    void read(shown).then(
      (stored) => settle(stored ? { step: 'ready', words: stored } : { step: 'ask' }),
      () => settle({ step: 'ask' }),
    );
    return () => {
      live = false;
    };
  }, [episode.id]);

  const deps = { fetchText: words.fetchText, now: words.now };

  /**
   * Looks in `feedUrl`; a pasted feed that works is remembered for the episode's show. An
   * automatic look asks for no permission: it runs only where the origin is held already.
   */
  const find = (feedUrl: string, how: 'click' | 'pasted' | 'automatic' = 'click') => {
    const pasted = how === 'pasted';
    // First, inside the click: the browser shows its prompt only during the person's gesture.
    const granted = how === 'automatic' ? Promise.resolve(true) : words.requestOrigins([feedUrl]);
    setProblem(null);
    setState({ step: 'working' });
    void (async () => {
      if (!(await granted)) throw new Error(t('transcriptNoPermission', new URL(feedUrl).host));
      const { findInFeed } = await import('./find-words');
      const found = await findInFeed(
        feedUrl,
        {
          audioUrl: page.detection.episode?.audioUrl ?? null,
          pageUrls: [page.url, page.detection.episode?.canonicalUrl ?? page.url],
          title: episode.title,
          publishedAt: episode.publishedAt,
        },
        deps,
      );
      if (!found.ok) throw new Error(found.error);
      setState({ step: 'pick', found, index: found.match?.item.index ?? -1 });
      // On its own, it goes on to the matched episode's words where no prompt is needed either.
      const matched = found.match?.item;
      const matchedUrls = matched ? wordsUrls(matched) : [];
      if (how === 'automatic' && matched && matchedUrls.length > 0) {
        if (!(await words.holdsOrigins(matchedUrls))) return;
        const { episodeId, mounted } = now.current;
        if (mounted && episodeId === episode.id) fetchItem(found, matched, 'automatic');
      }
      if (pasted) {
        await changeShowFeeds((feeds) => rememberFeed(feeds, episode.show, feedUrl)).catch(
          (error: unknown) => setProblem(t('transcriptNotRemembered', reason(error))),
        );
      }
    })().catch((error: unknown) => {
      setProblem(reason(error));
      setState({ step: 'ask' });
    });
  };

  // "Look for transcripts automatically": what "Find transcript" does, once per episode in this
  // side panel, in the feed the page names, where the browser needs no prompt for it.
  const lookIn = feedToLookInAutomatically({
    enabled: lookOnItsOwn === true,
    asking: state.step === 'ask' && readFor === episode.id,
    pageFeeds: pageNamed,
    settled: props.settled.has(episode.id),
  });
  /** What the panel shows now, for an answer that arrives after it may have moved on. */
  const now = useRef({ episodeId: episode.id, step: state.step, mounted: true });
  now.current = { episodeId: episode.id, step: state.step, mounted: true };
  useEffect(
    () => () => {
      now.current.mounted = false;
    },
    [],
  );
  useEffect(() => {
    if (!lookIn) return;
    const shown = episode.id;
    // Settled before the answer: the page's list may grow meanwhile; it is still one look.
    props.settled.add(shown);
    words.holdsOrigins([lookIn]).then(
      (held) => {
        const { episodeId, step, mounted } = now.current;
        // Not held: a prompt needs a click, so the button stays as it is.
        if (held && mounted && episodeId === shown && step === 'ask') find(lookIn, 'automatic');
      },
      // A permission check that fails leaves the button to the person.
      () => undefined,
    );
  }, [lookIn]);

  const fetchItem = (found: FeedFound, item: FeedItem, how: 'click' | 'automatic' = 'click') => {
    const urls = wordsUrls(item);
    const granted = how === 'automatic' ? Promise.resolve(true) : words.requestOrigins(urls);
    setProblem(null);
    setState({ step: 'working' });
    void (async () => {
      if (!(await granted))
        throw new Error(t('transcriptNoPermission', urls.map((u) => new URL(u).host).join(', ')));
      const { fetchItemWords } = await import('./find-words');
      const matchedBy = found.match?.item.index === item.index ? found.match.by : 'picked';
      const result = await fetchItemWords(
        episode.id,
        found,
        item,
        matchedBy,
        words.languages(),
        deps,
      );
      if (!result.words.transcript && !result.words.chapters && result.words.people.length === 0) {
        throw new Error(result.problems.join(' · ') || t('transcriptNothingInFeed'));
      }
      await api.store.saveEpisodeWords(result.words);
      if (result.problems.length > 0) setProblem(result.problems.join(' · '));
      setState({ step: 'ready', words: result.words });
    })().catch((error: unknown) => {
      setProblem(reason(error));
      setState({ step: 'pick', found, index: item.index });
    });
  };

  let body;
  if (state.step === 'loading') body = <p class="muted">{t('popupLoading')}</p>;
  else if (state.step === 'working')
    body = (
      <p class="muted" role="status">
        {t('transcriptWorking')}
      </p>
    );
  else if (state.step === 'ask') {
    body = (
      <>
        <p class="muted">{t('transcriptWhere')}</p>
        {candidates.map((url) => (
          <p key={url}>
            <button type="button" class="primary" onClick={() => find(url)}>
              {t('transcriptFind')}
            </button>{' '}
            <span class="muted feed-url">{url}</span>
            {url === offeredFromMemory && (
              <>
                {' '}
                <span class="muted">{t('transcriptRemembered', episode.show)}</span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void changeShowFeeds((feeds) => forgetFeed(feeds, episode.show)).catch(
                      (error: unknown) => setProblem(reason(error)),
                    )
                  }
                >
                  {t('transcriptForgetFeed')}
                </button>
              </>
            )}
          </p>
        ))}
        {candidates.length === 0 && <p>{t('transcriptNoFeed')}</p>}
        <form
          class="paste-feed"
          onSubmit={(event) => {
            event.preventDefault();
            if (pasted.trim()) find(pasted.trim(), 'pasted');
          }}
        >
          <label>
            {t('transcriptPasteFeed')}{' '}
            <input type="url" value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          </label>{' '}
          <button type="submit">{t('transcriptUseFeed')}</button>
        </form>
      </>
    );
  } else if (state.step === 'pick') {
    const { found, index } = state;
    const item = found.feed.items.find((i) => i.index === index);
    body = (
      <>
        <p>
          {found.match
            ? t(
                'transcriptMatched',
                found.match.item.title,
                t(`transcriptMatchedBy_${found.match.by.replace('-', '_')}`),
              )
            : t('transcriptNoMatch')}
        </p>
        <label>
          {t('transcriptItem')}{' '}
          <select
            value={String(index)}
            onChange={(e) =>
              setState({ step: 'pick', found, index: Number(e.currentTarget.value) })
            }
          >
            <option value="-1">—</option>
            {found.feed.items.slice(0, 500).map((i) => (
              <option key={i.index} value={String(i.index)}>
                {i.title || i.guid}
              </option>
            ))}
          </select>
        </label>
        {item && (
          <p>
            <button type="button" class="primary" onClick={() => fetchItem(found, item)}>
              {t('transcriptFetchItem')}
            </button>{' '}
            <span class="muted">
              {t(
                'transcriptItemOffers',
                String(item.transcripts.length),
                item.chapters ? '1' : '0',
                String(item.people.length),
              )}
            </span>
          </p>
        )}
      </>
    );
  } else {
    body = (
      <TranscriptWords
        api={api}
        tabId={props.tabId}
        quotes={props.quotes}
        onSaved={props.onQuoteSaved}
        fetched={state.words}
        wordsApi={words}
        onProblem={setProblem}
        onAgain={() => setState({ step: 'ask' })}
      />
    );
  }

  return (
    <section class="part transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">{t('transcriptHeading')}</h2>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {body}
      {state.step === 'ready' && (
        <FeedOffers
          api={api}
          episode={episode}
          quotes={props.quotes}
          words={state.words}
          onEpisode={props.onEpisode}
          onSaved={props.onSaved}
          onProblem={setProblem}
        />
      )}
    </section>
  );
}
