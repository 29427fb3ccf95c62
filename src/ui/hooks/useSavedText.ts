import { MAX_FIELD_CHARS } from '../../core/model';
import { reason, t } from '../i18n';
import { clearDraft, readDraft, writeDraft } from './drafts';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** How long typing pauses before a save: every keystroke is kept without a write per key. */
export const SAVE_DELAY_MS = 400;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saved' }
  /** The text breaks a rule (an empty name, a non-web URL): nothing was written. */
  | { kind: 'invalid'; message: string }
  /** The write failed: the text stays pending and is retried on the next keystroke or flush. */
  | { kind: 'failed'; message: string };

export interface SavedTextOptions {
  /** Why the text can't be saved, in words for the person; null when it can. */
  validate?: (text: string) => string | null;
  delayMs?: number;
  /**
   * Names the field for drafts (see drafts.ts): text still unsaved when the page closes is
   * kept under this key and saved when the field appears again. Unique per episode and field.
   */
  draftKey?: string;
}

export interface SavedText {
  value: string;
  status: SaveStatus;
  onInput: (event: Event) => void;
  /** Writes the pending text now (wire it to blur). */
  flush: () => void;
}

/**
 * A text that saves itself as the person types: debounced, and flushed on blur, when the page
 * hides and on unmount. Every keystroke is also kept at once as a draft (drafts.ts). Popups unload the moment they lose focus, so a Save button or a long
 * debounce would lose words.
 *
 * `initial` is adopted again when it changes while nothing is pending or in flight, so a
 * reload (another view edited the same episode) shows; typed text is never overwritten.
 */
export function useSavedText(
  initial: string,
  save: (text: string) => Promise<unknown>,
  options: SavedTextOptions = {},
): SavedText {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const pending = useRef<string | null>(null);
  /** Texts whose saves have started and not finished, oldest first. */
  const inFlight = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Listeners are registered once; they reach the latest props through these refs.
  const latest = useRef({ save, options, initial });
  latest.current = { save, options, initial };

  const flush = useMemo(
    () => () => {
      clearTimeout(timer.current);
      const text = pending.current;
      if (text === null) return;
      pending.current = null;
      const problem = tooLong(text) ?? latest.current.options.validate?.(text) ?? null;
      if (problem !== null) {
        setStatus({ kind: 'invalid', message: problem });
        return;
      }
      inFlight.current.push(text);
      const settle = () => inFlight.current.splice(inFlight.current.indexOf(text), 1);
      latest.current.save(text).then(
        () => {
          settle();
          const key = latest.current.options.draftKey;
          if (key) clearDraft(key, text);
          if (pending.current === null) setStatus({ kind: 'saved' });
        },
        (error: unknown) => {
          settle();
          pending.current ??= text;
          setStatus({
            kind: 'failed',
            message: reason(error),
          });
        },
      );
    },
    [],
  );

  useEffect(() => {
    if (pending.current === null && inFlight.current.length === 0) setValue(initial);
  }, [initial]);

  // A layout effect is in place as soon as the field is: its cleanup (the flush on unmount)
  // then exists however soon the field goes away.
  useLayoutEffect(() => {
    const key = options.draftKey;
    const draft = key ? readDraft(key) : null;
    if (key && draft) {
      if (draft.text !== initial && draft.bases.includes(initial)) {
        // Words typed just before the page closed last time: show them and save them now.
        setValue(draft.text);
        pending.current = draft.text;
        flush();
      } else {
        clearDraft(key);
      }
    }

    /** The page may be gone before any save finishes: keep the newest words in a draft first. */
    const keepAndFlush = () => {
      const { options: current, initial: stored } = latest.current;
      const text = pending.current ?? inFlight.current.at(-1) ?? null;
      if (current.draftKey && text !== null && !current.validate?.(text)) {
        writeDraft(current.draftKey, text, [stored, ...inFlight.current]);
      }
      flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') keepAndFlush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    addEventListener('pagehide', keepAndFlush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      removeEventListener('pagehide', keepAndFlush);
      flush();
    };
  }, []);

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setValue(text);
    pending.current = text;
    // Kept at once, not only when the page hides: a page that crashes (or is killed) before
    // the save gets no pagehide, and would lose up to SAVE_DELAY_MS of typing (issue 18).
    const key = latest.current.options.draftKey;
    if (key && !tooLong(text) && !latest.current.options.validate?.(text)) {
      writeDraft(key, text, [latest.current.initial, ...inFlight.current]);
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, latest.current.options.delayMs ?? SAVE_DELAY_MS);
  };

  return { value, status, onInput, flush };
}

/** A field over the limit every field has (issue 18): said, never saved cut. */
function tooLong(text: string): string | null {
  return text.length > MAX_FIELD_CHARS
    ? t('errorFieldTooLong', text.length.toLocaleString(), MAX_FIELD_CHARS.toLocaleString())
    : null;
}
