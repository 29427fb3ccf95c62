/**
 * A small, bounded XML tree from text, built on saxes (a strict, streaming XML parser that
 * runs anywhere, including the background's service worker, which has no DOMParser: see
 * docs/decisions/0011-feeds-parsed-with-saxes.md).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { located, type Located, type Parsed } from '../located';

export interface XmlElement {
  /** The local name (`transcript` for `podcast:transcript`). */
  name: string;
  /** The namespace URI, '' for none. */
  ns: string;
  /** Attributes by local name (namespaced attributes are rare in feeds and not told apart). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, not its children's. */
  text: string;
  /** Where the element starts, for located problems. */
  line: number;
}

export interface XmlLimits {
  /** Stop with an error when an element of this local name appears more often. */
  countName?: string;
  maxCount?: number;
  /** The deepest nesting accepted: a feed is a few levels deep, a hostile file thousands. */
  maxDepth?: number;
}

/** Feeds that forget to declare a prefix they use: read them as the namespaces mean. */
const FALLBACK_NAMESPACES = {
  podcast: 'https://podcastindex.org/namespace/1.0',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
};

/**
 * Real feeds carry HTML entities inside escaped show notes (No Agenda's `&gtgt;`); a browser's
 * XML parser rejects the whole feed for one. These are kept as written and reported as
 * warnings; any other problem (a tag left open, text after the end) refuses the file.
 */
const TOLERATED = /^undefined entity/;

export function parseXml(text: string, limits: XmlLimits = {}): Parsed<XmlElement> {
  const maxDepth = limits.maxDepth ?? 64;
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    additionalNamespaces: FALLBACK_NAMESPACES,
  });
  const stack: XmlElement[] = [];
  const warnings: Located[] = [];
  let root: XmlElement | null = null;
  let fatal: Located | null = null;
  let counted = 0;

  const stop = (problem: Located): void => {
    fatal ??= problem;
  };
  parser.on('error', (e) => {
    const match = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/.exec(e.message);
    const where = match ? { line: Number(match[1]), column: Number(match[2]) } : {};
    const message = (match ? match[3]! : e.message).replace(/\.$/, '');
    if (TOLERATED.test(message)) {
      if (warnings.length < 20) warnings.push(located(message, where));
    } else stop(located(message, where));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (fatal) return;
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') attrs[attr.local] = attr.value;
    }
    const element: XmlElement = {
      name: tag.local,
      ns: tag.uri,
      attrs,
      children: [],
      text: '',
      line: parser.line,
    };
    if (limits.countName === element.name && ++counted > (limits.maxCount ?? Infinity)) {
      stop(
        located(`more than ${limits.maxCount!.toLocaleString('en')} <${element.name}> elements`, {
          line: parser.line,
        }),
      );
      return;
    }
    if (stack.length >= maxDepth) {
      stop(located(`elements nested deeper than ${maxDepth}`, { line: parser.line }));
      return;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  const addText = (chunk: string): void => {
    const current = stack[stack.length - 1];
    // Whitespace between elements is kept only while an element has no children: it is then
    // its text; after a child it is indentation, and keeping it costs a feed's worth of strings.
    if (current && !fatal && (current.children.length === 0 || chunk.trim() !== '')) {
      current.text += chunk;
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (!fatal) stack.pop();
  });

  try {
    // saxes reports through 'error' and goes on; a fatal problem stops the tree from growing.
    parser.write(text).close();
  } catch (e) {
    stop(located(e instanceof Error ? e.message : String(e)));
  }
  if (fatal) return { ok: false, error: fatal };
  if (!root) return { ok: false, error: located('no XML element in the file', { line: 1 }) };
  return { ok: true, value: root, warnings };
}

/** The first child with this local name (and namespace, when given). */
export function child(el: XmlElement, name: string, ns?: readonly string[]): XmlElement | null {
  for (const c of el.children) if (c.name === name && (!ns || ns.includes(c.ns))) return c;
  return null;
}

export function children(el: XmlElement, name: string, ns?: readonly string[]): XmlElement[] {
  return el.children.filter((c) => c.name === name && (!ns || ns.includes(c.ns)));
}

/** Trimmed text of the first such child, '' when absent. */
export function childText(el: XmlElement, name: string, ns?: readonly string[]): string {
  return child(el, name, ns)?.text.trim() ?? '';
}
