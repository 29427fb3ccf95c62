import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpisodeScreen } from '../../../src/ui/editor/EpisodeScreen';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

describe('the way to the library', () => {
  it('opens the library (the options page) from the popup', async () => {
    const { api } = fakeApi();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open library' }));
    expect(api.openLibrary).toHaveBeenCalledTimes(1);
  });

  it('opens it from the side panel, beside the episode being edited', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'A quote to look up later', timeSec: 4 }]);
    render(<EpisodeScreen api={api} mode="panel" />);
    await screen.findByText('A quote to look up later');
    fireEvent.click(screen.getByRole('button', { name: 'Open library' }));
    expect(api.openLibrary).toHaveBeenCalledTimes(1);
  });

  it('is there on a page that is no podcast, where the popup has nothing else to offer', async () => {
    const { api } = fakeApi({ tabId: null });
    render(<Popup api={api} />);
    await screen.findByText('Open a podcast page in this window, then click the Earmark icon.');
    fireEvent.click(screen.getByRole('button', { name: 'Open library' }));
    expect(api.openLibrary).toHaveBeenCalledTimes(1);
  });

  it('says so when the browser would not open it', async () => {
    const { api } = fakeApi();
    api.openLibrary.mockRejectedValue(new Error('No options page.'));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open library' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "Couldn't open the library: No options page.",
      ),
    );
  });
});
