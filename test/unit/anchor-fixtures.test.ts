/**
 * Re-anchoring on real transcripts (test/fixtures/real/transcripts), rendered as pages, after
 * the page changed between two visits. Quotes are captured with `describeRange` on the page as
 * it was, the page is edited, and `anchorQuotes` must find each quote again, or call it an
 * orphan when its words are gone.
 */
import { describe, expect, it, vi } from 'vitest';
import { anchorQuotes } from '../../src/core/anchor';
import {
  describeRange,
  indexText,
  rangeForOffsets,
  type TextIndex,
} from '../../src/core/text-range';
import { normalizeWhitespace } from '../../src/core/whitespace';
import type { QuoteAnchor } from '../../src/core/model';
import { readFixture } from '../support/fixtures';
import { editText, replaceText } from '../fixtures/anchoring/edit-page';
import {
  renderJson,
  renderSrt,
  renderVtt,
  showPage,
} from '../fixtures/anchoring/render-transcripts';

// Pages of thousands of elements are slow in happy-dom; a busy machine must not fail these.
vi.setConfig({ testTimeout: 30_000 });

const transcript = (name: string) => readFixture('transcripts', name);

/** Each real transcript, shown the way a page would show it. */
const PAGES: [string, () => void][] = [
  ['buzzcast.html', () => showPage(transcript('buzzcast.html'))],
  ['podcast-namespace-example.html', () => showPage(transcript('podcast-namespace-example.html'))],
  ['buzzcast.json (one turn per speaker)', () => renderJson(transcript('buzzcast.json'))],
  [
    'buzzcast.json (one row per segment)',
    () => renderJson(transcript('buzzcast.json'), 'segments'),
  ],
  ['buzzcast.srt', () => renderSrt(transcript('buzzcast.srt'))],
  ['podcast-namespace-example.srt', () => renderSrt(transcript('podcast-namespace-example.srt'))],
  ['LaLaLand.vtt', () => renderVtt(transcript('LaLaLand.vtt'))],
];

const QUOTES_PER_PAGE = 6;

interface Saved {
  start: number;
  end: number;
  anchor: QuoteAnchor;
}

/**
 * Quotes of 50–110 characters spread over the page, each starting at a word, each unique on
 * the page (LaLaLand's chorus repeats, and a quote that occurs twice cannot be removed once),
 * at least 1,500 characters in: far enough from the top that a copy placed above it is
 * farther from the position hint than the original.
 */
function captureQuotes(index: TextIndex): Saved[] {
  const { text } = index;
  const saved: Saved[] = [];
  for (let i = 0; saved.length < QUOTES_PER_PAGE && i < 50; i++) {
    const from = 1500 + Math.floor(((i * 0.37) % 1) * (text.length - 1800));
    const start = text.indexOf(' ', from) + 1;
    const end = start + 50 + ((i * 13) % 60);
    const exact = text.slice(start, end);
    if (!exact.trim() || text.indexOf(exact) !== text.lastIndexOf(exact)) continue;
    if (saved.some((q) => Math.abs(q.start - start) < 700)) continue;
    const range = rangeForOffsets(index, start, end)!;
    saved.push({ start, end, anchor: describeRange(document.body, range) });
  }
  expect(saved.length).toBe(QUOTES_PER_PAGE);
  return saved;
}

/** Shows the page, captures quotes on it; the page stays on show for editing. */
function visit(show: () => void): { index: TextIndex; saved: Saved[] } {
  show();
  const index = indexText(document.body);
  return { index, saved: captureQuotes(index) };
}

function reanchor(saved: Saved[]): (string | null)[] {
  return anchorQuotes(
    document.body,
    saved.map((q) => q.anchor),
  ).map((range) => range?.toString() ?? null);
}

function paragraph(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

describe.each(PAGES)('re-anchoring on %s', (_name, show) => {
  it('finds every quote on the unchanged page, exactly as it was selected', () => {
    const { saved } = visit(show);
    expect(saved.every((q) => q.anchor.quote.exact.length === q.end - q.start)).toBe(true);
    expect(reanchor(saved)).toEqual(saved.map((q) => q.anchor.quote.exact));
  });

  it('keeps quotes whose words gained an insertion, and highlights the new words too', () => {
    const { index, saved } = visit(show);
    const middles = saved.map((q) => index.text.indexOf(' ', q.start + 20));
    editText(
      index,
      middles.map((at) => [at, at, ' you know,']),
    );
    expect(reanchor(saved)).toEqual(
      saved.map((q, i) => {
        const cut = middles[i]! - q.start;
        return q.anchor.quote.exact.slice(0, cut) + ' you know,' + q.anchor.quote.exact.slice(cut);
      }),
    );
  });

  it('keeps quotes that lost a word', () => {
    const { index, saved } = visit(show);
    const words = saved.map((q) => {
      const from = index.text.indexOf(' ', q.start + 20);
      return [from, index.text.indexOf(' ', from + 1)] as [number, number];
    });
    editText(
      index,
      words.map(([from, to]) => [from, to, '']),
    );
    expect(reanchor(saved)).toEqual(
      saved.map((q, i) => {
        const [from, to] = words[i]!;
        return index.text.slice(q.start, from) + index.text.slice(to, q.end);
      }),
    );
  });

  it('keeps quotes when the whitespace of the whole page changed', () => {
    const { index, saved } = visit(show);
    for (const node of index.nodes) node.data = node.data.replace(/ /g, '  \n    ');
    const found = reanchor(saved);
    expect(found.map((text) => normalizeWhitespace(text ?? '∅'))).toEqual(
      saved.map((q) => normalizeWhitespace(q.anchor.quote.exact)),
    );
  });

  it('among identical passages, keeps the original (nearest the position hint)', () => {
    const { index, saved } = visit(show);
    // Each quote's passage, with its context, appears again at the end of the page; the first
    // one also at the top (its original, pushed down by the copy, is still nearer its hint).
    const passages = saved.map((q) => index.text.slice(q.start - 100, q.end + 100));
    document.body.prepend(paragraph(passages[0]!));
    document.body.append(...passages.map(paragraph));
    const shift = passages[0]!.length;
    const ranges = anchorQuotes(
      document.body,
      saved.map((q) => q.anchor),
    );
    const after = indexText(document.body);
    for (const [i, range] of ranges.entries()) {
      expect(range?.toString()).toBe(saved[i]!.anchor.quote.exact);
      const at = after.nodes.indexOf(range!.startContainer as Text);
      expect(after.starts[at]! + range!.startOffset).toBe(saved[i]!.start + shift);
    }
  });

  it('among occurrences of the same words, keeps the one whose context matches, even away from the hint', () => {
    const { index, saved } = visit(show);
    // A paragraph on top holds each quote's words in other surroundings, right at the position
    // hint, pushing the real passages far away from it.
    const quote = saved[0]!;
    const filler = 'Nothing to see here, keep scrolling. '.repeat(200).slice(0, quote.start);
    document.body.prepend(paragraph(filler + quote.anchor.quote.exact + ' was not said here.'));
    const shift = quote.start + quote.anchor.quote.exact.length + ' was not said here.'.length;
    const [range] = anchorQuotes(document.body, [quote.anchor]);
    const after = indexText(document.body);
    const at = after.nodes.indexOf(range!.startContainer as Text);
    expect(after.starts[at]! + range!.startOffset).toBe(quote.start + shift);
    expect(index.text.length + shift).toBe(after.text.length);
  });

  it('calls a quote an orphan when its passage was removed', () => {
    const { index, saved } = visit(show);
    const removed = saved.filter((_, i) => i % 2 === 0);
    editText(
      index,
      removed.map((q) => [q.start - 60, q.end + 60, '']),
    );
    expect(reanchor(saved)).toEqual(
      saved.map((q, i) => (i % 2 === 0 ? null : q.anchor.quote.exact)),
    );
  });

  it('finds a passage that moved far from its position hint', () => {
    const { index, saved } = visit(show);
    const quote = saved[0]!;
    const passage = index.text.slice(quote.start - 150, quote.end + 150);
    replaceText(index, quote.start - 150, quote.end + 150, '');
    document.body.append(paragraph(passage));
    const [found] = reanchor([quote]);
    expect(found).toBe(quote.anchor.quote.exact);
  });

  it('finds a passage that moved far and was edited', () => {
    const { index, saved } = visit(show);
    const quote = saved[1]!;
    const passage = index.text.slice(quote.start - 150, quote.end + 150);
    replaceText(index, quote.start - 150, quote.end + 150, '');
    const edited = passage.slice(0, 170) + ' (sic)' + passage.slice(170);
    document.body.prepend(paragraph(edited));
    const [found] = reanchor([quote]);
    expect(found).toBe(edited.slice(150, quote.end - quote.start + 150 + ' (sic)'.length));
  });
});

describe('re-anchoring on the smallest transcripts', () => {
  it('finds a quote in the five-segment Podcasting 2.0 example after a segment was corrected', () => {
    const source = transcript('podcast-namespace-example.json');
    renderJson(source);
    const index = indexText(document.body);
    const at = index.text.indexOf('am your father');
    const anchor = describeRange(document.body, rangeForOffsets(index, at, at + 14)!);
    renderJson(source.replace('"father."', '"father!"'));
    expect(anchorQuotes(document.body, [anchor])[0]?.toString()).toBe('am your father');
  });

  it('finds a quote across cues of the WebVTT example after the cues were merged', () => {
    renderVtt(transcript('podcast-namespace-example.vtt'));
    const index = indexText(document.body);
    const words = 'should have a podcast trailer';
    const at = index.text.indexOf(words);
    const anchor = describeRange(document.body, rangeForOffsets(index, at, at + 29)!);
    renderVtt(transcript('podcast-namespace-example.vtt'), 'labels');
    expect(anchorQuotes(document.body, [anchor])[0]?.toString()).toBe(words);
  });
});
