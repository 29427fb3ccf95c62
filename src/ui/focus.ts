/** How long a part may take to be drawn before the focus is no longer wanted there. */
const GIVE_UP_MS = 10_000;

/**
 * Focuses the element with `id` once it is drawn: a part that loads later, or a row a list
 * scrolls to first. Waits `after` frames before looking, then looks each frame until it is
 * there: for up to 10 s, and only while the person hasn't put the focus somewhere else (a
 * slow machine draws late, and a field focused then must not take their typing away).
 * `preventScroll`: the view stays where it is (the side panel, whose transcript is above).
 */
export function focusWhenShown(
  id: string,
  after = 0,
  preventScroll = false,
  until = performance.now() + GIVE_UP_MS,
  from = document.activeElement,
): void {
  const element = after > 0 ? null : document.getElementById(id);
  const focused = document.activeElement;
  if (element) element.focus({ preventScroll });
  else if (performance.now() < until && (focused === from || focused === document.body)) {
    requestAnimationFrame(() => focusWhenShown(id, after - 1, preventScroll, until, from));
  }
}
