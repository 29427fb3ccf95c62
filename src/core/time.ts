/** Playback times: seconds in the data, `h:mm:ss` (or `m:ss`) for people. */

/** `75` → `1:15`, `3725.9` → `1:02:05`. Fractions are dropped, never rounded up past the moment. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Always `h:mm:ss`, as Overcast's share links and the export's time links use it. */
export function formatClockLong(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const rest = formatClock(total % 3600).padStart(5, '0');
  return `${h}:${rest}`;
}

/** An hour, in seconds: an episode this long or longer shows every time with its hours. */
const HOUR_SEC = 3600;

/**
 * Whether an episode's times carry hours. One rule for the popup, the library, the page's
 * confirmation and the export (issue 19), so a moment reads the same everywhere: `h:mm:ss`
 * when the episode is an hour or longer, `m:ss` otherwise. With no known duration, a time
 * past the hour says the episode is that long.
 */
export function clockHasHours(
  durationSec: number | null,
  timesSec: Iterable<number | null> = [],
): boolean {
  if (durationSec !== null && Number.isFinite(durationSec)) return durationSec >= HOUR_SEC;
  for (const time of timesSec) if (time !== null && time >= HOUR_SEC) return true;
  return false;
}

/** A time in the episode's one format (see `clockHasHours`): `5:12`, or `0:05:12`. */
export function formatEpisodeClock(seconds: number, hours: boolean): string {
  return hours ? formatClockLong(seconds) : formatClock(seconds);
}

/**
 * Reads `1:02:05`, `62:05`, `5`, `1h2m5s`, `PT1H2M5S` (ISO 8601 duration) into seconds.
 * Returns null for anything else, so a bad value is never mistaken for 0:00.
 */
export function parseClock(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  const clock = /^(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.\d+)?$/.exec(value);
  if (clock) {
    const parts = [clock[1], clock[2], clock[3]].filter((p): p is string => p !== undefined);
    if (parts.slice(1).some((p) => Number(p) >= 60)) return null;
    return parts.reduce((sum, p) => sum * 60 + Number(p), 0);
  }
  const units = /^P?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(
    value,
  );
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    const [h, m, s] = [units[1], units[2], units[3]].map((p) => (p ? Number(p) : 0));
    return Math.floor(h! * 3600 + m! * 60 + s!);
  }
  return null;
}
