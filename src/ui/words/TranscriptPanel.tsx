/**
 * The transcript panel (side panel / sidebar, issue 13): asks the show's feed for the words
 * only when the person clicks, shows the cues following the page's player, finds words, and
 * saves selected words as a quote at their cue's start, by its speaker.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EpisodeWords } from '../../core/feeds/episode-words';
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
import { cueAt, quoteInCue } from './follow';
import { TranscriptCues, type Marked } from './TranscriptCues';

/** How often the panel asks the page where its player is. */
export const FOLLOW_MS = 500;

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
  onSaved: () => void;
  onEpisode: (episode: Episode) => void;
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

export function TranscriptPanel(props: Props) {
  const { api, words, page, episode } = props;
  const [state, setState] = useState<State>({ step: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [named, setNamed] = useState<string[]>([]);
  // The page's own list (Apple's page data, hosts' rules) after detection's: each once.
  const candidates = [...new Set([...feedsOfPage(page), ...named])];
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

  useEffect(() => {
    let live = true;
    void api.store.episodeWords(episode.id).then(
      (stored) => live && setState(stored ? { step: 'ready', words: stored } : { step: 'ask' }),
      () => live && setState({ step: 'ask' }),
    );
    return () => {
      live = false;
    };
  }, [episode.id]);

  const deps = { fetchText: words.fetchText, now: words.now };

  const find = (feedUrl: string) => {
    // First, inside the click: the browser shows its prompt only during the person's gesture.
    const granted = words.requestOrigins([feedUrl]);
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
    })().catch((error: unknown) => {
      setProblem(reason(error));
      setState({ step: 'ask' });
    });
  };

  const fetchItem = (found: FeedFound, item: FeedItem) => {
    const urls = [
      ...item.transcripts.map((l) => l.url),
      ...(item.chapters ? [item.chapters.url] : []),
    ];
    const granted = words.requestOrigins(urls);
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
          </p>
        ))}
        {candidates.length === 0 && <p>{t('transcriptNoFeed')}</p>}
        <form
          class="paste-feed"
          onSubmit={(event) => {
            event.preventDefault();
            if (pasted.trim()) find(pasted.trim());
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
      <Words
        api={api}
        tabId={props.tabId}
        page={page}
        episode={episode}
        quotes={props.quotes}
        onSaved={props.onSaved}
        onEpisode={props.onEpisode}
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

function Words(
  props: Omit<Props, 'words'> & {
    fetched: EpisodeWords;
    wordsApi: WordsApi;
    onProblem: (p: string | null) => void;
    onAgain: () => void;
  },
) {
  const { api, wordsApi, tabId, quotes } = props;
  const words = props.fetched;
  const cues = words.transcript?.cues ?? [];
  const [current, setCurrent] = useState(-1);
  const [query, setQuery] = useState('');
  const [follow, setFollow] = useState(true);
  const [saving, setSaving] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  // Follow the page's player; scroll only when the cue changes and following is on.
  useEffect(() => {
    if (cues.length === 0) return;
    let last = -2;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      wordsApi.playerTime(tabId).then(
        (time) => {
          const at = time === null ? -1 : cueAt(cues, time);
          if (at === last) return;
          last = at;
          setCurrent(at);
        },
        () => undefined,
      );
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [cues, tabId]);

  useEffect(() => {
    if (!follow || current < 0) return;
    listRef.current?.querySelector(`[data-cue="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current, follow]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = cues.map((_, i) => i);
    return q
      ? all.filter(
          (i) =>
            cues[i]!.text.toLowerCase().includes(q) ||
            (cues[i]!.speaker ?? '').toLowerCase().includes(q),
        )
      : all;
  }, [cues, query]);

  const marks = useMemo(() => {
    const found = new Map<number, Marked[]>();
    for (const quote of quotes) {
      const place = quoteInCue(cues, quote);
      if (!place) continue;
      const list = found.get(place.cue) ?? [];
      list.push({ start: place.start, end: place.end });
      list.sort((a, b) => a.start - b.start);
      found.set(place.cue, list);
    }
    return found;
  }, [cues, quotes]);

  const seek = (time: number) => {
    api
      .seek(tabId, time)
      .catch((error: unknown) => props.onProblem(t('errorSeekFailed', reason(error))));
  };

  const saveSelection = async () => {
    const selection = document.getSelection();
    const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
    const node = selection?.anchorNode ?? null;
    const element = node instanceof Element ? node : node?.parentElement;
    const row = element?.closest('[data-cue]');
    if (!text || !row || !listRef.current?.contains(row)) {
      props.onProblem(t('transcriptSelectFirst'));
      return;
    }
    const cue = cues[Number(row.getAttribute('data-cue'))];
    if (!cue) return;
    setSaving(true);
    try {
      const result = await wordsApi.captureTranscript(tabId, {
        text,
        timeSec: cue.start,
        speaker: cue.speaker,
      });
      if (!result.ok) props.onProblem(result.error);
      else {
        props.onProblem(null);
        selection?.removeAllRanges();
        props.onSaved();
      }
    } catch (error) {
      props.onProblem(reason(error));
    } finally {
      setSaving(false);
    }
  };

  const source = words.transcript;
  return (
    <>
      <p class="muted">
        {source
          ? t(
              'transcriptSource',
              new URL(source.url).host,
              source.fetchedAt.slice(0, 10),
              String(cues.length),
            )
          : t('transcriptNone')}{' '}
        <button type="button" class="link" onClick={props.onAgain}>
          {t('transcriptAgain')}
        </button>
      </p>
      {cues.length > 0 && (
        <>
          <div class="actions">
            <input
              type="search"
              placeholder={t('transcriptSearch')}
              aria-label={t('transcriptSearch')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <label>
              <input
                type="checkbox"
                checked={follow}
                onChange={(e) => setFollow(e.currentTarget.checked)}
              />{' '}
              {t('transcriptFollow')}
            </label>
            <button
              type="button"
              class="primary"
              disabled={saving}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void saveSelection()}
            >
              {t('transcriptSaveSelection')}
            </button>
          </div>
          {query.trim() && (
            <p class="muted" role="status">
              {t('transcriptFound', String(shown.length))}
            </p>
          )}
          <div class="cue-list" ref={listRef}>
            <TranscriptCues
              cues={cues}
              shown={shown}
              current={current}
              marks={marks}
              onSeek={seek}
            />
          </div>
        </>
      )}
    </>
  );
}
