import browser from '../browser/extension-api';

/** Visible text comes from _locales so it can be translated; the key shows if one is missing. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * An error as a clause for messages like "Couldn't save: $REASON$. …": errors are written as
 * sentences, and their closing full stop would double the message's own.
 */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/\.+$/, '');
}
