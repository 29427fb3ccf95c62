/**
 * `readPageText` must give the highlighter exactly what `indexText` + `rangeForOffsets` gave:
 * the same text (the background places quotes in it) and the same Ranges for any offsets, on
 * real saved pages (scripts, styles and noscript inside the body) and on made-up edge cases.
 */
import { describe, expect, it, vi } from 'vitest';
import { readPageText } from '../../src/core/page-text';
import { indexText, offsetsOfRange, rangeForOffsets } from '../../src/core/text-range';
import { readFixture } from '../support/fixtures';

vi.setConfig({ testTimeout: 30_000 });

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Start and end points of a Range, comparable with toEqual. */
function points(range: Range | null) {
  return range && [range.startContainer, range.startOffset, range.endContainer, range.endOffset];
}

/** Offsets over the whole text, ends of nodes and empty ranges included. */
function offsetPairs(length: number, count: number): [number, number][] {
  const pairs: [number, number][] = [
    [0, 0],
    [0, length],
    [0, 1],
    [length - 1, length],
  ];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * 7919) % Math.max(1, length));
    const end = Math.min(length, start + 1 + ((i * 131) % 400));
    pairs.push([start, end], [start, start]);
  }
  return pairs;
}

function expectSameAsIndex(root: Node, count = 40): void {
  const index = indexText(root);
  const read = readPageText(root);
  expect(read.text).toBe(index.text);
  if (index.text.length === 0) return;
  for (const [start, end] of offsetPairs(index.text.length, count)) {
    expect(points(read.range(start, end)), `[${start}, ${end})`).toEqual(
      points(rangeForOffsets(index, start, end)),
    );
  }
  // Collapsed at the very end: rangeForOffsets puts it in the last text node even when that
  // one is empty, readPageText after the last character; the same place in the text.
  const end = read.range(index.text.length, index.text.length)!;
  expect(end.collapsed).toBe(true);
  expect(offsetsOfRange(index, end)).toEqual({
    start: index.text.length,
    end: index.text.length,
  });
  for (const [start, end] of [
    [-1, 2],
    [0, index.text.length + 1],
    [5, 4],
  ] as const) {
    expect(read.range(start, end)).toBeNull();
  }
}

describe('readPageText', () => {
  it.each([
    'spotify-episode.html',
    'apple-podcasts-episode-2025.html',
    'npr-planet-money-episode.html',
    'youtube-watch-trailer.html',
    'not-podcast-the-verge.html',
  ])('reads the same text and ranges as indexText on %s', (file) => {
    const doc = parse(readFixture('pages', file));
    expect(doc.body.querySelector('script, style, noscript, template')).not.toBeNull();
    expectSameAsIndex(doc.body);
  });

  it('leaves out the text of script, style, noscript and template, nested or not', () => {
    const doc = parse(
      '<body><p>One <b>two</b><!-- a comment --></p><script>var x = 1;</script>' +
        '<div><style>p { color: red }</style><span>three<noscript>not shown</noscript></span>' +
        '<template>not shown</template><em></em><em>four</em></div>five</body>',
    );
    expect(readPageText(doc.body).text).toBe('One twothreefourfive');
    expectSameAsIndex(doc.body);
  });

  it('keeps the text of elements inside an unrendered element, as indexText does', () => {
    const doc = parse('<body><p>a</p></body>');
    const noscript = doc.createElement('noscript');
    noscript.append('hidden', doc.createElement('span'), 'hidden too');
    noscript.querySelector('span')!.textContent = 'kept';
    doc.body.append(noscript, 'end');
    expect(readPageText(doc.body).text).toBe('akeptend');
    expectSameAsIndex(doc.body);
  });

  it('reads a root that is itself unrendered, or holds no text at all', () => {
    const doc = parse('<body><div></div><noscript>x</noscript></body>');
    expectSameAsIndex(doc.querySelector('noscript')!);
    expectSameAsIndex(doc.querySelector('div')!);
    expect(readPageText(doc.querySelector('div')!).range(0, 0)).toBeNull();
  });

  it('finds ranges in deep and wide trees: one span per word, empty text nodes between', () => {
    const doc = parse('<body><main></main></body>');
    const main = doc.querySelector('main')!;
    for (let turn = 0; turn < 40; turn++) {
      const p = doc.createElement('p');
      for (let word = 0; word < 30; word++) {
        const span = doc.createElement('span');
        span.textContent = `w${turn}-${word} `;
        p.append(span, doc.createTextNode(''));
      }
      main.append(p);
    }
    expectSameAsIndex(doc.body, 200);
  });
});
