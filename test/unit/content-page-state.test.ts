import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPageState } from '../../src/content/page-state';
import { selectedRange } from '../../src/content/selection';

const URL = 'https://podcasts.example/episodes/12';

function select(node: Node, doc: Document = document): void {
  const range = doc.createRange();
  range.selectNodeContents(node);
  doc.getSelection()!.removeAllRanges();
  doc.getSelection()!.addRange(range);
}

beforeEach(() => {
  document.title = 'Episode 12 | Margin Notes';
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.id = 'line';
  p.textContent = 'Exactly.  Write down\n   the words that surprised you.';
  const blank = document.createElement('p');
  blank.id = 'blank';
  blank.textContent = '   \n  ';
  document.body.append(p, blank);
});

afterEach(() => getSelection()!.removeAllRanges());

describe('readPageState', () => {
  it('reads the selection with whitespace normalised and an anchor over the raw text', () => {
    select(document.getElementById('line')!);
    const { selection } = readPageState(document, URL);
    expect(selection).toMatchObject({
      text: 'Exactly. Write down the words that surprised you.',
      anchor: {
        quote: { exact: 'Exactly.  Write down\n   the words that surprised you.' },
        position: { start: 0 },
      },
    });
  });

  it('has no selection when nothing, or only whitespace, is selected', () => {
    expect(readPageState(document, URL).selection).toBeNull();
    select(document.getElementById('blank')!);
    expect(readPageState(document, URL).selection).toBeNull();
    expect(selectedRange(document)).toBeNull();
  });

  it('guesses the speaker from the transcript label before the selection', () => {
    const turn = document.createElement('div');
    const cite = document.createElement('cite');
    cite.textContent = 'Sam Rivera:';
    const words = document.createElement('p');
    words.textContent = 'Thanks for having me.';
    turn.append(cite, words);
    document.body.append(turn);
    select(words);
    expect(readPageState(document, URL).selection).toMatchObject({
      text: 'Thanks for having me.',
      speaker: 'Sam Rivera',
      speakerConfirmed: true,
    });
  });

  it('says when a guessed speaker is a lone "Name:" line the page does not confirm', () => {
    const line = document.createElement('p');
    line.textContent = 'Note to self: Sam said this once.';
    const label = document.createElement('p');
    label.textContent = 'Sam Rivera: thanks for having me.';
    document.body.append(label, line);
    select(line);
    expect(readPageState(document, URL).selection).toMatchObject({
      speaker: 'Sam Rivera',
      speakerConfirmed: false,
    });
  });

  it('has no time, rather than 0:00, when the page has no player', () => {
    expect(readPageState(document, URL)).toMatchObject({ timeSec: null, hasMedia: false });
  });

  it('bounds the page title it reports', () => {
    document.title = 'x'.repeat(5_000);
    expect(readPageState(document, URL).title).toHaveLength(2_000);
  });
});
