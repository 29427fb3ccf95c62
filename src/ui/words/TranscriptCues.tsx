import { Component, type ComponentChildren } from 'preact';
import type { Cue } from '../../core/transcripts/types';
import { formatClock } from '../../core/time';
import { WindowedList, type Reveal } from '../components/WindowedList';
import { t } from '../i18n';

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
  current: number;
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
      next.current !== now.current ||
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
            current={i === props.current}
            marks={props.marks.get(i)}
            onSeek={props.onSeek}
          />
        )}
      />
    );
  }
}

/** A cue's height before it is measured: two lines of the side panel's text. */
const CUE_ESTIMATE_PX = 48;
