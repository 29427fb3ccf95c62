/**
 * The content script's highlighter over happy-dom, with a stand-in for the CSS Custom
 * Highlight API (happy-dom has none) and a fake background. Real drawing, late transcripts
 * and navigation run in Chromium: test/e2e/highlights.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOffsets, indexText } from '../../src/core/text-range';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/browser';
import {
  HIGHLIGHT_CSS,
  HIGHLIGHT_NAME,
  RETRY_MS,
  createHighlighter,
  type Highlighter,
} from '../../src/content/highlights';
import type { HighlightsReply } from '../../src/messages/schemas';

/** The registry `CSS.highlights`: a name → Highlight (a set of ranges) map. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
let registry: Map<string, FakeHighlight>;

const QUOTE = 'the words that surprised you';

function showTranscript(text = `Exactly. Write down ${QUOTE}, not the words that agreed.`) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.replaceChildren(p);
}

/** A background that places QUOTE wherever it is in the first text, else calls it an orphan. */
function fakeBackground() {
  return vi.fn(async (texts: string[]): Promise<HighlightsReply> => {
    const start = texts[0]!.indexOf(QUOTE);
    return start < 0
      ? { episodeId: 'ep-1', placed: [], orphans: ['q1'] }
      : {
          episodeId: 'ep-1',
          placed: [{ quoteId: 'q1', root: 0, start, end: start + QUOTE.length, timeSec: 62 }],
          orphans: [],
        };
  });
}

const drawnText = () => [...(registry.get(HIGHLIGHT_NAME) ?? [])].map((r) => r.toString());

let highlighter: Highlighter | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  // happy-dom's `CSS` is a getter that makes a new object each time: replace it whole.
  vi.stubGlobal('CSS', { highlights: registry });
  document.adoptedStyleSheets = [];
  showTranscript();
});

afterEach(() => {
  highlighter?.stop();
  highlighter = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('createHighlighter', () => {
  it('does nothing at all on a page whose episode has no quotes', async () => {
    const place = fakeBackground();
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(0);
    document.body.append('more text');
    await settle(RETRY_MS * 3);

    expect(place).not.toHaveBeenCalled();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('sends the page text once and draws the quote where the background placed it', async () => {
    const place = fakeBackground();
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();

    expect(place).toHaveBeenCalledWith([indexText(document.body).text]);
    expect(drawnText()).toEqual([QUOTE]);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    // The page's DOM is left as it was: one paragraph, one text node.
    expect(document.body.innerHTML).toBe(
      `<p>Exactly. Write down ${QUOTE}, not the words that agreed.</p>`,
    );
  });

  it('sends the page text in the same task when asked to look now (start-up)', async () => {
    const place = fakeBackground();
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.lookNow();
    // Before any timer or microtask: the background places while the page goes on starting.
    expect(place).toHaveBeenCalledWith([indexText(document.body).text]);
    await settle();
    expect(drawnText()).toEqual([QUOTE]);
    expect(place).toHaveBeenCalledTimes(1);
  });

  it('draws quotes still where they were saved without sending the page text', async () => {
    const text = indexText(document.body).text;
    const start = text.indexOf(QUOTE);
    const anchor = describeOffsets(indexText(document.body), start, start + QUOTE.length);
    const saved = vi.fn(async () => ({
      episodeId: 'ep-1',
      quotes: [{ quoteId: 'q1', quote: anchor.quote, start, timeSec: 62 }],
    }));
    const place = fakeBackground();
    highlighter = createHighlighter(document, { saved, place, seek: vi.fn(), open: vi.fn() });
    highlighter.lookNow();
    // Asked before the page's text is read: the background reads the store meanwhile.
    expect(saved).toHaveBeenCalledTimes(1);
    await settle();

    expect(drawnText()).toEqual([QUOTE]);
    expect(highlighter.drawn()).toMatchObject([{ quoteId: 'q1', timeSec: 62 }]);
    expect(place).not.toHaveBeenCalled();
  });

  it('sends the page text to the matcher when a quote is not where it was saved', async () => {
    const index = indexText(document.body);
    const start = index.text.indexOf(QUOTE);
    const anchor = describeOffsets(index, start, start + QUOTE.length);
    // The page grew above the quote since: its words are further on.
    showTranscript(`A new first line. Exactly. Write down ${QUOTE}, not the words that agreed.`);
    const saved = vi.fn(async () => ({
      episodeId: 'ep-1',
      quotes: [{ quoteId: 'q1', quote: anchor.quote, start, timeSec: 62 }],
    }));
    const place = fakeBackground();
    highlighter = createHighlighter(document, { saved, place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();

    expect(place).toHaveBeenCalledWith([indexText(document.body).text]);
    expect(drawnText()).toEqual([QUOTE]);
  });

  it('says when its first look is over: the quotes drawn (the page reports after it)', async () => {
    let answer: (reply: HighlightsReply) => void = () => undefined;
    const place = vi.fn(
      (_texts: string[]) => new Promise<HighlightsReply>((resolve) => (answer = resolve)),
    );
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    let over = false;
    void highlighter.lookNow().then(() => (over = true));
    await settle(RETRY_MS * 2);
    expect(over).toBe(false);

    const start = document.body.textContent!.indexOf(QUOTE);
    answer({
      episodeId: 'ep-1',
      placed: [{ quoteId: 'q1', root: 0, start, end: start + QUOTE.length, timeSec: 62 }],
      orphans: [],
    });
    await settle();
    expect(over).toBe(true);
    expect(drawnText()).toEqual([QUOTE]);
  });

  it('draws a transcript that loads late, asking at most once per throttle period', async () => {
    showTranscript('Loading the transcript…');
    const place = fakeBackground();
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();
    expect(drawnText()).toEqual([]);

    // The player renders its transcript in bits.
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('span'));
      await settle(100);
    }
    showTranscript();
    await settle(RETRY_MS);
    expect(drawnText()).toEqual([QUOTE]);
    expect(place.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('does not ask again when the DOM changed but its text did not', async () => {
    const place = fakeBackground();
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();
    document.body.append(document.createElement('div'));
    await settle(RETRY_MS * 2);
    expect(place).toHaveBeenCalledTimes(1);
  });

  it('drops a reply that no longer fits the page, and asks again', async () => {
    let answer: (reply: HighlightsReply) => void = () => undefined;
    const place = vi.fn(
      (texts: string[]) =>
        new Promise<HighlightsReply>((resolve) => {
          answer = resolve;
          void texts;
        }),
    );
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();
    // The page changes while the background searches: the offsets are for the old text.
    showTranscript(`Inserted. Exactly. Write down ${QUOTE}.`);
    answer({
      episodeId: 'ep-1',
      placed: [{ quoteId: 'q1', root: 0, start: 20, end: 48, timeSec: 62 }],
      orphans: [],
    });
    await settle();
    expect(drawnText()).toEqual([]);
    await settle(RETRY_MS);
    expect(place).toHaveBeenCalledTimes(2);
  });

  it('draws a reply when the page changed meanwhile but its text did not', async () => {
    let answer: (reply: HighlightsReply) => void = () => undefined;
    const place = vi.fn(() => new Promise<HighlightsReply>((resolve) => (answer = resolve)));
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();
    // A player's progress bar, say: elements come and go, the words stay.
    document.body.append(document.createElement('div'));
    const start = document.body.textContent!.indexOf(QUOTE);
    answer({
      episodeId: 'ep-1',
      placed: [{ quoteId: 'q1', root: 0, start, end: start + QUOTE.length, timeSec: 62 }],
      orphans: [],
    });
    await settle();
    expect(drawnText()).toEqual([QUOTE]);
  });

  it('clears its highlight when the episode has no quotes any more (Undo, navigation)', async () => {
    highlighter = createHighlighter(document, {
      place: fakeBackground(),
      seek: vi.fn(),
      open: vi.fn(),
    });
    highlighter.update(1);
    await settle();
    expect(drawnText()).toEqual([QUOTE]);

    highlighter.update(0);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('ignores a reply that arrives after it stopped', async () => {
    let answer: (reply: HighlightsReply) => void = () => undefined;
    const place = vi.fn(() => new Promise<HighlightsReply>((resolve) => (answer = resolve)));
    highlighter = createHighlighter(document, { place, seek: vi.fn(), open: vi.fn() });
    highlighter.update(1);
    await settle();
    highlighter.stop();
    answer({
      episodeId: 'ep-1',
      placed: [{ quoteId: 'q1', root: 0, start: 20, end: 48, timeSec: 62 }],
      orphans: [],
    });
    await settle();
    expect(registry.size).toBe(0);
  });

  describe('clicks on a highlight', () => {
    interface Click {
      altKey?: boolean;
      shiftKey?: boolean;
      /** A click a person made; a page's script can only make untrusted ones. */
      trusted?: boolean;
      on?: Element;
    }

    /** happy-dom has no layout: the click lands on the character the test names. */
    function clickAt(offsetInQuote: number, click: Click = {}): MouseEvent {
      const text = document.querySelector('p')!.firstChild as Text;
      const offset = text.data.indexOf(QUOTE) + offsetInQuote;
      Object.assign(document, {
        caretPositionFromPoint: () => ({ offsetNode: text, offset }),
      });
      const { altKey = false, shiftKey = false, trusted = true } = click;
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, altKey, shiftKey });
      // happy-dom makes every event untrusted; Chromium marks real clicks (see the e2e test).
      Object.defineProperty(event, 'isTrusted', { value: trusted });
      (click.on ?? document.querySelector('p')!).dispatchEvent(event);
      return event;
    }

    async function drawnHighlighter() {
      const deps = { place: fakeBackground(), seek: vi.fn(), open: vi.fn() };
      highlighter = createHighlighter(document, deps);
      highlighter.update(1);
      await settle();
      return deps;
    }

    it('opens the quote in Earmark on a plain click, and leaves the click to the page', async () => {
      const { open, seek } = await drawnHighlighter();
      const event = clickAt(5);
      expect(open).toHaveBeenCalledWith('q1');
      expect(event.defaultPrevented).toBe(false);
      expect(seek).not.toHaveBeenCalled();
    });

    it('plays from the quote’s time on Alt+click, instead of opening it', async () => {
      const { open, seek } = await drawnHighlighter();
      const event = clickAt(5, { altKey: true });
      expect(seek).toHaveBeenCalledWith(62);
      expect(event.defaultPrevented).toBe(true);
      expect(open).not.toHaveBeenCalled();
    });

    it('does nothing for clicks outside the quote', async () => {
      const { open, seek } = await drawnHighlighter();
      expect(clickAt(QUOTE.length + 8).defaultPrevented).toBe(false);
      expect(clickAt(QUOTE.length + 8, { altKey: true }).defaultPrevented).toBe(false);
      expect(open).not.toHaveBeenCalled();
      expect(seek).not.toHaveBeenCalled();
    });

    it('leaves clicks that mean something else to the page and the browser', async () => {
      const { open, seek } = await drawnHighlighter();
      // Shift+click extends a selection.
      clickAt(5, { shiftKey: true });
      // A page's script clicking on the highlight.
      clickAt(5, { trusted: false });
      // The end of a drag that selected words.
      const text = document.querySelector('p')!.firstChild as Text;
      getSelection()!.setBaseAndExtent(text, 0, text, 8);
      clickAt(5);
      getSelection()!.removeAllRanges();
      // A highlighted link: following it is the page's business.
      const link = document.createElement('a');
      link.href = '#cue-12';
      document.querySelector('p')!.append(link);
      clickAt(5, { on: link });

      expect(open).not.toHaveBeenCalled();
      expect(seek).not.toHaveBeenCalled();
    });
  });
});

describe('the manifest’s highlight.css', () => {
  it('holds the same rule the highlighter adopts where the manifest’s sheet is missing', () => {
    const file = readFileSync(join(REPO_ROOT, 'src/content/highlight.css'), 'utf8');
    const rule = (css: string) =>
      css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};])\s*/g, '$1')
        .trim();
    expect(rule(file)).toBe(rule(HIGHLIGHT_CSS));
  });
});
