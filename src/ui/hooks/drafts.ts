/**
 * Unsaved text, kept synchronously in localStorage while a page closes.
 *
 * Why: a popup is destroyed the moment it loses focus. Its last save starts in `pagehide`,
 * but an IndexedDB read-modify-write needs several round trips that a closing document never
 * gets (the browser test "closed at once" lost the last words without this). localStorage
 * is written at once, so the words wait there and are saved the next time the field appears.
 * It holds only what the person typed into Earmark itself, on this machine, until it is saved.
 */

const PREFIX = 'earmark:draft:';
/** Drafts of fields never shown again (a deleted quote) are dropped after this long. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface Draft {
  text: string;
  /**
   * Stored values the draft was typed over: the draft applies only while the field still holds
   * one of them, so it never overwrites an edit made since in another view.
   */
  bases: string[];
  savedAt: number;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off; the draft is a safety net, not a requirement.
    return null;
  }
}

export function writeDraft(key: string, text: string, bases: string[]): void {
  const draft: Draft = { text, bases, savedAt: Date.now() };
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Quota exceeded: the normal save is still on its way.
  }
}

export function readDraft(key: string): Draft | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.text !== 'string' || !Array.isArray(draft.bases)) throw new Error('bad');
    if (Date.now() - (draft.savedAt ?? 0) > MAX_AGE_MS) throw new Error('old');
    return { text: draft.text, bases: draft.bases.map(String), savedAt: draft.savedAt ?? 0 };
  } catch {
    storage()?.removeItem(PREFIX + key);
    return null;
  }
}

/** Removes the draft once `text` is stored; a newer draft (other words) stays. */
export function clearDraft(key: string, text?: string): void {
  if (text !== undefined && readDraft(key)?.text !== text) return;
  storage()?.removeItem(PREFIX + key);
}
