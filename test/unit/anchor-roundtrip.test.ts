/**
 * describeRange ↔ anchorQuote round trip on real transcript pages, for any selection a person
 * can make: both ends anywhere, in text or between elements, forwards or backwards.
 *
 * Pages with a few hundred elements: happy-dom's Range costs milliseconds per boundary on pages
 * with thousands (the rendered .srt/.json ones), which would make 300 runs take minutes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  anchorQuote,
  describeOffsets,
  describeRange,
  indexText,
  normalizeWhitespace,
  offsetsOfRange,
} from '../../src/core/anchor';
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
        expect(describeRange(document.body, range, null).quote.exact).toBe(range.toString());
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('anchoring a description gives back the same text at the same place', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const range = rangeBetween(nodes, a, b);
        const anchor = describeRange(document.body, range, 12);
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
        const anchor = describeRange(document.body, range, null);
        fc.pre(normalizeWhitespace(anchor.quote.exact) !== '');
        const found = anchorQuote(document.body, { ...anchor, position: null });
        expect(found?.toString()).toBe(anchor.quote.exact);
        // Another place is only acceptable if nothing in the saved selectors tells them apart.
        const { start, end } = offsetsOfRange(index, found!);
        expect(describeOffsets(index, start, end, null).quote).toEqual(anchor.quote);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
