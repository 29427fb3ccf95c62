import type { Quote } from './model';

/**
 * Playback order, the one the editor, the library and the Markdown overview all show: by
 * time; quotes without a time (or with one that is no finite number) after the timed ones;
 * capture order breaking ties.
 */
export function byPlaybackOrder(
  a: Pick<Quote, 'timeSec' | 'order'>,
  b: Pick<Quote, 'timeSec' | 'order'>,
): number {
  return timeOf(a) - timeOf(b) || a.order - b.order;
}

function timeOf(quote: Pick<Quote, 'timeSec'>): number {
  const time = quote.timeSec;
  return time !== null && Number.isFinite(time) ? time : Number.POSITIVE_INFINITY;
}
