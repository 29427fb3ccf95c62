/**
 * Focuses the element with `id` once it is drawn: a part that loads later, or a row a list
 * scrolls to first. Waits `after` frames before looking, then looks each frame for ~1 s.
 * `preventScroll`: the view stays where it is (the side panel, whose transcript is above).
 */
export function focusWhenShown(id: string, after = 0, preventScroll = false, frames = 60): void {
  const element = after > 0 ? null : document.getElementById(id);
  if (element) element.focus({ preventScroll });
  else if (frames > 0) {
    requestAnimationFrame(() => focusWhenShown(id, after - 1, preventScroll, frames - 1));
  }
}
