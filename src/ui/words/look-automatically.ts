/**
 * "Look for transcripts automatically" (library setting, default off; issue 13): when the
 * transcript panel may do on its own what "Find transcript" does. The network rule is the
 * issue's: a fetch happens only when the person asked, and this setting is how they ask ahead.
 */

/** What the panel knows about the episode it shows when it could look on its own. */
export interface AutoLookFacts {
  /** The person switched the setting on (false until the setting has been read). */
  enabled: boolean;
  /**
   * Nothing is kept for the episode, and nothing is found, under way or shown: the panel
   * offers "Find transcript". Kept words are shown without a fetch.
   */
  asking: boolean;
  /**
   * The feeds the page itself names, most trusted first. A feed the person pasted for the show
   * is not among them: a page that names no feed is never looked in on its own.
   */
  pageFeeds: readonly string[];
  /**
   * This panel session settled the episode already: its kept words were shown, or it was looked
   * for (found, failed or not allowed). Once per episode: a failure is not retried on its own.
   */
  settled: boolean;
}

/**
 * The feed to look in now, or null to wait for the person's click. The caller still looks only
 * where the browser already grants the feed's origin (`holdsOrigins`): a prompt needs a click.
 */
export function feedToLookInAutomatically(facts: AutoLookFacts): string | null {
  if (!facts.enabled || !facts.asking || facts.settled) return null;
  return facts.pageFeeds[0] ?? null;
}

/**
 * The library's settings record (src/ui/library/settings.ts, docs/decisions/0003), read here
 * for its one field: the library's reader brings the export's templates with it, and in the
 * side panel's chunks it changed how the popup's first render is split (bench: sizes).
 */
export const SETTINGS_KEY = 'settings';

/** `findTranscriptsAutomatically` as the library's `readSettings` reads it: on only if true. */
export function lookSettingFrom(stored: unknown): boolean {
  return (
    typeof stored === 'object' &&
    stored !== null &&
    (stored as { findTranscriptsAutomatically?: unknown }).findTranscriptsAutomatically === true
  );
}
