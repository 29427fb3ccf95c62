import { describe, expect, it } from 'vitest';
import { anchorQuote, anchorQuotes } from '../../src/core/anchor';
import {
  CONTEXT_CHARS,
  describeRange,
  indexText,
  rangeForOffsets,
} from '../../src/core/text-range';
import { normalizeWhitespace } from '../../src/core/whitespace';
import type { QuoteAnchor } from '../../src/core/model';
import { showPage } from '../fixtures/anchoring/render-transcripts';

/** A small page to select in; `body` is the root, as the content script uses it. */
function page(html: string): Document {
  return showPage(`<!doctype html><html><body>${html}</body></html>`);
}

function select(doc: Document, start: [Node, number], end: [Node, number]): Range {
  const range = doc.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

const $ = (doc: Document, selector: string): Element => doc.querySelector(selector)!;

describe('normalizeWhitespace', () => {
  it('collapses runs of any whitespace and trims, as a person reads the text', () => {
    expect(normalizeWhitespace('  a\n\t b\u00a0 c  ')).toBe('a b c');
  });
});

describe('indexText', () => {
  it('joins the text nodes in document order and records where each starts', () => {
    const doc = page('<p>One <b>two</b></p><p>three</p>');
    const index = indexText(doc.body);
    expect(index.text).toBe('One twothree');
    expect(index.starts).toEqual([0, 4, 7]);
    expect(index.nodes.map((n) => n.data)).toEqual(['One ', 'two', 'three']);
  });

  it('leaves out script, style and noscript text, which the reader never sees and may change', () => {
    const doc = page(
      '<p>before</p><script>var nonce = 1;</script><style>p{}</style><noscript>x</noscript><p>after</p>',
    );
    expect(indexText(doc.body).text).toBe('beforeafter');
  });
});

describe('describeRange', () => {
  it('keeps the exact raw text selected, with CONTEXT_CHARS of context either side', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu';
    const doc = page(`<p>${words}</p>`);
    const text = doc.querySelector('p')!.firstChild!;
    const at = words.indexOf('iota');
    const anchor = describeRange(doc.body, select(doc, [text, at], [text, at + 4]));
    expect(anchor.quote.exact).toBe('iota');
    expect(anchor.quote.prefix).toBe(words.slice(at - CONTEXT_CHARS, at));
    expect(anchor.quote.suffix).toBe(words.slice(at + 4, at + 4 + CONTEXT_CHARS));
    expect(anchor.position).toEqual({ type: 'TextPositionSelector', start: at, end: at + 4 });
    // The quote keeps the time; the anchor no longer repeats it (issue 15).
    expect(anchor).not.toHaveProperty('timeSec');
  });

  it('keeps whitespace in exact as it is on the page, so it can be found verbatim', () => {
    const doc = page('<pre>line one\n   line two</pre>');
    const text = $(doc, 'pre').firstChild!;
    const anchor = describeRange(doc.body, select(doc, [text, 5], [text, 17]));
    expect(anchor.quote.exact).toBe('one\n   line ');
  });

  it('handles a selection from the start of one element to the start of the next (triple-click)', () => {
    const doc = page('<p id="a">First paragraph.</p>\n<p id="b">Second.</p>');
    const range = select(doc, [$(doc, '#a'), 0], [$(doc, '#b'), 0]);
    const anchor = describeRange(doc.body, range);
    expect(anchor.quote.exact).toBe('First paragraph.\n');
    expect(anchor.quote.exact).toBe(range.toString());
  });

  it('handles boundaries after the last child of an element and around empty elements', () => {
    const doc = page('<p id="a">One <b>two</b><i></i></p><p id="b">three</p>');
    const a = $(doc, '#a');
    const range = select(doc, [a, 1], [a, a.childNodes.length]);
    expect(describeRange(doc.body, range).quote.exact).toBe('two');
    const aroundEmpty = select(doc, [$(doc, 'i'), 0], [$(doc, '#b').firstChild!, 3]);
    expect(describeRange(doc.body, aroundEmpty).quote.exact).toBe('thr');
  });

  it('selecting all of the root gives all of its text', () => {
    const doc = page('<h1>Title</h1><p>Body <em>text</em>.</p>');
    const range = select(doc, [doc.body, 0], [doc.body, doc.body.childNodes.length]);
    const anchor = describeRange(doc.body, range);
    expect(anchor.quote.exact).toBe('TitleBody text.');
    expect(anchor.quote.prefix).toBe('');
    expect(anchor.quote.suffix).toBe('');
  });

  it('clips a range reaching outside the root to the root', () => {
    const doc = page('<p id="out">outside</p><div id="root"><p>inside text</p></div>');
    const root = $(doc, '#root');
    const range = select(
      doc,
      [$(doc, '#out').firstChild!, 2],
      [root.querySelector('p')!.firstChild!, 6],
    );
    expect(describeRange(root, range).quote.exact).toBe('inside');
  });

  it('a collapsed range describes an empty quote (nothing to save)', () => {
    const doc = page('<p>text</p>');
    const text = $(doc, 'p').firstChild!;
    expect(describeRange(doc.body, select(doc, [text, 2], [text, 2])).quote.exact).toBe('');
  });
});

describe('rangeForOffsets', () => {
  it('starts in the node holding the first character and ends in the node holding the last', () => {
    const doc = page('<p>ab<b>cd</b><i></i>ef</p>');
    const index = indexText(doc.body);
    const range = rangeForOffsets(index, 2, 4)!;
    expect(range.startContainer).toBe($(doc, 'b').firstChild);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe($(doc, 'b').firstChild);
    expect(range.endOffset).toBe(2);
    expect(range.toString()).toBe('cd');
  });

  it('returns null for offsets outside the text', () => {
    const index = indexText(page('<p>abc</p>').body);
    expect(rangeForOffsets(index, -1, 2)).toBeNull();
    expect(rangeForOffsets(index, 1, 4)).toBeNull();
    expect(rangeForOffsets(index, 2, 1)).toBeNull();
  });

  it('reaches the very end of the text', () => {
    const index = indexText(page('<p>abc</p><p>def</p>').body);
    expect(rangeForOffsets(index, 2, 6)!.toString()).toBe('cdef');
  });
});

describe('anchorQuote', () => {
  const transcript =
    '<p>Travis: So the first thing is audio. Good audio keeps people listening.</p>' +
    '<p>Sarah: And the second thing is the intro. Say who you are.</p>';

  function saved(doc: Document, exact: string): QuoteAnchor {
    const index = indexText(doc.body);
    const at = index.text.indexOf(exact);
    return describeRange(doc.body, rangeForOffsets(index, at, at + exact.length)!);
  }

  it('finds a quote on the unchanged page where it was', () => {
    const doc = page(transcript);
    const anchor = saved(doc, 'Good audio keeps people listening.');
    expect(anchorQuote(doc.body, anchor)!.toString()).toBe('Good audio keeps people listening.');
  });

  it('finds a quote across elements after the markup changed but the words did not', () => {
    const before = page(transcript);
    const anchor = saved(before, 'listening.Sarah: And');
    const after = page(transcript.replace('Sarah:', '<strong>Sarah:</strong>'));
    expect(anchorQuote(after.body, anchor)!.toString()).toBe('listening.Sarah: And');
  });

  it('returns null (an orphan) when the words are gone', () => {
    const anchor = saved(page(transcript), 'Good audio keeps people listening.');
    const after = page('<p>Travis: So the first thing is audio.</p><p>Sarah: Say who you are.</p>');
    expect(anchorQuote(after.body, anchor)).toBeNull();
  });

  it('anchorQuotes finds many quotes at once, null for orphans and missing anchors', () => {
    const doc = page(transcript);
    const anchors = [
      saved(doc, 'the intro'),
      null,
      { ...saved(doc, 'audio'), quote: { ...saved(doc, 'audio').quote, exact: 'video games' } },
      saved(doc, 'Travis'),
    ];
    const ranges = anchorQuotes(doc.body, anchors);
    expect(ranges.map((r) => r?.toString() ?? null)).toEqual(['the intro', null, null, 'Travis']);
  });
});
