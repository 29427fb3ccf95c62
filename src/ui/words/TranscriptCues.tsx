import { Component, type ComponentChildren } from 'preact';
import type { Cue } from '../../core/transcripts/types';
import { formatClock } from '../../core/time';
import { WindowedList, type Reveal } from '../components/WindowedList';
import { t } from '../i18n';
import { followScroll } from './follow';

export interface Marked {
  start: number;
  end: number;
}

interface RowProps {
  cue: Cue;
  index: number;
  current: boolean;
  marks: readonly Marked[] | undefined;
  onSeek: (time: number) => void;
}

/**
 * One cue: its time (a button that plays from there), its speaker, its words. Saved quotes'
 * words are marked. Text only: every string is a text node.
 */
function CueRowView({ cue, index, current, marks, onSeek }: RowProps) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const mark of marks ?? []) {
    if (mark.start < at) continue;
    parts.push(cue.text.slice(at, mark.start));
    parts.push(<mark class="saved">{cue.text.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  parts.push(cue.text.slice(at));
  return (
    <div
      class={current ? 'cue current' : 'cue'}
      data-cue={index}
      aria-current={current ? 'true' : undefined}
    >
      <button
        type="button"
        class="cue-time link"
        onClick={() => onSeek(cue.start)}
        title={t('transcriptPlayFrom')}
      >
        {formatClock(cue.start)}
      </button>{' '}
      {cue.speaker && <span class="cue-speaker">{cue.speaker}</span>}
      {cue.speaker && ' '}
      <span class="cue-text">{parts}</span>
    </div>
  );
}

/**
 * A row draws again only when its own props change, so following the player redraws two rows,
 * not 2,500. Written with Preact's own Component: importing `preact/compat` (for `memo`) would
 * change how every form field of the extension's pages handles `onChange`.
 */
class CueRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const now = this.props;
    return (
      next.cue !== now.cue ||
      next.index !== now.index ||
      next.current !== now.current ||
      next.marks !== now.marks ||
      next.onSeek !== now.onSeek
    );
  }

  override render() {
    return <CueRowView {...this.props} />;
  }
}

interface CuesProps {
  cues: readonly Cue[];
  shown: number[];
  /**
   * The cue being heard, read as each row is drawn. It changes without drawing the list again
   * (`markHeard`); rows drawn later (a scroll, a search) read it then.
   */
  heard: { readonly current: number };
  marks: ReadonlyMap<number, Marked[]>;
  onSeek: (time: number) => void;
  /** Keeps a cue in view, focus untouched: the one being heard while the panel follows. */
  reveal: Reveal | null;
}

/**
 * The cues as one list. Past a few hundred, only the rows in view (and a margin) are drawn, so
 * a three-hour episode's ~2,500 cues open, follow the player and mark a saved quote without
 * drawing them all (bench: panel). Search works on the cues, not the DOM. The list draws again
 * only when its own props change: the panel's other state (a save under way, the editor's
 * fields) would otherwise make it measure its rows again, a layout of the whole panel.
 */
export class TranscriptCues extends Component<CuesProps> {
  override shouldComponentUpdate(next: CuesProps): boolean {
    const now = this.props;
    return (
      next.cues !== now.cues ||
      next.shown !== now.shown ||
      next.heard !== now.heard ||
      next.marks !== now.marks ||
      next.onSeek !== now.onSeek ||
      next.reveal !== now.reveal
    );
  }

  override render() {
    const props = this.props;
    return (
      <WindowedList
        items={props.shown}
        keyOf={String}
        class="cues"
        label={t('transcriptHeading')}
        estimatePx={CUE_ESTIMATE_PX}
        reveal={props.reveal}
        renderItem={(i) => (
          <CueRow
            cue={props.cues[i]!}
            index={i}
            current={i === props.heard.current}
            marks={props.marks.get(i)}
            onSeek={props.onSeek}
          />
        )}
      />
    );
  }
}

/**
 * Shows the cue being heard in the rows drawn inside `list`, straight in the DOM: following
 * the player changes two rows' class, where drawing the list again would compare every row
 * drawn and measure them (bench: panel, follow the player). With `keepInView`, scrolls the
 * list when the row has left its view. False when the row isn't drawn: the caller then draws
 * the list with it (rows take their class from `heard` as they are drawn).
 */
export function markHeard(list: ParentNode, index: number, keepInView: boolean): boolean {
  for (const row of list.querySelectorAll<HTMLElement>('.cue.current')) {
    if (row.dataset.cue === String(index)) continue;
    row.classList.remove('current');
    row.removeAttribute('aria-current');
  }
  if (index < 0) return true;
  const row = list.querySelector<HTMLElement>(`.cue[data-cue="${index}"]`);
  if (!row) return false;
  row.classList.add('current');
  row.setAttribute('aria-current', 'true');
  // The scrolling box: the list itself, or the window around it when only some rows are drawn.
  const box = keepInView ? row.closest<HTMLElement>('.cue-list > *') : null;
  if (box) {
    const boxTop = box.getBoundingClientRect().top;
    const rect = row.getBoundingClientRect();
    const by = followScroll(rect.top - boxTop, rect.bottom - boxTop, box.clientHeight);
    if (by !== null) box.scrollTop += by;
  }
  return true;
}

/** A cue's height before it is measured: two lines of the side panel's text. */
const CUE_ESTIMATE_PX = 48;
