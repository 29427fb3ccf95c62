/**
 * How the content script's parts find each other in a page (issue 16). The start-up script
 * (`boot.ts`) listens for the first use (a selection, the capture key, a message: first-use.ts)
 * on every page that passes its first look; the watch part (`watch.ts`: detection and the
 * badge's report) is added where the first look can't tell what the page is, or when the popup
 * asks what it is; the rest (`main.ts`: capture, confirmation, floating button, highlights) is
 * added on first use. All are self-contained files run in the same frame, so they share the
 * content script's world (never the page's: a page script can't reach this object) and meet
 * on one object in it.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Detection } from '../core/detect';
import type { PageDetectedReply, PageState } from '../messages/schemas';
import type { HeldSelection } from './selection';

/** What the page was last reported as, and what the background answered. */
export interface PageReport {
  /** url|kind|title: main reports again only when this changed. */
  key: string;
  url: string;
  title: string;
  detection: Detection;
  reply: Partial<PageDetectedReply>;
}

/** The start-up script's listeners for the first use, until the rest takes over. */
export interface FirstUsePart {
  /** Stops every listener of the start-up script, and says when words were last selected. */
  handOver(): { selectedAt: number | null };
}

export interface WatchPart {
  /** The page with nothing selected, as the popup asks on opening (detected now). */
  readPage(): PageState;
  /** Stops following the page, and says what it last reported and what the background said. */
  handOver(): { report: PageReport | null };
}

export interface MainPart {
  /** Answers a message from the extension as main's own listener would (checked there). */
  route(message: unknown, sender: Runtime.MessageSender): Promise<unknown>;
  /** Saves a selection held when the person pressed the capture key, before the rest was in. */
  capture(held: HeldSelection, timeSec: number | null): void;
}

interface Parts {
  firstUse?: FirstUsePart;
  watch?: WatchPart;
  main?: MainPart;
}

const KEY = '__earmarkParts';

/** The one meeting place of the parts in this frame's content-script world. */
export function contentParts(): Parts {
  const scope = globalThis as unknown as Record<string, Parts | undefined>;
  return (scope[KEY] ??= {});
}
