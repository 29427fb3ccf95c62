/**
 * The transcript panel's window on the browser and the network, apart from the editor's
 * (`PopupApi`): only the side panel has it, so the popup never fetches.
 */
import browser from '../../browser/extension-api';
import { feedsOfTab, playerTimeOfTab } from '../../browser/tab-words';
import { askOver, type AskBackground, type CaptureResult } from '../../messages/protocol';
import type { PlayerTimeReply } from '../../messages/schemas';
import { fetchText, type FetchedText, type FetchLimits } from '../../network/fetch-text';
import { holdsOrigins, requestOrigins } from '../../network/origin-permission';

export interface WordsApi {
  /**
   * Asks the browser for host access to these addresses' origins. Call it first thing in a
   * click handler: browsers grant the prompt only during the click.
   */
  requestOrigins(urls: readonly string[]): Promise<boolean>;
  /** Whether a fetch of these addresses needs no prompt (the browser grants their origins). */
  holdsOrigins(urls: readonly string[]): Promise<boolean>;
  fetchText(url: string, limits: FetchLimits): Promise<FetchedText>;
  /** The page's player; with `after`, once its clock has changed from that version. */
  playerTime(tabId: number, after?: number): Promise<PlayerTimeReply>;
  /** The feeds the tab's page names (link, JSON-LD, platform data, host), most trusted first. */
  pageFeeds(tabId: number): Promise<string[]>;
  captureTranscript(
    tabId: number,
    words: { text: string; timeSec: number; speaker: string | null },
  ): Promise<CaptureResult>;
  now(): string;
  /** The languages the person reads, best first, for choosing among transcripts. */
  languages(): readonly string[];
}

export function browserWordsApi(): WordsApi {
  const askBackground: AskBackground = askOver((message) => browser.runtime.sendMessage(message));
  return {
    requestOrigins: (urls) =>
      requestOrigins(browser.permissions, urls, browser.runtime.getManifest().host_permissions),
    holdsOrigins: (urls) =>
      holdsOrigins(browser.permissions, urls, browser.runtime.getManifest().host_permissions),
    fetchText: (url, limits) => fetchText(url, limits),
    playerTime: (tabId, after) => playerTimeOfTab(tabId, after),
    pageFeeds: (tabId) => feedsOfTab(tabId),
    async captureTranscript(tabId, words) {
      const reply = await askBackground({ type: 'capture/transcript', tabId, ...words });
      return reply ?? { ok: false, error: 'Earmark’s background did not answer.' };
    },
    now: () => new Date().toISOString(),
    languages: () => navigator.languages ?? [navigator.language],
  };
}
