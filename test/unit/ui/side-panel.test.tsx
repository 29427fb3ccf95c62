import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpisodeScreen } from '../../../src/ui/editor/EpisodeScreen';
import { PANEL_POLL_MS } from '../../../src/ui/editor/useEpisodeView';
import { Popup } from '../../../src/ui/popup/Popup';
import { SEED, fakeApi, pageState, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

describe('the side panel', () => {
  it('shows the same editor for the tab’s episode', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'Kept in both views', timeSec: 3 }]);
    render(<EpisodeScreen api={api} mode="panel" />);
    expect(await screen.findByText('Kept in both views')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save selection as quote' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
  });

  it('starts notes at who took part without scrolling away from the top (the transcript)', async () => {
    // The frames are the test's. focusWhenShown looks for the field once a frame, for a limited
    // time; with the browser's frames this test depended on the machine's speed. Here no frame
    // passes until the field is drawn, then one does: what it checks is what the frame does.
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    try {
      for (const mode of ['panel', 'popup'] as const) {
        const { api } = fakeApi();
        render(<EpisodeScreen api={api} mode={mode} />);
        fireEvent.click(
          await screen.findByRole('button', { name: 'Start notes for this episode' }),
        );
        // Waiting for the field only (it is drawn without a frame): however long it takes.
        const field = await waitFor(
          () => {
            const drawn = document.getElementById('new-participant-name');
            expect(drawn).not.toBeNull();
            return drawn!;
          },
          { timeout: 10_000 },
        );
        focus.mockClear();
        vi.advanceTimersToNextFrame();
        expect(document.activeElement).toBe(field);
        expect(focus.mock.contexts).toEqual([field]);
        // The side panel keeps its scroll (its transcript part is above); the popup needn't.
        expect(focus.mock.calls).toEqual([[{ preventScroll: mode === 'panel' }]]);
        cleanup();
      }
    } finally {
      focus.mockRestore();
      vi.useRealTimers();
    }
  });

  it('shows quotes saved meanwhile by shortcut or menu, without being reopened', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store);
    render(<EpisodeScreen api={api} mode="panel" />);
    await screen.findByLabelText('My 2 cents');
    await api.store.saveCapture({
      seed: SEED,
      text: 'Saved with Alt+Shift+Q',
      timeSec: 30,
      anchor: null,
      speakerName: null,
    });
    await waitFor(() => expect(screen.getByText('Saved with Alt+Shift+Q')).toBeTruthy(), {
      timeout: PANEL_POLL_MS * 2,
    });
  });

  it('follows the person to another tab’s episode', async () => {
    let onTabChange: () => void = () => undefined;
    const { api, setPage } = fakeApi();
    api.followTarget = (listener) => {
      onTabChange = listener;
      return () => undefined;
    };
    render(<EpisodeScreen api={api} mode="panel" />);
    await screen.findByRole('heading', {
      level: 1,
      name: 'Episode 12: Listening with a pen in hand',
    });
    const other = 'https://other.example/episodes/1';
    setPage(
      pageState({
        url: other,
        detection: {
          kind: 'episode',
          platform: 'generic',
          score: 1,
          evidence: [],
          episode: { title: 'Another show, episode 1', show: 'Another show', url: other },
        },
      }),
    );
    onTabChange();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Another show, episode 1' }),
    ).toBeTruthy();
  });
});

describe('the popup and the side panel', () => {
  it('offers to move to the side panel where the browser has one', async () => {
    const { api } = fakeApi();
    const openSidePanel = vi.fn(async () => undefined);
    api.openSidePanel = openSidePanel;
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in side panel' }));
    expect(openSidePanel).toHaveBeenCalledWith(7);
    await waitFor(() => expect(close).toHaveBeenCalled());
    close.mockRestore();
  });

  it('does not offer it where there is none', async () => {
    const { api } = fakeApi();
    api.openSidePanel = null;
    render(<Popup api={api} />);
    await screen.findByRole('button', { name: 'Save selection as quote' });
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
  });
});

describe('a highlight clicked on the page', () => {
  const quotes = Array.from({ length: 300 }, (_, i) => ({
    text: `Quote number ${i + 1}`,
    timeSec: i * 10,
  }));

  /** The list row holding a quote's words. */
  const rowOf = (text: string) => screen.getByText(text).closest('li');

  it('opens the popup at that quote when the click could not open a panel', async () => {
    const { api, clickHighlight } = fakeApi();
    const { quotes: saved } = await seedEpisode(api.store, quotes);
    const asked = saved.find((q) => q.text === 'Quote number 280')!;
    // Asked before the popup opened (Firefox: the page said to click the toolbar button).
    clickHighlight(asked.id);
    render(<Popup api={api} />);
    await waitFor(() => expect(document.activeElement).toBe(rowOf('Quote number 280')));
    expect(api.takeQuoteFocus).toHaveBeenCalledWith(7);
  });

  it('scrolls the open side panel to each quote clicked, one after another', async () => {
    const { api, clickHighlight } = fakeApi();
    const { quotes: saved } = await seedEpisode(api.store, quotes);
    render(<EpisodeScreen api={api} mode="panel" />);
    await screen.findByText('Quote number 1');
    expect(document.activeElement).toBe(document.body);

    clickHighlight(saved.find((q) => q.text === 'Quote number 250')!.id);
    await waitFor(() => expect(document.activeElement).toBe(rowOf('Quote number 250')));
    clickHighlight(saved.find((q) => q.text === 'Quote number 3')!.id);
    await waitFor(() => expect(document.activeElement).toBe(rowOf('Quote number 3')));
    // Another tab's click is not this panel's business.
    clickHighlight(saved.find((q) => q.text === 'Quote number 100')!.id, 99);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(rowOf('Quote number 3'));
  });

  it('shows a quote saved after the panel read its list', async () => {
    const { api, clickHighlight } = fakeApi();
    await seedEpisode(api.store, quotes.slice(0, 3));
    render(<EpisodeScreen api={api} mode="panel" />);
    await screen.findByText('Quote number 1');
    const { quote } = await api.store.saveCapture({
      seed: SEED,
      text: 'Saved by the shortcut a moment ago',
      timeSec: 5,
      anchor: null,
      speakerName: null,
    });
    clickHighlight(quote.id);
    await waitFor(() =>
      expect(document.activeElement).toBe(rowOf('Saved by the shortcut a moment ago')),
    );
  });
});
