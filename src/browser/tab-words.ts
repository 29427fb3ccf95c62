/**
 * What the transcript panel asks a tab's page (issue 13): where its player is, and which feeds
 * it names. Apart from the tab client so that the popup, which asks neither, doesn't load it.
 */
import * as v from 'valibot';
import { webHref } from '../core/web-url';
import { parseWith, type PlayerTimeReply } from '../messages/schemas';
import { askTab } from './tab-client';

const PlayerTimeReplySchema = v.object({
  timeSec: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0))),
  clock: v.optional(
    v.object({
      playing: v.boolean(),
      // Browsers play from 1/16 to 16 times the speed; a page's answer is checked all the same.
      rate: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(16)),
      version: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    }),
  ),
});

/**
 * The page's player (the transcript panel follows it): its time, null when there is none, and
 * how that time moves on. With `after`, answered once the player's clock has changed from that
 * version (content/player-clock.ts).
 */
export async function playerTimeOfTab(tabId: number, after?: number): Promise<PlayerTimeReply> {
  const message =
    after === undefined
      ? { type: 'player/time' as const }
      : { type: 'player/time' as const, after };
  const parsed = parseWith(PlayerTimeReplySchema, await askTab(tabId, message, 0));
  if (!parsed.ok) throw new Error(`The page sent something unexpected (${parsed.error}).`);
  return parsed.value;
}

const PageFeedsReplySchema = v.object({
  feeds: v.pipe(
    v.array(v.object({ url: v.pipe(v.string(), v.maxLength(4_096)), source: v.string() })),
    v.maxLength(8),
  ),
});

/** The feed addresses a tab's page names (checked: a page's answer is untrusted; http(s) only). */
export async function feedsOfTab(tabId: number): Promise<string[]> {
  const parsed = parseWith(PageFeedsReplySchema, await askTab(tabId, { type: 'page/feeds' }, 0));
  if (!parsed.ok) throw new Error(`The page sent something unexpected (${parsed.error}).`);
  return parsed.value.feeds.map((f) => webHref(f.url)).filter((u): u is string => u !== null);
}
