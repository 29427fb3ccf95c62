/**
 * The popup's window on the browser: a small adapter, so views stay plain Preact components
 * that tests can render with a fake of this one interface.
 */
import browser from 'webextension-polyfill';
import type { CaptureResult } from '../background/capture';
import { readTab, seekTab } from '../messages/page-client';
import type { PageState } from '../messages/schemas';
import { createStore, type Store } from '../store/store';

export interface PopupApi {
  store: Store;
  /** The tab the popup is about: `?tab=ID` when opened as a page, else the active tab. */
  targetTabId(): Promise<number | null>;
  readPage(tabId: number): Promise<PageState>;
  capture(tabId: number): Promise<CaptureResult>;
  seek(tabId: number, timeSec: number): Promise<void>;
  download(fileName: string, text: string): void;
  copy(text: string): Promise<boolean>;
}

export function browserApi(): PopupApi {
  return {
    store: createStore(),
    async targetTabId() {
      const param = new URLSearchParams(location.search).get('tab');
      if (param !== null && /^\d+$/.test(param)) return Number(param);
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    readPage: (tabId) => readTab(tabId),
    // Captures go through the background, the one capture path the shortcut and menu use too.
    capture: (tabId) => browser.runtime.sendMessage({ type: 'capture/save', tabId }),
    seek: (tabId, timeSec) => seekTab(tabId, timeSec),
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
  };
}
