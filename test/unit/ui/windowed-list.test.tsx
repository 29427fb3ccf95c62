import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/ui/after-paint';
import { WindowedList, type Reveal } from '../../../src/ui/components/WindowedList';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

/** Until the list's first frame is drawn, as the list itself waits for it. */
const firstFrameDrawn = () => act(() => new Promise<void>((done) => afterNextPaint(done)));

const items = (n: number) => Array.from({ length: n }, (_, i) => `Row ${i + 1}`);

function list(n: number, reveal: Reveal | null = null) {
  render(
    <WindowedList
      items={items(n)}
      keyOf={(item) => item}
      label="Rows"
      estimatePx={100}
      renderItem={(item) => <span>{item}</span>}
      reveal={reveal}
    />,
  );
  return screen.getByRole('list', { name: 'Rows' });
}

describe('long lists', () => {
  it('renders every row of a list of a couple of hundred', () => {
    expect(within(list(200)).getAllByRole('listitem')).toHaveLength(200);
  });

  it('renders only the rows in view (and a margin) past that, telling the whole length', () => {
    const rows = within(list(1000)).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.textContent).toBe('Row 1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('1000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  it('renders the rows scrolled to, with space standing in for the others', () => {
    const ol = list(1000);
    const scroller = ol.parentElement!;
    scroller.scrollTop = 50_000;
    fireEvent.scroll(scroller);
    const rows = within(ol).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toContain('Row 501');
    expect(rows.map((r) => r.textContent)).not.toContain('Row 1');
    expect(parseFloat(ol.style.paddingTop)).toBeGreaterThan(40_000);
  });

  it('draws the rows in view first, and the margin beyond them once that frame is drawn', async () => {
    const ol = list(1000);
    // 600 px of view (a test DOM has no layout) at the 100 px estimate: 6 rows and the next.
    expect(within(ol).getAllByRole('listitem')).toHaveLength(7);
    await firstFrameDrawn();
    // And 1,200 px below: 12 more.
    expect(within(ol).getAllByRole('listitem')).toHaveLength(19);
  });

  it('draws nothing on a scroll that stays within the rows drawn beyond the view', async () => {
    const ol = list(1000);
    await firstFrameDrawn();
    const scroller = ol.parentElement!;
    const first = () => within(ol).getAllByRole('listitem')[0]!.textContent;
    scroller.scrollTop = 3_000;
    fireEvent.scroll(scroller);
    const drawn = first();
    expect(drawn).not.toBe('Row 1');
    // 400 px on: still inside the margin drawn around the view.
    scroller.scrollTop = 3_400;
    fireEvent.scroll(scroller);
    expect(first()).toBe(drawn);
    // 800 px on from where it drew: the window moves.
    scroller.scrollTop = 3_800;
    fireEvent.scroll(scroller);
    expect(first()).not.toBe(drawn);
  });

  it('opens an episode with a thousand quotes without rendering them all', async () => {
    const { api } = fakeApi();
    await seedEpisode(
      api.store,
      Array.from({ length: 1000 }, (_, i) => ({ text: `Quote number ${i + 1}`, timeSec: i })),
    );
    render(<Popup api={api} />);
    const quotes = await screen.findByRole('list', { name: 'Quotes' });
    expect(screen.getByRole('heading', { name: 'Quotes (1000)' })).toBeTruthy();
    expect(quotes.querySelectorAll('blockquote').length).toBeLessThan(40);
  }, 20_000);
});

describe('revealing a row (a highlight clicked on the page)', () => {
  it('focuses the row in a short list', () => {
    const rows = within(list(50, { key: 'Row 31', nonce: 1 })).getAllByRole('listitem');
    expect(document.activeElement).toBe(rows[30]);
  });

  it('renders and focuses a row far outside the rendered window of a long list', () => {
    const shown = list(1000, { key: 'Row 900', nonce: 1 });
    const row = within(shown)
      .getAllByRole('listitem')
      .find((item) => item.textContent === 'Row 900');
    expect(row).toBeTruthy();
    expect(document.activeElement).toBe(row);
    expect(row!.getAttribute('aria-posinset')).toBe('900');
  });

  it('ignores a key the list does not hold', () => {
    list(50, { key: 'Row 999', nonce: 1 });
    expect(document.activeElement).toBe(document.body);
  });
});

describe('keeping a row in view without the focus (the cue being heard)', () => {
  function following(n: number, key: string) {
    let nonce = 0;
    const view = (at: string | null) => (
      <WindowedList
        items={items(n)}
        keyOf={(item) => item}
        label="Rows"
        estimatePx={100}
        renderItem={(item) => <span>{item}</span>}
        reveal={at === null ? null : { key: at, nonce: ++nonce, focus: false }}
      />
    );
    const result = render(view(key));
    return {
      ol: screen.getByRole('list', { name: 'Rows' }),
      follow: (at: string | null) => result.rerender(view(at)),
    };
  }

  it('renders a row far outside the window of a long list, and leaves the focus alone', () => {
    const { ol, follow } = following(1000, 'Row 10');
    follow('Row 900');
    const row = within(ol)
      .getAllByRole('listitem')
      .find((item) => item.textContent === 'Row 900');
    expect(row?.getAttribute('aria-posinset')).toBe('900');
    expect(document.activeElement).toBe(document.body);
  });

  it('scrolls as little as needed each time it is asked', () => {
    const scrolled: [string, ScrollIntoViewOptions | boolean | undefined][] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement,
      options,
    ) {
      scrolled.push([this.textContent ?? '', options]);
    });
    try {
      const { follow } = following(50, 'Row 3');
      follow('Row 4');
      follow(null);
      follow('Row 4');
      expect(scrolled).toEqual([
        ['Row 3', { block: 'nearest' }],
        ['Row 4', { block: 'nearest' }],
        ['Row 4', { block: 'nearest' }],
      ]);
      expect(document.activeElement).toBe(document.body);
    } finally {
      spy.mockRestore();
    }
  });
});
