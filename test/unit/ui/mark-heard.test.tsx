import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRef } from 'preact/hooks';
import type { Cue } from '../../../src/core/transcripts/types';
import { TranscriptCues, markHeard } from '../../../src/ui/words/TranscriptCues';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const cues = (n: number): Cue[] =>
  Array.from({ length: n }, (_, i) => ({
    start: i * 4,
    end: i * 4 + 4,
    speaker: null,
    text: `Cue ${i}`,
  }));

function Cues({ n, heardAt }: { n: number; heardAt: number }) {
  const heard = useRef(heardAt);
  const all = cues(n);
  return (
    <div class="cue-list">
      <TranscriptCues
        cues={all}
        shown={all.map((_, i) => i)}
        heard={heard}
        marks={new Map()}
        onSeek={() => undefined}
        reveal={null}
      />
    </div>
  );
}

const marked = (root: Element) =>
  [...root.querySelectorAll('.cue.current')].map((row) => [
    row.getAttribute('data-cue'),
    row.getAttribute('aria-current'),
  ]);

describe('the cue being heard, marked in the rows drawn', () => {
  it('is drawn marked, and moves to another row without drawing the list', () => {
    const { container } = render(<Cues n={20} heardAt={3} />);
    expect(marked(container)).toEqual([['3', 'true']]);
    const row = container.querySelector('[data-cue="7"]');
    expect(markHeard(container, 7, true)).toBe(true);
    expect(marked(container)).toEqual([['7', 'true']]);
    // The same element: marked in place, not drawn again.
    expect(container.querySelector('[data-cue="7"]')).toBe(row);
  });

  it('is cleared before the first cue, and answers false for a row that isn’t drawn', () => {
    const { container } = render(<Cues n={1000} heardAt={2} />);
    expect(markHeard(container, -1, true)).toBe(true);
    expect(marked(container)).toEqual([]);
    // A thousand cues: only the first rows are drawn.
    expect(container.querySelector('[data-cue="900"]')).toBeNull();
    expect(markHeard(container, 900, true)).toBe(false);
    expect(marked(container)).toEqual([]);
  });
});
