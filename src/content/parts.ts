/**
 * How the content script's two parts find each other in a page (issue 16). The watch part
 * (`watch.ts`: detection, the badge's report, listeners for a selection and the capture key)
 * runs on every episode page; the rest (`main.ts`: capture, confirmation, floating button,
 * highlights) is added on first use. Both are self-contained files injected into the same
 * frame, so they share the content script's world (never the page's: a page script can't
 * reach this object) and meet on one object in it.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Detection } from '../core/detect';
import type { PageDetectedReply } from '../messages/schemas';
import type { HeldSelection } from './page-state';

/** What the page was last reported as, and what the background answered. */
export interface PageReport {
  /** url|kind|title: main reports again only when this changed. */
  key: string;
  url: string;
  title: string;
  detection: Detection;
  reply: Partial<PageDetectedReply>;
}

/** What the watch part hands to the rest when it takes over the page. */
export interface Handover {
  report: PageReport | null;
  /** When (performance.now()) the selection last changed to some words, or null. */
  selectedAt: number | null;
}

export interface WatchPart {
  /** Stops every listener and timer of the watch part, and says what it knew. */
  handOver(): Handover;
}

export interface MainPart {
  /** Answers a message from the extension as main's own listener would (checked there). */
  route(message: unknown, sender: Runtime.MessageSender): Promise<unknown>;
  /** Saves a selection the watch part held when the person pressed the capture key. */
  capture(held: HeldSelection, timeSec: number | null): void;
}

interface Parts {
  watch?: WatchPart;
  main?: MainPart;
}

const KEY = '__earmarkParts';

/** The one meeting place of both parts in this frame's content-script world. */
export function contentParts(): Parts {
  const scope = globalThis as unknown as Record<string, Parts | undefined>;
  return (scope[KEY] ??= {});
}
