import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** Every row's height; rows clip what doesn't fit (see library.css). */
  rowHeight: number;
  keyOf: (item: T) => string;
  renderItem: (item: T, index: number) => ComponentChildren;
  label: string;
  class?: string;
  rowClass?: string;
}

/** Rows kept rendered above and below the visible ones, so Tab reaches the next row. */
const OVERSCAN_ROWS = 6;
/** Used until the box has been laid out (and in test DOMs that never lay out). */
const FALLBACK_VIEWPORT_PX = 600;

/**
 * A list of thousands of rows that renders only those in view. Rows have one fixed height, so
 * which rows are in view is arithmetic: nothing is measured and nothing is summed per render.
 * (The shared WindowedList measures rows of any height, which costs a layout and a pass over
 * every item on each render; with 10,000 search results that was most of a keystroke.)
 * Rows carry aria-posinset/aria-setsize so assistive technology knows the whole length.
 */
export function VirtualList<T>(props: Props<T>) {
  const { items, rowHeight, keyOf, renderItem } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight || FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new list (another search, another order) starts at its top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [items]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(
    items.length,
    Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN_ROWS,
  );
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <li
        key={keyOf(item)}
        class={props.rowClass}
        style={{ height: `${rowHeight}px` }}
        aria-posinset={i + 1}
        aria-setsize={items.length}
      >
        {renderItem(item, i)}
      </li>,
    );
  }
  return (
    <div
      ref={box}
      class="window"
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <ol
        class={props.class}
        aria-label={props.label}
        style={{
          paddingTop: `${first * rowHeight}px`,
          paddingBottom: `${(items.length - last) * rowHeight}px`,
        }}
      >
        {rows}
      </ol>
    </div>
  );
}
