import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_NEWEST } from '../../../src/ui/editor/first-quotes';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, pageState, SEED, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const TITLE = 'Episode 12: Listening with a pen in hand';

describe('the popup on an episode page', () => {
  it("reads the first screen while the page answers, by the tab's address: one read", async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'Read early.', timeSec: 5 }]);
    const glance = vi.spyOn(api.store, 'episodeGlance');
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const readPage = api.readPage;
    api.readPage = async (tabId) => {
      await answered;
      return readPage(tabId);
    };
    render(<Popup api={api} />);
    // Before the page has answered, the store is read for the tab's address.
    await waitFor(() => expect(glance).toHaveBeenCalledTimes(1));
    answer();
    expect(await screen.findByText('Read early.')).toBeTruthy();
    expect(glance).toHaveBeenCalledTimes(1);
  });

  it("shows the page's episode when the tab's address names another", async () => {
    const { api } = fakeApi({ tabUrl: 'https://margin-notes.example/redirected-from' });
    await seedEpisode(api.store, [{ text: "The page's own episode.", timeSec: 5 }]);
    const glance = vi.spyOn(api.store, 'episodeGlance');
    render(<Popup api={api} />);
    expect(await screen.findByText("The page's own episode.")).toBeTruthy();
    expect(glance).toHaveBeenCalledTimes(2);
  });

  it('reads after the answer where the browser gives no address', async () => {
    const { api } = fakeApi({ tabUrl: null });
    await seedEpisode(api.store, [{ text: 'Read after.', timeSec: 5 }]);
    const glance = vi.spyOn(api.store, 'episodeGlance');
    render(<Popup api={api} />);
    expect(await screen.findByText('Read after.')).toBeTruthy();
    expect(glance).toHaveBeenCalledTimes(1);
  });

  it('tells a new person how to save their first quote, before anything is stored', async () => {
    const { api } = fakeApi();
    render(<Popup api={api} />);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    expect(screen.getByText('The Margin Notes Podcast')).toBeTruthy();
    expect(screen.getByText(/No quotes yet\. Play the episode, highlight words/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save selection as quote' })).toBeTruthy();
    expect(await api.store.listEpisodes()).toEqual([]);
  });

  it('starts notes without a quote when asked, linking the episode once, not as a reference', async () => {
    const { api } = fakeApi();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start notes for this episode' }));
    expect(await screen.findByLabelText('My 2 cents')).toBeTruthy();
    const [stored] = await api.store.listEpisodes();
    expect(stored?.title).toBe(TITLE);
    expect(stored?.references).toEqual([]);
    expect(screen.queryByDisplayValue('https://margin-notes.example/episodes/12')).toBeNull();
  });

  it('saves the selection as a quote, says at what time, and lists it', async () => {
    const { api, setPage } = fakeApi();
    setPage(
      pageState({
        timeSec: 62.5,
        selection: {
          text: 'Write down the words that surprised you.',
          anchor: {
            quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
            position: null,
            timeSec: 62.5,
          },
          speaker: 'Sam Rivera',
        },
      }),
    );
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save selection as quote' }));
    await waitFor(() => expect(screen.getByText('Saved at 0:01:02.')).toBeTruthy());
    expect(await screen.findByText('Write down the words that surprised you.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play from 0:01:02' })).toBeTruthy();
    // The speaker named on the page became a participant and the quote's speaker.
    expect((screen.getByLabelText('Speaker') as HTMLSelectElement).selectedOptions[0]?.text).toBe(
      'Sam Rivera (Guest)',
    );
  });

  it('says what went wrong when the selection cannot be saved', async () => {
    const { api } = fakeApi();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save selection as quote' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Nothing is selected.'),
    );
  });

  it('asks for a podcast page when there is no tab to read', async () => {
    const { api } = fakeApi({ tabId: null });
    render(<Popup api={api} />);
    expect(
      await screen.findByText('Open a podcast page in this window, then click the Earmark icon.'),
    ).toBeTruthy();
  });

  it('passes on the reason when the page cannot be read', async () => {
    const { api } = fakeApi();
    api.readPage = vi.fn(async () => {
      throw new Error('Earmark cannot read this page.');
    });
    render(<Popup api={api} />);
    expect(await screen.findByText('Earmark cannot read this page.')).toBeTruthy();
  });

  it('plays the page from a quote when its time is pressed', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'At a minute and five', timeSec: 65 }]);
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Play from 0:01:05' }));
    expect(api.seek).toHaveBeenCalledWith(7, 65);
  });

  it('says so when the page could not be told to play', async () => {
    const { api } = fakeApi();
    api.seek.mockRejectedValue(new Error('The page did not answer.'));
    await seedEpisode(api.store, [{ text: 'At a minute and five', timeSec: 65 }]);
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Play from 0:01:05' }));
    expect(
      await screen.findByText(
        "Couldn't play from that moment: The page did not answer. Is the episode page still open?",
      ),
    ).toBeTruthy();
  });
});

describe('marking a moment on a player with nothing to select', () => {
  it('saves the time without words and opens the new quote for typing them', async () => {
    const { api, setPage } = fakeApi();
    setPage(pageState({ timeSec: 62.5, selection: null }));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark this moment' }));
    await waitFor(() =>
      expect(
        screen.getByText('Marked 0:01:02. Type or paste the words into the new quote below.'),
      ).toBeTruthy(),
    );
    const text = await screen.findByPlaceholderText('What was said at this moment');
    expect(document.activeElement).toBe(text);
    const [quote] = await api.store.quotesForEpisode((await api.store.listEpisodes())[0]!.id);
    expect(quote).toMatchObject({ text: '', timeSec: 62.5, anchor: null });
  });

  it('says why when the player time cannot be read', async () => {
    const { api, setPage } = fakeApi();
    setPage(pageState({ timeSec: null, selection: null }));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark this moment' }));
    await waitFor(() => expect(screen.getByText('No time to mark.')).toBeTruthy());
    expect(await api.store.listEpisodes()).toEqual([]);
  });
});

describe('the popup on an episode with a long list of quotes', () => {
  it('draws the first screen at once, counting them all, and the rest once read', async () => {
    const { api } = fakeApi();
    const many = Array.from({ length: 300 }, (_, i) => ({ text: `Quote ${i + 1}`, timeSec: i }));
    await seedEpisode(api.store, many);
    // Reading the whole list waits until the test lets it finish.
    let finishReading: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (finishReading = resolve));
    const readAll = api.store.quotesForEpisode;
    api.store = {
      ...api.store,
      quotesForEpisode: async (id) => {
        await reading;
        return readAll(id);
      },
    };

    render(<Popup api={api} />);
    expect(await screen.findByRole('heading', { name: 'Quotes (300)' })).toBeTruthy();
    // The first screen read: the newest quotes (issue 16), newest first, as the popup lists.
    const firstRows = screen.getAllByRole('listitem');
    expect(firstRows[0]!.textContent).toMatch(/Quote 300(?!\d)/);
    expect(firstRows[1]!.textContent).toMatch(/Quote 299(?!\d)/);
    expect(firstRows[0]!.getAttribute('aria-setsize')).toBe('300');
    expect(firstRows.length).toBeLessThanOrEqual(FIRST_SCREEN_NEWEST);
    // The newest is open at its note before the rest is read.
    expect(screen.getAllByRole('textbox', { name: 'My note' })).toHaveLength(1);

    finishReading();
    // The whole list, windowed: the newest on top, and scrolled to its end, the oldest drawn.
    await waitFor(() =>
      expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('Quote 300'),
    );
    const list = await screen.findByRole('list', { name: 'Quotes' });
    await waitFor(() => {
      const box = list.parentElement!;
      box.scrollTop = 1e9;
      fireEvent.scroll(box);
      expect(screen.getByText('Quote 1')).toBeTruthy();
    });
  });
});

describe('the popup on a page that is not an episode (issue 20)', () => {
  const news = pageState({
    url: SEED.url,
    title: 'A news article',
    detection: { kind: 'none', platform: null, score: 0, evidence: [] },
  });

  it('after a quote is saved, stays a page you saved quotes from, not the episode editor', async () => {
    const { api } = fakeApi({ page: news });
    await api.store.saveCapture({
      seed: { ...SEED, kind: 'page', show: '' },
      text: 'A sentence from the article.',
      timeSec: null,
      anchor: null,
      speakerName: null,
    });
    render(<Popup api={api} />);
    expect(
      await screen.findByText('A page you saved quotes from (not a podcast episode)'),
    ).toBeTruthy();
    expect(screen.getByText('A sentence from the article.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Participants' })).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Write an overview of this page' }));
    expect(await screen.findByLabelText('My 2 cents')).toBeTruthy();
  });

  it('opens the overview at once when the person starts notes on the page', async () => {
    const { api } = fakeApi({ page: news });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start notes for this episode' }));
    expect(await screen.findByLabelText('My 2 cents')).toBeTruthy();
    expect(screen.getByText('A page you saved quotes from (not a podcast episode)')).toBeTruthy();
    expect((await api.store.listEpisodes())[0]?.kind).toBe('page');
  });

  it('an episode record shows no page label and the whole editor', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'Words.', timeSec: 3 }]);
    render(<Popup api={api} />);
    expect(await screen.findByLabelText('My 2 cents')).toBeTruthy();
    expect(screen.queryByText(/A page you saved quotes from/)).toBeNull();
  });
});
