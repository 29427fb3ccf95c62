import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpisodeScreen } from '../../../src/ui/editor/EpisodeScreen';
import { eventually, fakeApi, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const TITLE = 'Episode 12: Listening with a pen in hand';

/** The side panel opened from the library's Edit link: `?episode=ID`, and no tab at all. */
async function openStored() {
  const { api } = fakeApi({ tabId: null });
  const { episode } = await seedEpisode(api.store, [
    { text: 'Said at ten seconds', timeSec: 10 },
    { text: 'Said at an unknown moment', timeSec: null },
  ]);
  const opened = fakeApi({ store: api.store, tabId: null, episodeId: episode.id }).api;
  render(<EpisodeScreen api={opened} mode="panel" />);
  await screen.findByRole('heading', { level: 1, name: TITLE });
  return { api: opened, episode };
}

describe('the side panel opened for a stored episode (?episode=ID)', () => {
  it('shows that episode’s editor from the library, without asking for a tab or its page', async () => {
    const { api } = await openStored();
    expect(screen.getByText('Said at ten seconds')).toBeTruthy();
    expect(await screen.findByLabelText('My 2 cents')).toBeTruthy();
    expect(api.targetTab).not.toHaveBeenCalled();
    expect(api.readPage).not.toHaveBeenCalled();
    expect(api.highlightStatus).not.toHaveBeenCalled();
  });

  it('keeps the times but disables playing them, and says the episode page isn’t open', async () => {
    const { api } = await openStored();
    const play = screen.getByRole('button', { name: 'Play from 0:00:10' }) as HTMLButtonElement;
    expect(play.disabled).toBe(true);
    expect(play.title).toBe("The episode page isn't open: open it to play from this moment.");
    // Also in words, for keyboards and screen readers: a disabled button takes no focus.
    expect(
      screen.getByText("The episode page isn't open: open it to play from this moment."),
    ).toBeTruthy();
    fireEvent.click(play);
    expect(api.seek).not.toHaveBeenCalled();
  });

  it('offers export but no capture: there is no page to save a selection from', async () => {
    await openStored();
    expect(screen.getByRole('button', { name: 'Export Markdown' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save selection as quote' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open library' })).toBeTruthy();
  });

  it('saves edits to the stored episode, with no page to redraw', async () => {
    const { api, episode } = await openStored();
    const note = within(screen.getByText('Said at ten seconds').closest('li')!).getByLabelText(
      'My note',
    );
    fireEvent.input(note, { target: { value: 'Edited from the library' } });
    await eventually(
      async () => (await api.store.quotesForEpisode(episode.id)).find((q) => q.timeSec === 10),
      (q) => expect(q?.note).toBe('Edited from the library'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete the quote 0:00:10' }));
    await screen.findByText('Quote deleted.', { exact: false });
    expect(api.refreshHighlights).not.toHaveBeenCalled();
  });

  it('says so when the episode is no longer in the library', async () => {
    const { api } = fakeApi({ tabId: null, episodeId: 'ep-deleted' });
    render(<EpisodeScreen api={api} mode="panel" />);
    expect(
      await screen.findByText(
        'This episode is no longer in your library. It may have been deleted.',
      ),
    ).toBeTruthy();
  });
});
