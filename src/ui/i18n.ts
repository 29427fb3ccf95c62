import browser from 'webextension-polyfill';

/** Visible text comes from _locales so it can be translated; the key shows if one is missing. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
