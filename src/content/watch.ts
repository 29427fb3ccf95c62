/**
 * Detection and the report that lights the badge (issue 16), added where the start-up
 * script's first look can't tell what the page is, or when the popup asks what it is. It
 * follows a single-page app and reports again as it moves. The start-up script's listeners
 * (first-use.ts) add the rest of the content script (`main.ts`) on first use; the rest is
 * added at once when the page's episode already has saved quotes.
 */
import type { Detection } from '../core/detect';
import { loadPart } from './first-use';
import { followNavigation } from './navigation';
import { detectPage, readPageWithoutSelection } from './page-state';
import { contentParts, type PageReport } from './parts';
import { sendToBackground as ask } from './runtime';

const parts = contentParts();
if (!parts.watch && !parts.main) watch();

function watch(): void {
  let report: PageReport | null = null;
  let lastKey = '';

  const reportPage = (): void => {
    const url = location.href;
    const detection: Detection = detectPage(document, url);
    const key = `${url}|${detection.kind}|${detection.episode?.title ?? ''}`;
    if (key === lastKey) return;
    lastKey = key;
    void ask({ type: 'page/detected', url, detection }).then((reply) => {
      if (!reply.ok || key !== lastKey) return;
      const answer: PageReport['reply'] = 'quoteCount' in reply ? reply : {};
      report = { key, url, title: document.title, detection, reply: answer };
      // Saved quotes are drawn without waiting for a use (a frame hears no count: it looks).
      if ((answer.quoteCount ?? 1) > 0) void loadPart('all');
    });
  };

  const stopFollowing = followNavigation(reportPage);
  parts.watch = {
    readPage: () => readPageWithoutSelection(document, location.href),
    handOver() {
      stopFollowing();
      delete parts.watch;
      return { report };
    },
  };
  reportPage();
}
