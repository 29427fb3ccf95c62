import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { afterNextPaint } from '../after-paint';

interface Props<T> {
  items: T[];
  /** Rows there are, when more than `items` (the rest is still being read); they count for size. */
  total?: number;
  keyOf: (item: T) => string;
  renderItem: (item: T, index: number) => ComponentChildren;
  label: string;
  class?: string;
  rowClass?: string;
  /** Up to this many items are all rendered; past it, only the visible ones (and a margin). */
  windowAfter?: number;
  /** A row's height before it has been measured. */
  estimatePx?: number;
  /**
   * The list's visible height before it has been laid out (the first frame). The popup's list
   * starts below its header and buttons: drawing a whole window of short rows there would
   * draw rows nobody sees yet, in the frame that decides how fast the popup opens.
   */
  firstViewportPx?: number;
  /**
   * Scrolls to this row and focuses it, once per `nonce` (a highlight clicked on the page), or
   * only keeps it in view (`focus: false`: the transcript's cue being heard).
   */
  reveal?: Reveal | null;
}

export interface Reveal {
  key: string;
  nonce: number;
  /**
   * False: scroll it into view as little as needed and leave the focus where it is (the
   * transcript's cue being heard). Default: centre it and focus it.
   */
  focus?: boolean;
}

/** Past a few hundred rows, rendering them all is what makes a popup slow to open. */
export const WINDOW_AFTER = 200;
/** Rows kept rendered above and below the visible ones, so Tab reaches the next row. */
const OVERSCAN_PX = 1200;
/** Used until the container has been laid out (and in test DOMs that never lay out). */
const FALLBACK_VIEWPORT_PX = 600;

/**
 * An ordered list that renders every row when short, and only the rows in view when long.
 * Row heights vary (notes, edited text), so each rendered row is measured and unmeasured rows
 * count as `estimatePx`; spacers above and below keep the scrollbar honest. Rows carry
 * aria-posinset/aria-setsize so assistive technology knows the whole list's length.
 */
export function WindowedList<T>(props: Props<T>) {
  const { items, keyOf, renderItem } = props;
  const windowAfter = props.windowAfter ?? WINDOW_AFTER;
  const estimate = props.estimatePx ?? 160;
  const container = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const revealed = useRef<number | null>(null);
  // The first frame draws only the rows in view, sooner; the margin follows once that frame is
  // drawn. Not a plain effect: Preact runs those after the next frame of the whole page, and
  // when a frame of the view before (the popup's "Loading…") has already asked for one, the
  // list's effects ran before its own first frame and delayed it by the margin's render.
  const [firstPainted, setFirstPainted] = useState(false);
  useLayoutEffect(() => afterNextPaint(() => setFirstPainted(true)), []);
  const overscan = firstPainted ? OVERSCAN_PX : 0;
  const [, setMeasured] = useState(0);
  const total = Math.max(props.total ?? 0, items.length);
  const windowed = total > windowAfter;

  // Offsets of each row's top edge; O(n) per render, trivial next to rendering a row.
  const offsets = new Float64Array(items.length + 1);
  if (windowed) {
    for (let i = 0; i < items.length; i++) {
      offsets[i + 1] = offsets[i]! + (heights.current.get(keyOf(items[i]!)) ?? estimate);
    }
  }
  const viewport =
    container.current?.clientHeight || (props.firstViewportPx ?? FALLBACK_VIEWPORT_PX);
  const start = windowed ? firstAtOrAfter(offsets, scrollTop - overscan) : 0;
  const end = windowed
    ? Math.min(items.length, firstAtOrAfter(offsets, scrollTop + viewport + overscan) + 1)
    : items.length;

  useLayoutEffect(() => {
    if (!windowed || !list.current) return;
    let changed = false;
    for (const row of Array.from(list.current.children) as HTMLElement[]) {
      const key = row.dataset.key;
      const height = row.offsetHeight;
      // Zero means "not laid out" (a hidden tab, a test DOM): keep the estimate.
      if (!key || height === 0) continue;
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 1) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    // Before the first paint, the heights are only kept: the render after it (with its margin)
    // uses them, and a second render now would delay the frame that opens the view.
    if (changed && firstPainted) setMeasured((n) => n + 1);
  });

  useLayoutEffect(() => {
    const wanted = props.reveal;
    if (!wanted || revealed.current === wanted.nonce || !list.current) return;
    const index = items.findIndex((item) => keyOf(item) === wanted.key);
    if (index < 0) return;
    const row = Array.from(list.current.children as HTMLCollectionOf<HTMLElement>).find(
      (element) => element.dataset.key === wanted.key,
    );
    if (!row) {
      // Out of the rendered window: scroll to where it will be, then reveal it next render.
      const top = offsets[index]!;
      if (container.current) container.current.scrollTop = top;
      setScrollTop(top);
      return;
    }
    revealed.current = wanted.nonce;
    const focus = wanted.focus !== false;
    row.scrollIntoView?.({ block: focus ? 'center' : 'nearest' });
    if (!focus) return;
    row.tabIndex = -1;
    row.focus({ preventScroll: true });
  });

  const rows = items.slice(start, end).map((item, i) => (
    <li
      key={keyOf(item)}
      data-key={keyOf(item)}
      class={props.rowClass}
      aria-posinset={start + i + 1}
      aria-setsize={total}
    >
      {renderItem(item, start + i)}
    </li>
  ));

  if (!windowed) {
    return (
      <ol ref={list} class={props.class} aria-label={props.label}>
        {rows}
      </ol>
    );
  }
  return (
    <div
      ref={container}
      class="window"
      onScroll={(event) => {
        const top = (event.currentTarget as HTMLDivElement).scrollTop;
        // Rows are drawn `overscan` beyond the view: a scroll within half of it still shows
        // drawn rows, so it draws nothing (the transcript's follow scrolls a page at a time).
        if (Math.abs(top - scrollTop) * 2 >= overscan) setScrollTop(top);
      }}
    >
      <ol
        ref={list}
        class={props.class}
        aria-label={props.label}
        style={{
          paddingTop: `${offsets[start]}px`,
          paddingBottom: `${offsets[items.length]! - offsets[end]! + (total - items.length) * estimate}px`,
        }}
      >
        {rows}
      </ol>
    </div>
  );
}

/** The index of the first row whose bottom edge is past `y` (binary search over offsets). */
function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, Math.max(0, offsets.length - 2));
}
