/**
 * How long a part may take to be drawn and still take the focus: long enough for a slow
 * machine's draw, short enough that a late field won't take typing the person began elsewhere.
 */
const GIVE_UP_MS = 5_000;

/**
 * Focuses the element with `id` once it is drawn: a part that loads later, or a row a list
 * scrolls to first. Waits `after` frames before looking, then looks each frame for up to 5 s
 * (a frame count would give up sooner on a slow machine, where drawing takes longer).
 * `preventScroll`: the view stays where it is (the side panel, whose transcript is above).
 */
export function focusWhenShown(
  id: string,
  after = 0,
  preventScroll = false,
  until = performance.now() + GIVE_UP_MS,
): void {
  const element = after > 0 ? null : document.getElementById(id);
  if (element) element.focus({ preventScroll });
  else if (performance.now() < until) {
    requestAnimationFrame(() => focusWhenShown(id, after - 1, preventScroll, until));
  }
}
