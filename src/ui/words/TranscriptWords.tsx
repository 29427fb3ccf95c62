import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EpisodeWords } from '../../core/feeds/episode-words';
import { reason, t } from '../i18n';
import type { WordsApi } from './api';
import { clockTime, cueAt, msToNextCue, quoteInCue, type HeardClock } from './follow';
import { TranscriptCues, markHeard, type Marked } from './TranscriptCues';
import type { Reveal } from '../components/WindowedList';
import type { Episode, Quote } from '../../core/model';
import type { PopupApi } from '../api';

/** How often the panel asks the page where its player is, when the page can't tell it of changes. */
export const FOLLOW_MS = 500;
/** The least time between two questions about the player's clock. */
const ASK_MS = 100;

interface Props {
  api: PopupApi;
  wordsApi: WordsApi;
  tabId: number;
  quotes: Quote[];
  fetched: EpisodeWords;
  /** A quote was saved from the words: the background's answer holds it and its episode. */
  onSaved: (episode: Episode, quote: Quote) => void;
  onProblem: (problem: string | null) => void;
  /** Look for the words again (another feed, or a newer transcript). */
  onAgain: () => void;
}

/**
 * The episode's words once fetched: the cues following the page's player, a search, and the
 * selected words saved as a quote at their cue's start, by its speaker.
 */
export function TranscriptWords(props: Props) {
  const { api, wordsApi, tabId, quotes } = props;
  const words = props.fetched;
  const cues = words.transcript?.cues ?? [];
  // The cue being heard: kept out of state, so following the player draws nothing (markHeard).
  const heard = useRef(-1);
  const [query, setQuery] = useState('');
  const [follow, setFollow] = useState(true);
  const [saving, setSaving] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  // A cue to bring into view by drawing the list there: its row isn't drawn.
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const revealed = useRef(0);
  const following = useRef(follow);
  following.current = follow;

  /**
   * Marks the cue being heard in the rows drawn, and keeps it in view while following; only a
   * cue whose row isn't drawn draws the list again, there. Reads refs and a state setter only,
   * so the timer below can keep the first render's copy.
   */
  const showHeard = (at: number, keepInView: boolean) => {
    const list = listRef.current;
    const drawn = list !== null && markHeard(list, at, keepInView);
    // Not drawn and not followed: its row takes the mark when it is drawn.
    if (!drawn && keepInView)
      setReveal({ key: String(at), nonce: ++revealed.current, focus: false });
  };

  // Follow the page's player: each change of cue is shown as it is heard. The page answers
  // when its player plays, pauses, seeks or changes speed (content/player-clock.ts); between
  // answers a timer marks the next cue when it starts. A time read from the page's text has no
  // such clock: then the panel asks again every FOLLOW_MS, while it is shown.
  useEffect(() => {
    if (cues.length === 0) return;
    heard.current = -1;
    let live = true;
    let clock: HeardClock | null = null;
    let nextCue: ReturnType<typeof setTimeout> | undefined;
    let pause: ((value?: unknown) => void) | null = null;
    const showClock = () => {
      clearTimeout(nextCue);
      if (!live || clock === null) return;
      const time = clockTime(clock, performance.now());
      const at = time === null ? -1 : cueAt(cues, time);
      if (at !== heard.current) {
        heard.current = at;
        showHeard(at, following.current);
      }
      const wait = clock.playing ? msToNextCue(cues, time, clock.rate) : null;
      if (wait !== null) nextCue = setTimeout(showClock, wait);
    };
    const sleep = (ms: number) =>
      new Promise((resolve) => {
        pause = resolve;
        setTimeout(resolve, ms);
      });
    void (async () => {
      let after: number | undefined;
      while (live) {
        if (after === undefined && document.visibilityState !== 'visible') {
          await sleep(FOLLOW_MS);
          continue;
        }
        try {
          const asked = performance.now();
          const reply = await wordsApi.playerTime(tabId, after);
          if (!live) break;
          const { timeSec, clock: moves } = reply;
          clock = {
            timeSec,
            playing: moves?.playing ?? false,
            rate: moves?.rate ?? 1,
            at: performance.now(),
          };
          after = moves?.version;
          showClock();
          // No clock to wait on: ask again in a while. A clock: the next question waits for a
          // change; a player that changes many times a second is asked at most every ASK_MS.
          if (after === undefined) await sleep(FOLLOW_MS);
          else if (performance.now() - asked < ASK_MS)
            await sleep(ASK_MS - (performance.now() - asked));
        } catch {
          // The page is reloading or gone: ask afresh in a while.
          after = undefined;
          await sleep(FOLLOW_MS);
        }
      }
    })();
    return () => {
      live = false;
      clearTimeout(nextCue);
      pause?.();
    };
  }, [cues, tabId]);

  // Following turned on: back to the cue being heard, placed as following places it.
  const followFrom = (on: boolean) => {
    following.current = on;
    setFollow(on);
    if (on && heard.current >= 0) showHeard(heard.current, true);
  };

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

  // One function for the panel's life: a new one each render would redraw every row.
  const onProblem = props.onProblem;
  const seek = useCallback(
    (time: number) => {
      api
        .seek(tabId, time)
        .catch((error: unknown) => onProblem(t('errorSeekFailed', reason(error))));
    },
    [api, tabId, onProblem],
  );

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
        props.onSaved(result.episode, result.quote);
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
                onChange={(e) => followFrom(e.currentTarget.checked)}
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
              heard={heard}
              marks={marks}
              onSeek={seek}
              reveal={follow ? reveal : null}
            />
          </div>
        </>
      )}
    </>
  );
}
