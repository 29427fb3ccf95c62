/**
 * Single-page apps change episodes without a reload: `onChange` runs when the URL or the title
 * changes. Returns a function that stops following.
 */
export function followNavigation(onChange: () => void): () => void {
  let url = location.href;
  let title = document.title;
  const check = () => {
    if (location.href === url && document.title === title) return;
    url = location.href;
    title = document.title;
    onChange();
  };
  addEventListener('popstate', check);
  const titleElement = document.querySelector('title');
  const observer = titleElement ? new MutationObserver(check) : null;
  if (titleElement) observer!.observe(titleElement, { childList: true });
  // pushState fires no event a content script can hear; a cheap check while visible covers it.
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') check();
  }, 1_000);
  return () => {
    removeEventListener('popstate', check);
    observer?.disconnect();
    clearInterval(timer);
  };
}
