/**
 * Who said the words a person selected, guessed from the transcript markup around them
 * (which participant that is: people.ts).
 *
 * Transcripts name their speakers in a handful of ways (test/fixtures/real/transcripts has a
 * real example of each): `<cite>Name:</cite>` before a paragraph (Buzzsprout), "Name:" at the
 * start of a paragraph or cue (SubRip, many sites), a speaker element or attribute per turn or
 * segment (pages rendering Podcasting 2.0 JSON transcripts), and WebVTT voices, which the
 * WebVTT rendering rules turn into `<span title="Name">` (or a page shows as "Name:", or as the
 * raw `<v Name>` tag). The nearest such label before the selection names its speaker.
 *
 * A bare "Name:" line is also how titles ("Episode 251: …"), captions ("Credit: …") and show
 * notes ("Book: <a>…</a>") read, so text in titles, captions, credits and bylines is never a
 * label, and `guessSpeakerTurn` says whether the page confirms a guess as a speaker's turn
 * (markup, or other turns around it). Issue 20; test/unit/speaker-real-pages.test.ts runs
 * the guess over every real saved page.
 *
 * Pure DOM reading: no layout, no styles, nothing written. Over 400 lines on purpose: about
 * half is the word lists and patterns of what is not a speaker (titles, captions, bylines),
 * which only make sense beside the one backward walk that uses them.
 */

/** The walk back from a selection gives up after this many nodes… */
export const MAX_NODES_WALKED = 3000;
/** …or this many characters of text: a speaker that far back is not a guess worth making. */
export const MAX_CHARS_WALKED = 30_000;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * A walk stops at the edges of the sectioning element holding the selection: show notes in
 * their own <section> after a transcript are nobody's words.
 */
const SECTIONING = new Set(['section', 'article', 'aside', 'main', 'nav', 'header', 'footer']);

/** A heading between a label and the selection starts something else (show notes, chapters). */
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements that start a new line of text, so that "Name:" at their start is a label. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * Words that end in a colon at the start of a line without being anyone's name. From real
 * pages: LaLaLand.vtt opens with "Subtitles: @…"; show notes say "Note:", "Sponsor:".
 */
const NOT_SPEAKERS = new Set([
  'a',
  'ad',
  'advertisement',
  'answer',
  'author',
  'by',
  'caption',
  'captions',
  'category',
  'chapter',
  'contact',
  'credit',
  'credits',
  'date',
  'download',
  'duration',
  'disclaimer',
  'edit',
  'editor',
  "editor's note",
  'episode',
  'guest',
  'guests',
  'host',
  'hosts',
  'illustration',
  'image',
  'intro',
  'link',
  'links',
  'music',
  'note',
  'notes',
  'outro',
  'p.s',
  'part',
  'photo',
  'photograph',
  'photos',
  'posted',
  'ps',
  'published',
  'q',
  'question',
  'read more',
  'related',
  'season',
  'share',
  'show notes',
  'source',
  'sources',
  'sponsor',
  'sponsors',
  'subtitles',
  'subscribe',
  'summary',
  'tags',
  'time',
  'timestamp',
  'timestamps',
  'transcript',
  'update',
  'updated',
  'video',
  'warning',
  'written by',
]);

/**
 * Numbered titles end in a colon too: Apple titles its episodes "Episode 251: …", show notes
 * say "Part 2:", "Ep. 12:". A name whose first word is such a word is not a person's.
 */
const NUMBERED_TITLE =
  /^(?:episode|ep|chapter|part|season|series|volume|vol|no|number|issue|track|act|#)\.?\s*\d/i;

/**
 * Elements whose text is never a speaker's turn: titles, captions, credits and bylines (a
 * news photo's "Credit: …" line, a heading's "Episode 251: …" inside a <span>).
 */
const NOT_TURNS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'title',
  'figcaption',
  'caption',
  'address',
  'time',
  'label',
  'button',
  'legend',
]);
/** Class names of captions, credits and bylines. */
const NOT_TURN_CLASS =
  /(?:^|[-_\s])(?:byline|credits?|caption|author|dateline|kicker|eyebrow)(?:$|[-_\s])/i;

/** Lowercase words allowed inside a name: "Ludwig van Beethoven", "Maria de la Cruz". */
const PARTICLES = 'al|bin|da|das|de|del|della|der|di|dos|du|el|ibn|la|le|van|von|y';
/** A name's word: capitalised (or a number: "Speaker 2", "SPEAKER_01"). */
const NAME_WORD = String.raw`[\p{Lu}\d][\p{L}\p{M}\d'’._-]*`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:${NAME_WORD}|(?:${PARTICLES})))` + '{0,4}';

/** Text a timestamp or cue number may put before a label on its line: "[00:12:31] Name:". */
const LEADING_TIME = String.raw`(?:[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?[\])]?[ \t]*)?`;

let lineLabelPattern: RegExp | undefined;
/**
 * "Name:" at the start of a line, possibly after a timestamp or a dash. Built on first use:
 * its Unicode classes cost 1–3 ms to construct, which every episode page paid at load while
 * this module was only imported (issue 16).
 */
function lineLabel(): RegExp {
  lineLabelPattern ??= new RegExp(
    String.raw`^[ \t\u00a0]*${LEADING_TIME}(?:[-–—][ \t]*)?(${NAME})[ \t]*:(?=\s|$)`,
    'u',
  );
  return lineLabelPattern;
}

/** A raw WebVTT voice tag shown as text: `<v Name>` or `<v.loud Name>`. */
const VTT_VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/g;

/** A raw Podcasting 2.0 JSON transcript shown as text: `"speaker": "Name"`. */
const JSON_SPEAKER = /"speaker"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** Text that holds no words: timestamps, cue numbers and timings ("00:01,000 --> 00:04,000"). */
const NO_WORDS = /^[\s\d:.,[\]()>–—-]*$/;

function tagOf(node: Node): string {
  return node.nodeType === ELEMENT_NODE ? (node as Element).localName : '';
}

/** A label's text as a name: trimmed, its colon dropped; null when it cannot be a name. */
function asName(text: string | null | undefined): string | null {
  if (!text) return null;
  const name = text.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '').trim();
  if (name.length < 2 || name.length > 60 || name.split(' ').length > 6) return null;
  if (!/\p{L}/u.test(name) || NOT_SPEAKERS.has(name.toLowerCase())) return null;
  if (NUMBERED_TITLE.test(name)) return null;
  return name;
}

/** Whether a class token names a speaker label: "speaker", "speaker-name", "ts_voice"… */
function isSpeakerClass(token: string): boolean {
  return /^(?:.*[-_])?(?:speaker|voice)(?:[-_].*)?$/i.test(token);
}

/**
 * Whether a node sits in a title, caption, credit or byline (below `root`): text there is
 * never a turn, however it reads. Found on real pages: the 2025 Apple page's
 * `<h1><span>Episode 251: …</span></h1>`, a news photo's "Credit: …" line.
 */
function inNonTurn(node: Node, root: Node): boolean {
  for (let current = node.parentNode; current && current !== root; current = current.parentNode) {
    if (current.nodeType !== ELEMENT_NODE) continue;
    const element = current as Element;
    if (NOT_TURNS.has(element.localName)) return true;
    const className = element.getAttribute('class');
    if (className && NOT_TURN_CLASS.test(className)) return true;
  }
  return false;
}

/** A WebVTT voice as the rendering rules make it: a bare `<span title="Name">`. */
function voiceSpanName(element: Element): string | null {
  if (element.localName !== 'span' || !element.hasAttribute('title')) return null;
  const others = element.getAttributeNames().filter((a) => !['title', 'class', 'lang'].includes(a));
  if (others.length > 0) return null;
  const title = element.getAttribute('title')!.trim();
  // A voice span holds the words spoken; one that repeats its title is a badge ("Verified").
  if (element.textContent?.trim() === title) return null;
  return new RegExp(`^${NAME}$`, 'u').test(title) ? asName(title) : null;
}

/** The name an element carries in its attributes (a whole turn or segment marked up). */
function attributeName(element: Element): string | null {
  for (const attribute of ['data-speaker', 'data-speaker-name', 'data-voice']) {
    const name = asName(element.getAttribute(attribute));
    if (name) return name;
  }
  return null;
}

/** The name an element before the selection shows as a label, if it is one. */
function labelElementName(element: Element, root: Node): string | null {
  const attribute = attributeName(element);
  if (attribute) return attribute;
  const tag = element.localName;
  if (tag === 'cite' || [...element.classList].some(isSpeakerClass)) {
    // A <cite> in a caption credits a photo; a speaker-classed element is a label wherever.
    if (tag === 'cite' && inNonTurn(element, root)) return null;
    return asName(element.textContent);
  }
  return null;
}

/** The nearest block-level ancestor: where a line of text starts. */
function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root && !BLOCKS.has(tagOf(current))) current = current.parentNode;
  return current ?? root;
}

/**
 * Whether a text node starts a line: nothing but whitespace, timestamps or cue numbers comes
 * before it in its block, or a <br> does.
 */
function startsLine(text: Text, root: Node): boolean {
  const block = blockOf(text, root);
  const walker = text.ownerDocument.createTreeWalker(block, SHOW_ELEMENT_AND_TEXT);
  walker.currentNode = text;
  for (let node = walker.previousNode(); node && node !== block; node = walker.previousNode()) {
    if (tagOf(node) === 'br') return true;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (/\n[ \t]*$/.test(data) && /\S/.test(data)) return true;
      if (!NO_WORDS.test(data)) return false;
    }
  }
  return true;
}

interface Found {
  name: string;
  at: number;
  /**
   * Transcript markup names the speaker (`<cite>`, a speaker class or attribute, a WebVTT
   * voice, a JSON `speaker` field); false for a bare "Name:" at the start of a line, which
   * prose, show notes and captions write too.
   */
  marked: boolean;
  /** Where a "Name:" label's colon ends, in its text node. */
  end?: number;
}

/**
 * "Book: <a>Title</a>", "Article: <a>…</a>": a label whose line is only a link is a show
 * notes' reference list (the real Transistor page has one), not a turn.
 */
function labelsALink(text: Text, found: Found): boolean {
  if (found.end === undefined) return false;
  const rest = text.data.slice(found.end);
  return /^[ \t\u00a0]*$/.test(rest) && tagOf(text.nextSibling ?? text) === 'a';
}

/** The last match of a global pattern that starts before `upto`, as a name. */
function lastMatch(pattern: RegExp, data: string, upto: number): Found | null {
  let found: Found | null = null;
  for (const match of data.matchAll(pattern)) {
    if (match.index >= upto) break;
    const name = asName(match[1]);
    if (name) found = { name, at: match.index, marked: true };
  }
  return found;
}

/** The last line of data[0, upto) that starts with "Name:" (the first line only if `firstLineStarts`). */
function lastLineLabel(data: string, upto: number, firstLineStarts: boolean): Found | null {
  for (let end = upto; end >= 0;) {
    const newline = end > 0 ? data.lastIndexOf('\n', end - 1) : -1;
    const from = newline + 1;
    if (from < upto && (newline >= 0 || firstLineStarts)) {
      const lineEnd = data.indexOf('\n', from);
      const match = lineLabel().exec(data.slice(from, lineEnd < 0 ? data.length : lineEnd));
      const name = match && asName(match[1]);
      if (name) return { name, at: from, marked: false, end: from + match[0].length };
    }
    if (newline < 0) break;
    end = newline;
  }
  return null;
}

/**
 * The speaker named in text[0, upto) of a text node, nearest `upto` first: "Name:" starting a
 * line (the node's own start counts when the node starts a line), a raw `<v Name>` voice tag,
 * or a raw `"speaker": "Name"` field. Nothing in a title, caption, credit or byline.
 */
function labelInText(text: Text, upto: number, root: Node): Found | null {
  const { data } = text;
  const found = [
    lastMatch(VTT_VOICE, data, upto),
    lastMatch(JSON_SPEAKER, data, upto),
    // Checking whether the node starts a line walks the DOM: only when a label could be there.
    lineLabel().test(data) || data.includes('\n')
      ? lastLineLabel(data, upto, lineLabel().test(data) && startsLine(text, root))
      : null,
  ].filter((f): f is Found => f !== null);
  if (found.length === 0 || inNonTurn(text, root)) return null;
  const nearest = found.reduce((a, b) => (b.at > a.at ? b : a));
  return labelsALink(text, nearest) ? null : nearest;
}

/** The nearest sectioning element holding `node`, or the document's root element. */
function sectionOf(node: Node): Node {
  let current: Node | null = node;
  while (current) {
    if (SECTIONING.has(tagOf(current))) return current;
    if (tagOf(current) === 'body' || !current.parentNode) return current;
    current = current.parentNode;
  }
  return node;
}

/** A guess and the node that holds its label, for the confirmation walk. */
interface Located extends Found {
  node: Node;
  root: Node;
}

/** The nearest label before a boundary point: see `guessSpeakerAt`. */
function labelBefore(container: Node, offset: number): Located | null {
  const root = sectionOf(container);
  const doc = container.ownerDocument ?? (container as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  const located = (found: Found | null, node: Node): Located | null =>
    found && { ...found, node, root };

  /** The name a node before the point gives, if any. */
  const visit = (node: Node): Located | null => {
    if (node.nodeType === TEXT_NODE) {
      // "Chapter 2: The plan" in a heading is a title, not a turn.
      if (HEADINGS.has(tagOf(node.parentNode!))) return null;
      // The text of a label element (`<cite>Name:</cite>`) is met before the element itself.
      const parent = node.parentNode as Element;
      const marked = !parent.contains(container) && labelElementName(parent, root);
      if (marked) return { name: marked, at: 0, marked: true, node: parent, root };
      return located(labelInText(node as Text, (node as Text).length, root), node);
    }
    const element = node as Element;
    // An element holding the point labels it only through its attributes: its text is the
    // very words selected.
    const name = element.contains(container)
      ? (attributeName(element) ?? voiceSpanName(element))
      : labelElementName(element, root);
    return name ? { name, at: 0, marked: true, node, root } : null;
  };

  // Where the walk back starts: the point's own text node (only the part before the point
  // counts), or the last node before an element boundary.
  let from: Node = container;
  let found: Located | null;
  if (container.nodeType === TEXT_NODE) {
    found = located(labelInText(container as Text, offset, root), container);
  } else {
    const before = container.childNodes[offset - 1];
    if (before) {
      walker.currentNode = before;
      from = before;
      for (let last = walker.lastChild(); last; last = walker.lastChild()) from = last;
    }
    found = visit(from);
  }
  if (found) return found;

  walker.currentNode = from;
  let chars = 0;
  for (let nodes = 0; nodes < MAX_NODES_WALKED && chars < MAX_CHARS_WALKED; nodes++) {
    const node = walker.previousNode();
    if (!node) return null;
    found = visit(node);
    if (found) return found;
    if (HEADINGS.has(tagOf(node))) return null;
    if (node.nodeType === TEXT_NODE) chars += (node as Text).length;
  }
  return null;
}

/**
 * The speaker of the words at a boundary point (a text node and offset, or an element and
 * child index): the nearest label before it, walking back through at most
 * `MAX_NODES_WALKED` nodes and `MAX_CHARS_WALKED` characters, never past a heading or out of
 * the section holding the point. Null when none is found.
 */
export function guessSpeakerAt(container: Node, offset: number): string | null {
  if (inCaptionOrTitle(container)) return null;
  return labelBefore(container, offset)?.name ?? null;
}

/** Words selected in a title, caption, credit or byline are nobody's turn. */
function inCaptionOrTitle(container: Node): boolean {
  const root = sectionOf(container);
  const own = container.nodeType === ELEMENT_NODE && NOT_TURNS.has(tagOf(container));
  return own || inNonTurn(container, root);
}

/** How many nodes at the start of a selection are looked at for a label it begins with. */
const MAX_NODES_AHEAD = 20;

/**
 * The speaker of a selection: a label the selection itself begins with (the person selected
 * "Travis: When you first…", or a whole turn), else the nearest label before it.
 */
export function guessSpeaker(range: Range): string | null {
  return locateSpeaker(range)?.name ?? null;
}

/**
 * A guessed speaker, and whether the page confirms it is a speaker turn: transcript markup
 * names it, or the transcript around it has other "Name:" turns. An unconfirmed guess (one
 * "Name:" line in prose or show notes) may only name a participant the episode already has.
 */
export interface SpeakerGuess {
  name: string;
  confirmed: boolean;
}

export function guessSpeakerTurn(range: Range): SpeakerGuess | null {
  const found = locateSpeaker(range);
  if (!found) return null;
  return { name: found.name, confirmed: found.marked || hasOtherTurn(found) };
}

function locateSpeaker(range: Range): Located | null {
  if (inCaptionOrTitle(range.startContainer)) return null;
  return labelAtStartOf(range) ?? labelBefore(range.startContainer, range.startOffset);
}

/** How many text nodes either side of a label are searched for the transcript's other turns. */
const MAX_NODES_CONFIRMING = 400;

/**
 * Whether the lines around a "Name:" label read as a conversation: at least two names start
 * lines, and one of them starts more than one (people take turns). Show notes write
 * "Highlights:" or "Sponsor:" once each; a caption or a note has one label.
 */
function hasOtherTurn(label: Located): boolean {
  const { node, root } = label;
  const doc = node.ownerDocument ?? (node as Document);
  const turns = new Map<string, number>([[label.name.toLowerCase(), 1]]);
  const conversation = () => turns.size >= 2 && [...turns.values()].some((count) => count >= 2);
  const count = (name: string | null | undefined) => {
    if (!name) return;
    const key = name.toLowerCase();
    turns.set(key, (turns.get(key) ?? 0) + 1);
  };
  // The other lines of the label's own text (a transcript shown as one block).
  if (node.nodeType === TEXT_NODE) {
    const { data } = node as Text;
    for (let from = 0, lines = 0; lines < MAX_NODES_CONFIRMING; lines++) {
      const end = data.indexOf('\n', from);
      const stop = end < 0 ? data.length : end;
      if (label.at < from || label.at > stop) {
        const match = lineLabel().exec(data.slice(from, stop));
        count(match && asName(match[1]));
      }
      if (end < 0) break;
      from = end + 1;
    }
  }
  for (const step of ['previousNode', 'nextNode'] as const) {
    const walker = doc.createTreeWalker(root, 0x4);
    walker.currentNode = node;
    for (let seen = 0; seen < MAX_NODES_CONFIRMING && !conversation(); seen++) {
      const text = walker[step]() as Text | null;
      if (!text) break;
      if (!lineLabel().test(text.data) && !text.data.includes('\n')) continue;
      count(labelInText(text, text.length, root)?.name);
    }
  }
  return conversation();
}

/**
 * A label at the start of the selection, before any of its words, or undefined when words
 * come first or there is no label (then the label is behind the selection).
 */
function labelAtStartOf(range: Range): Located | undefined {
  const { startContainer, startOffset } = range;
  const root = sectionOf(startContainer);
  const doc = startContainer.ownerDocument ?? (startContainer as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  let node: Node | null;
  if (startContainer.nodeType === TEXT_NODE) {
    node = startContainer;
  } else {
    node = startContainer.childNodes[startOffset] ?? nodeAfter(startContainer);
  }
  for (let seen = 0; node && seen < MAX_NODES_AHEAD; seen++) {
    if (!range.intersectsNode(node)) return undefined;
    if (node.nodeType === ELEMENT_NODE) {
      const name = labelElementName(node as Element, root);
      if (name) return { name, at: 0, marked: true, node, root };
    } else if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const from = node === startContainer ? startOffset : 0;
      const words = text.data.slice(from);
      if (!NO_WORDS.test(words)) {
        const before = text.data.slice(0, from);
        const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
        const atLineStart =
          NO_WORDS.test(lineBefore) && (before.includes('\n') || startsLine(text, root));
        const match = atLineStart ? lineLabel().exec(words) : null;
        const name = match && !inNonTurn(text, root) ? asName(match[1]) : null;
        // Words first: the label, if any, is behind the selection.
        return name ? { name, at: from, marked: false, node, root } : undefined;
      }
    }
    walker.currentNode = node;
    node = walker.nextNode();
  }
  return undefined;
}

/** The node after `node` and all it holds, in document order. */
function nodeAfter(node: Node): Node | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}
