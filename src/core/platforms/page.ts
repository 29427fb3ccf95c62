import type { Platform } from '../model';
import { collectJsonLd, type Json } from './json-ld-nodes';
import { clean } from './text';

export { isJson, type Json } from './json-ld-nodes';

// Caps that keep detection cheap and bounded on any page, hostile or huge.
const MAX_PER_TAG = 1_000;
const MAX_URL = 2_048;

/** The elements the generic layers read, each list gathered at most once per detection. */
export type IndexedTag = 'meta' | 'link' | 'script' | 'audio' | 'video' | 'iframe';

/**
 * A read-only view of the document for the detection layers, with the lookups they share
 * computed once: meta tags by key, parsed JSON-LD, the page language, elements by tag.
 */
export interface Page {
  readonly doc: Document;
  readonly url: URL;
  /** Lower-case host without `www.`. */
  readonly host: string;
  /** The platform whose adapter claimed the page, or null for any other site. */
  readonly platform: Platform | null;
  /** The page's language for reading dates (`es`, `en-US`…). */
  readonly lang: string;
  /** Content of the first `<meta>` with this property, name or itemprop; '' when absent. */
  meta(key: string): string;
  /** Elements of one tag, in document order, at most MAX_PER_TAG. */
  tags(name: IndexedTag): Element[];
  /** Cleaned text of the first element matching the selector; '' when none. */
  text(selector: string): string;
  /** An attribute of the first element matching the selector; '' when none. */
  attr(selector: string, name: string): string;
  /** The value as an absolute http(s) URL against the page; '' for anything else. */
  href(value: string | null | undefined): string;
  /** JSON-LD objects, top-level and inside `@graph`, bounded in size, count and depth. */
  jsonLd(): Json[];
}

export interface PageOptions {
  platform?: Platform | null;
  /** Ignore meta tags and JSON-LD: they describe a page the app has since left. */
  ignoreMetadata?: boolean;
}

/**
 * Lists of elements by tag, shared by every view of one document. `getElementsByTagName`
 * is one native walk per tag; a selector list over the whole document costs several times
 * more on a long transcript page (measured in Chromium: ~20 ms for 80k elements).
 */
export type PageIndex = Map<IndexedTag, Element[]>;

export function readPage(
  doc: Document,
  url: URL,
  options: PageOptions = {},
  index: PageIndex = new Map(),
): Page {
  let metas: Map<string, string> | undefined;
  let ld: Json[] | undefined;
  const ignore = options.ignoreMetadata === true;
  const tags = (name: IndexedTag): Element[] => {
    let list = index.get(name);
    if (!list) {
      const all = doc.getElementsByTagName(name);
      list = [];
      // Indexing, not `length`: a live collection then stops walking at the cap.
      for (let i = 0, el = all[0]; el && i < MAX_PER_TAG; el = all[++i]) list.push(el);
      index.set(name, list);
    }
    return list;
  };
  const page: Page = {
    doc,
    url,
    host: url.hostname.toLowerCase().replace(/^www\./, ''),
    platform: options.platform ?? null,
    get lang() {
      const lang = doc.documentElement?.getAttribute('lang') || page.meta('og:locale') || 'en';
      return lang.replace('_', '-').slice(0, 20);
    },
    meta(key) {
      metas ??= ignore ? new Map() : collectMeta(tags('meta'));
      return metas.get(key) ?? '';
    },
    tags,
    text(selector) {
      return clean(doc.querySelector(selector)?.textContent ?? '');
    },
    attr(selector, name) {
      return doc.querySelector(selector)?.getAttribute(name)?.trim() ?? '';
    },
    href(value) {
      if (!value || value.length > MAX_URL) return '';
      // `URL.parse`, not a caught `new URL`: detection runs at load on every episode page, and
      // there the first exception a content script throws cost 6–12 ms in Chromium (measured
      // on the Spotify page), more than the rest of detection's first run.
      const resolved = URL.parse(value.trim(), url);
      return resolved && /^https?:$/.test(resolved.protocol) ? resolved.href : '';
    },
    jsonLd() {
      ld ??= ignore
        ? []
        : collectJsonLd(
            tags('script')
              .filter((s) => s.getAttribute('type') === 'application/ld+json')
              .map((s) => s.textContent ?? ''),
          );
      return ld;
    },
  };
  return page;
}

function collectMeta(elements: Element[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const el of elements) {
    const key = (
      el.getAttribute('property') ||
      el.getAttribute('name') ||
      el.getAttribute('itemprop') ||
      ''
    ).toLowerCase();
    // The first occurrence wins: Acast's first og:title is the bare episode title.
    if (key && !found.has(key)) found.set(key, el.getAttribute('content') ?? '');
  }
  return found;
}
