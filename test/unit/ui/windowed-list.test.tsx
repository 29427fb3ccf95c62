import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WindowedList } from '../../../src/ui/components/WindowedList';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, seedEpisode } from './helpers';

vi.mock('webextension-polyfill', () => import('./fake-browser'));

afterEach(cleanup);

const items = (n: number) => Array.from({ length: n }, (_, i) => `Row ${i + 1}`);

function list(n: number) {
  render(
    <WindowedList
      items={items(n)}
      keyOf={(item) => item}
      label="Rows"
      estimatePx={100}
      renderItem={(item) => <span>{item}</span>}
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
