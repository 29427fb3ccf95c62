/**
 * The speaker guess on every real saved page of test/fixtures/real/pages, none of which holds
 * a transcript: wherever a person selects words, the guess confirms nobody as a speaker, so no
 * participant is ever added from these pages (issue 20: Apple's "Episode 251:" title and a
 * news photo's "Credit:" line became participants). The real transcripts, rendered as pages,
 * confirm their speakers.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { guessSpeaker, guessSpeakerTurn } from '../../src/core/speaker';
import { fixturePath, readFixture } from '../support/fixtures';
import {
  renderJson,
  renderSrt,
  renderVtt,
  showPage,
} from '../fixtures/anchoring/render-transcripts';

vi.setConfig({ testTimeout: 60_000 });

const PAGES = readdirSync(fixturePath('pages'))
  .filter((file) => file.endsWith('.html'))
  .sort();

/** How many places per page a selection is tried: evenly spread over the page's text. */
const SAMPLES = 80;

function quietly<T>(run: () => T): T {
  // happy-dom reports each stylesheet and iframe it does not load; that noise is not ours.
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return run();
  } finally {
    quiet.mockRestore();
  }
}

/** Text nodes with words that a person could select (not script or style source). */
function selectableTexts(): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.localName ?? '';
    if (['script', 'style', 'noscript', 'template'].includes(parent)) continue;
    if (/\p{L}{3}/u.test((node as Text).data)) texts.push(node as Text);
  }
  return texts;
}

/** A selection of a few characters in the middle of a text node (past any label it starts with). */
function selectIn(text: Text): Range {
  const range = document.createRange();
  const middle = Math.floor(text.data.length / 2);
  range.setStart(text, middle);
  range.setEnd(text, Math.min(text.data.length, middle + 4));
  return range;
}

/** A selection of a whole text node: a label it starts with is part of the selection. */
function selectWhole(text: Text): Range {
  const range = document.createRange();
  range.selectNodeContents(text);
  return range;
}

describe('the speaker guess on real pages without a transcript', () => {
  it.each(PAGES)('confirms nobody as a speaker anywhere on %s', (file) => {
    quietly(() => showPage(readFixture('pages', file)));
    const texts = selectableTexts();
    expect(texts.length).toBeGreaterThan(5);
    const step = Math.max(1, Math.floor(texts.length / SAMPLES));
    const confirmed: string[] = [];
    for (let i = 0; i < texts.length; i += step) {
      for (const range of [selectIn(texts[i]!), selectWhole(texts[i]!)]) {
        const guess = guessSpeakerTurn(range);
        if (guess?.confirmed) confirmed.push(`${guess.name} ← "${texts[i]!.data.slice(0, 60)}"`);
      }
    }
    expect(confirmed).toEqual([]);
  });

  it('does not read the 2025 Apple page’s title "Episode 251: …" (a <span> in the <h1>) as a speaker', () => {
    quietly(() => showPage(readFixture('pages', 'apple-podcasts-episode-2025.html')));
    const title = [...document.querySelectorAll('h1 span')].find((span) =>
      span.textContent!.startsWith('Episode 251:'),
    )!;
    expect(title).toBeDefined();
    expect(guessSpeakerTurn(selectWhole(title.firstChild as Text))).toBeNull();
    // The show notes after the title: nobody's words.
    const notes = selectableTexts().filter((t) => t.data.includes('Natural Cycles'));
    expect(notes.length).toBeGreaterThan(0);
    for (const text of notes) expect(guessSpeaker(selectIn(text))).toBeNull();
  });
});

describe('guessSpeakerTurn: what confirms a speaker', () => {
  it('confirms the "Name:" turns of a real SubRip transcript (buzzcast.srt) by the turns around them', () => {
    renderSrt(readFixture('transcripts', 'buzzcast.srt'));
    const cues = [...document.querySelectorAll('main > p')].filter((cue) =>
      /^[A-Z][\w ]*?:\s/.test(cue.querySelector('br')!.nextSibling!.textContent!),
    );
    expect(cues.length).toBeGreaterThan(20);
    const guesses = cues.slice(0, 40).map((cue) => {
      const line = cue.querySelector('br')!.nextSibling as Text;
      return guessSpeakerTurn(selectIn(line));
    });
    expect(guesses.filter((g) => !g?.confirmed)).toEqual([]);
  });

  it('confirms WebVTT voices and JSON speakers: transcript markup names them', () => {
    renderVtt(readFixture('transcripts', 'podcast-namespace-example.vtt'), 'spans');
    const span = document.querySelector('p.cue span[title]')!;
    expect(guessSpeakerTurn(selectIn(span.lastChild as Text))).toEqual({
      name: span.getAttribute('title'),
      confirmed: true,
    });
    renderJson(readFixture('transcripts', 'podcast-namespace-example.json'), 'turns');
    const body = document.querySelector('span[data-start]')!;
    expect(guessSpeakerTurn(selectIn(body.firstChild as Text))?.confirmed).toBe(true);
  });

  it('leaves one "Name:" line in prose unconfirmed', () => {
    showPage(
      '<!doctype html><html><body><article>' +
        '<p>Sam Rivera: this one line reads like a turn.</p><p>But the rest is prose.</p>' +
        '</article></body></html>',
    );
    const [line, prose] = selectableTexts();
    expect(guessSpeakerTurn(selectIn(line!))).toEqual({ name: 'Sam Rivera', confirmed: false });
    expect(guessSpeakerTurn(selectIn(prose!))).toEqual({ name: 'Sam Rivera', confirmed: false });
  });

  it('never takes a photo credit, a numbered title or a reference list for a speaker', () => {
    showPage(
      '<!doctype html><html><body><article>' +
        '<figure><img alt=""><figcaption>Credit: Jane Doe for the paper</figcaption></figure>' +
        '<p><span>Episode 12: The plan</span></p>' +
        '<ul><li>Book: <a href="#b">Company of One</a></li>' +
        '<li>Article: <a href="#a">A mastermind</a></li><li>Book: <a href="#c">Two</a></li></ul>' +
        '</article></body></html>',
    );
    const [credit, numbered, , book] = selectableTexts();
    expect(guessSpeakerTurn(selectIn(credit!))).toBeNull();
    expect(guessSpeakerTurn(selectIn(numbered!))).toBeNull();
    expect(guessSpeakerTurn(selectIn(book!))).toBeNull();
    expect(guessSpeakerTurn(selectWhole(book!))).toBeNull();
  });
});
