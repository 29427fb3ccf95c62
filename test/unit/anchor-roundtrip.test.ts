/**
 * describeRange ↔ anchorQuote round trip on real transcript pages, for any selection a person
 * can make: both ends anywhere, in text or between elements, forwards or backwards.
 *
 * Pages with a few hundred elements: happy-dom's Range costs milliseconds per boundary on pages
 * with thousands (the rendered .srt/.json ones), which would make 300 runs take minutes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorQuote } from '../../src/core/anchor';
import {
  describeOffsets,
  describeRange,
  indexText,
  offsetsOfRange,
} from '../../src/core/text-range';
import { normalizeWhitespace } from '../../src/core/whitespace';
import { readFixture } from '../support/fixtures';
import { showPage } from '../fixtures/anchoring/render-transcripts';

/** Every node under (and including) `root`: the containers a boundary point can sit in. */
function allNodes(root: Node): Node[] {
  const nodes: Node[] = [root];
  const walker = document.createTreeWalker(root, 0xffffffff);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

function maxOffset(node: Node): number {
  return node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.childNodes.length;
}

/** A boundary point: which node, and how far into it (a fraction of its length). */
const point = fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }));

/** The range between two points, in document order whichever way the person dragged. */
function rangeBetween(nodes: Node[], a: [number, number], b: [number, number]): Range {
  const at = ([i, f]: [number, number]): [Node, number] => {
    const node = nodes[i % nodes.length]!;
    return [node, Math.round(f * maxOffset(node))];
  };
  const range = document.createRange();
  range.setStart(...at(a));
  range.setEnd(...at(b));
  // A range whose end is before its start collapses to the end: then it was dragged backwards.
  if (range.collapsed) range.setEnd(...at(a));
  return range;
}

describe.each([
  ['buzzcast.html', () => showPage(readFixture('transcripts', 'buzzcast.html'))],
  [
    'podcast-namespace-example.html',
    () => showPage(readFixture('transcripts', 'podcast-namespace-example.html')),
  ],
])('round trip on %s', (_name, show) => {
  let nodes: Node[] = [];
  beforeAll(() => {
    show();
    nodes = allNodes(document.body);
  });

  it('exact is the text the range covers, whatever its ends are attached to', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const range = rangeBetween(nodes, a, b);
        expect(describeRange(document.body, range).quote.exact).toBe(range.toString());
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('anchoring a description gives back the same text at the same place', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const range = rangeBetween(nodes, a, b);
        const anchor = describeRange(document.body, range);
        fc.pre(normalizeWhitespace(anchor.quote.exact) !== '');
        const found = anchorQuote(document.body, anchor);
        expect(found?.toString()).toBe(anchor.quote.exact);
        const { start, end } = offsetsOfRange(indexText(document.body), found!);
        expect({ start, end }).toEqual({
          start: anchor.position!.start,
          end: anchor.position!.end,
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('without the position hint, the text and its context alone find the same passage', () => {
    const index = indexText(document.body);
    fc.assert(
      fc.property(point, point, (a, b) => {
        const range = rangeBetween(nodes, a, b);
        const anchor = describeRange(document.body, range);
        fc.pre(normalizeWhitespace(anchor.quote.exact) !== '');
        const found = anchorQuote(document.body, { ...anchor, position: null });
        expect(found?.toString()).toBe(anchor.quote.exact);
        // Another place is only acceptable if nothing in the saved selectors tells them apart.
        const { start, end } = offsetsOfRange(index, found!);
        expect(describeOffsets(index, start, end).quote).toEqual(anchor.quote);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

/** Text the reader never sees between the words they do, comments, and empty elements. */
const MIXED_PAGE = `<!doctype html><html><head><title>Episode 12</title></head><body>
<header><script>var nonce = "a1b2";</script><h1>Episode 12: Listening</h1><style>h1{color:red}</style></header>
<main><p>Host: Welcome <b>back</b> to the show.<!-- ad slot --></p><noscript>Enable JavaScript</noscript>
<p><i></i>Guest: Thanks for <em></em>having me. <script type="application/json">{"cue":1}</script>Glad to be here.</p>
<p>Host: Let's talk about taking notes while listening, and why it matters so much to you.</p></main>
<footer>Show notes <span></span>and links.<script>track()</script></footer></body></html>`;

describe.each([
  ['buzzcast.html', readFixture('transcripts', 'buzzcast.html')],
  ['a page with scripts, styles and comments', MIXED_PAGE],
])('describeRange on %s', (_name, html) => {
  let nodes: Node[] = [];
  beforeAll(() => {
    showPage(html);
    // Ends may fall anywhere in the document, in <head> and outside the root too.
    nodes = allNodes(document.documentElement);
  });

  it.each([
    ['the body', () => document.body],
    [
      'one element in it',
      () => document.querySelector('main') ?? document.querySelectorAll('p')[10]!,
    ],
  ])(
    'reading only near the selection, describes it as the index of all of %s does',
    (_r, root) => {
      const index = indexText(root());
      fc.assert(
        fc.property(point, point, (a, b) => {
          const range = rangeBetween(nodes, a, b);
          const { start, end } = offsetsOfRange(index, range);
          expect(describeRange(root(), range)).toEqual(describeOffsets(index, start, end));
        }),
        { numRuns: 300 },
      );
    },
    60_000,
  );
});
