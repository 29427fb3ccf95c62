import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsReply } from '../../../src/messages/schemas';
import { Popup } from '../../../src/ui/popup/Popup';
import { eventually, fakeApi, seedEpisode, openQuoteRow } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const EXPLANATION =
  "Earmark couldn't find these words on the page, so they aren't highlighted (the page may " +
  'have changed). The quote is kept, not deleted.';

/**
 * The popup on the episode's tab (7), whose page found the quotes `found` and not the rest;
 * `status` replaces the page's answer altogether.
 */
async function open(
  options: {
    found?: string[];
    status?: (quoteIds: string[]) => Promise<HighlightsReply | null>;
  } = {},
) {
  const { api } = fakeApi();
  const { episode, quotes } = await seedEpisode(api.store, [
    { text: 'Still on the page', timeSec: 10 },
    { text: 'Cut from the transcript since', timeSec: 20 },
  ]);
  const found = new Set(options.found ?? quotes.map((q) => q.text));
  const status = (): HighlightsReply => ({
    episodeId: episode.id,
    placed: [],
    orphans: quotes.filter((q) => !found.has(q.text)).map((q) => q.id),
  });
  const answer = options.status;
  api.highlightStatus.mockImplementation(
    answer ? () => answer(quotes.map((q) => q.id)) : async () => status(),
  );
  render(<Popup api={api} />);
  const list = await screen.findByRole('list', { name: 'Quotes' });
  // The popup's rows are short until opened: open the one a test acts on.
  const row = (text: string) => openQuoteRow(within(list).getByText(text).closest('li')!);
  return { api, episode, found, row };
}

/** Time for a reply to arrive and the view to render what it says. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The view's one live message (Notice.tsx). */
const notice = () => document.querySelector('.notice')!;

const orphanBadge = (row: HTMLElement) => within(row).queryByText('Not found on this page');

describe('quotes the page could not find (orphans)', () => {
  it('asks the page when the editor opens, and marks those it could not find', async () => {
    const { api, row } = await open({ found: ['Still on the page'] });
    await waitFor(() => expect(api.highlightStatus).toHaveBeenCalledWith(7));
    const orphan = row('Cut from the transcript since');
    await waitFor(() => expect(orphanBadge(orphan)).toBeTruthy());
    expect(orphanBadge(row('Still on the page'))).toBeNull();
    // The why, for the mouse (a tooltip) and for screen readers (read with the badge).
    const note = orphan.querySelector('.orphan')!;
    expect(note.getAttribute('title')).toBe(EXPLANATION);
    expect(note.textContent).toBe(`Not found on this page ${EXPLANATION}`);
  });

  it('keeps an orphan listed, editable and in the store: marked, never hidden or deleted', async () => {
    const { api, episode, row } = await open({ found: [] });
    await waitFor(() => expect(orphanBadge(row('Cut from the transcript since'))).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'Quotes (2)' })).toBeTruthy();
    expect(within(row('Cut from the transcript since')).getByLabelText('My note')).toBeTruthy();
    expect(await api.store.quotesForEpisode(episode.id)).toHaveLength(2);
  });

  it('marks nothing when the tab’s last pass was about another episode', async () => {
    const { api } = await open({
      // Every quote would be an orphan, were the reply about this episode.
      status: async (ids) => ({ episodeId: 'ep-other', placed: [], orphans: ids }),
    });
    await waitFor(() => expect(api.highlightStatus).toHaveBeenCalled());
    await settled();
    expect(document.querySelector('.orphan')).toBeNull();
  });

  it('marks nothing when the page has not reported yet or cannot be asked', async () => {
    for (const answer of [async () => null, () => Promise.reject(new Error('No background.'))]) {
      const { api } = await open({ status: answer });
      await waitFor(() => expect(api.highlightStatus).toHaveBeenCalled());
      await settled();
      expect(document.querySelector('.orphan')).toBeNull();
      expect(notice().textContent).toBe('');
      cleanup();
    }
  });
});

describe('keeping the page’s highlights in step with the editor', () => {
  it('tells the page to redraw after a quote is deleted, and again after Undo', async () => {
    const { api, row } = await open();
    fireEvent.click(
      within(row('Still on the page')).getByRole('button', { name: 'Delete the quote 0:00:10' }),
    );
    await waitFor(() => expect(api.refreshHighlights).toHaveBeenCalledTimes(1));
    expect(api.refreshHighlights).toHaveBeenCalledWith(7);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByText('Still on the page');
    await waitFor(() => expect(api.refreshHighlights).toHaveBeenCalledTimes(2));
  });

  it('tells it after the words of a quote change, not after a note or a speaker', async () => {
    const { api, episode, row } = await open();
    const quote = row('Still on the page');
    fireEvent.input(within(quote).getByLabelText('My note'), { target: { value: 'A note' } });
    await eventually(
      async () => (await api.store.quotesForEpisode(episode.id)).find((q) => q.timeSec === 10),
      (q) => expect(q?.note).toBe('A note'),
    );
    expect(api.refreshHighlights).not.toHaveBeenCalled();

    fireEvent.click(within(quote).getByRole('button', { name: 'Edit text of the quote 0:00:10' }));
    const text = await within(quote).findByLabelText('Quote text');
    fireEvent.input(text, { target: { value: 'Still on the page, reworded' } });
    fireEvent.blur(text);
    await waitFor(() => expect(api.refreshHighlights).toHaveBeenCalledWith(7));
  });

  it('reads the page again after it redrew, so a quote found again loses its mark', async () => {
    const { api, found, row } = await open({ found: ['Still on the page'] });
    await waitFor(() => expect(orphanBadge(row('Cut from the transcript since'))).toBeTruthy());
    found.add('Cut from the transcript since');
    fireEvent.click(
      within(row('Still on the page')).getByRole('button', { name: 'Delete the quote 0:00:10' }),
    );
    await waitFor(() => expect(api.refreshHighlights).toHaveBeenCalled());
    await waitFor(() => expect(orphanBadge(row('Cut from the transcript since'))).toBeNull());
  });

  it('ignores a page that is gone: the change is saved, and nothing is reported as failed', async () => {
    const { api, episode, row } = await open();
    api.refreshHighlights.mockRejectedValue(new Error('Could not establish connection.'));
    fireEvent.click(
      within(row('Still on the page')).getByRole('button', { name: 'Delete the quote 0:00:10' }),
    );
    await waitFor(() => expect(api.refreshHighlights).toHaveBeenCalled());
    expect(notice().textContent).toContain('Quote deleted.');
    expect(notice().classList.contains('error')).toBe(false);
    expect(await api.store.quotesForEpisode(episode.id)).toHaveLength(1);
  });
});
