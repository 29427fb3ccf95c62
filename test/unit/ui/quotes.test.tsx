import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpisodeScreen } from '../../../src/ui/editor/EpisodeScreen';
import { Popup } from '../../../src/ui/popup/Popup';
import { eventually, fakeApi, seedEpisode, openQuoteRow } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

/** Three quotes saved out of playback order, the last one without a time. */
async function open() {
  const { api } = fakeApi();
  const { episode } = await seedEpisode(api.store, [
    { text: 'Said at two minutes', timeSec: 120, speaker: 'Ada Park' },
    { text: 'Said at ten seconds', timeSec: 10, speaker: 'Sam Rivera' },
    { text: 'Said at an unknown moment', timeSec: null },
  ]);
  await api.store.updateEpisode(episode.id, {
    sections: [{ id: 'sec-1', heading: 'Why notes fade', notes: '' }],
  });
  render(<Popup api={api} />);
  const list = await screen.findByRole('list', { name: 'Quotes' });
  const stored = async (text: string) =>
    (await api.store.quotesForEpisode(episode.id)).find((q) => q.text === text)!;
  // The popup's rows are short until opened: open the one a test acts on.
  const row = (text: string) => openQuoteRow(within(list).getByText(text).closest('li')!);
  return { api, episode, list, stored, row };
}

const texts = (list: HTMLElement) =>
  [...list.querySelectorAll('blockquote')].map((b) => b.textContent);

describe('quotes', () => {
  it('lists the newest first in the popup, or in playback order, untimed ones last', async () => {
    const { list } = await open();
    expect(screen.getByRole('heading', { name: 'Quotes (3)' })).toBeTruthy();
    expect(texts(list)).toEqual([
      'Said at an unknown moment',
      'Said at ten seconds',
      'Said at two minutes',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Playback order' }));
    expect(texts(screen.getByRole('list', { name: 'Quotes' }))).toEqual([
      'Said at ten seconds',
      'Said at two minutes',
      'Said at an unknown moment',
    ]);
  });

  it('lists them in playback order in the side panel, or in the order they were saved', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [
      { text: 'Said at two minutes', timeSec: 120 },
      { text: 'Said at ten seconds', timeSec: 10 },
      { text: 'Said at an unknown moment', timeSec: null },
    ]);
    render(<EpisodeScreen api={api} mode="panel" />);
    const list = await screen.findByRole('list', { name: 'Quotes' });
    expect(texts(list)).toEqual([
      'Said at ten seconds',
      'Said at two minutes',
      'Said at an unknown moment',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Order saved' }));
    expect(texts(screen.getByRole('list', { name: 'Quotes' }))).toEqual([
      'Said at two minutes',
      'Said at ten seconds',
      'Said at an unknown moment',
    ]);
  });

  it('shows "no time" for a quote whose moment is unknown, never 0:00', async () => {
    const { row } = await open();
    expect(within(row('Said at an unknown moment')).getByText('no time')).toBeTruthy();
    expect(
      within(row('Said at an unknown moment')).queryByRole('button', { name: /Play from/ }),
    ).toBeNull();
  });

  it('attributes a quote to a participant and files it in a section', async () => {
    const { stored, row } = await open();
    const quote = row('Said at ten seconds');
    const speaker = within(quote).getByLabelText('Speaker') as HTMLSelectElement;
    expect(speaker.selectedOptions[0]?.text).toBe('Sam Rivera (Guest)');
    const ada = [...speaker.options].find((o) => o.text.startsWith('Ada Park'))!;
    fireEvent.change(speaker, { target: { value: ada.value } });
    fireEvent.change(within(quote).getByLabelText('Section'), { target: { value: 'sec-1' } });
    await eventually(
      () => stored('Said at ten seconds'),
      (q) => expect(q).toMatchObject({ speakerId: ada.value, sectionId: 'sec-1' }),
    );
    fireEvent.change(within(quote).getByLabelText('Speaker'), { target: { value: '' } });
    await eventually(
      () => stored('Said at ten seconds'),
      (q) => expect(q.speakerId).toBeNull(),
    );
  });

  it('saves the person’s own note on a quote as they type', async () => {
    const { stored, row } = await open();
    const note = within(row('Said at two minutes')).getByLabelText('My note');
    fireEvent.input(note, { target: { value: 'The thesis of the episode' } });
    await eventually(
      () => stored('Said at two minutes'),
      (q) => expect(q.note).toBe('The thesis of the episode'),
    );
  });

  it('corrects a quote’s words, and refuses to empty them', async () => {
    const { stored, row } = await open();
    const quote = row('Said at two minutes');
    fireEvent.click(within(quote).getByRole('button', { name: 'Edit text of the quote 0:02:00' }));
    const text = await within(quote).findByLabelText('Quote text');
    await waitFor(() => expect(document.activeElement).toBe(text));
    fireEvent.input(text, { target: { value: '' } });
    fireEvent.blur(text);
    expect(
      within(quote).getByText('A quote needs its words. To get rid of it, press Delete.'),
    ).toBeTruthy();
    fireEvent.input(text, { target: { value: 'Said at exactly two minutes' } });
    fireEvent.click(within(quote).getByRole('button', { name: /Done editing the quote/ }));
    await eventually(
      async () => (await stored('Said at exactly two minutes'))?.timeSec,
      (time) => expect(time).toBe(120),
    );
    expect(quote.querySelector('blockquote')?.textContent).toBe('Said at exactly two minutes');
  });

  it('deletes a quote with Undo', async () => {
    const { api, episode, row } = await open();
    fireEvent.click(
      within(row('Said at ten seconds')).getByRole('button', { name: 'Delete the quote 0:00:10' }),
    );
    await waitFor(() =>
      expect(document.querySelector('.notice')?.textContent).toContain('Quote deleted.'),
    );
    expect(screen.queryByText('Said at ten seconds')).toBeNull();
    expect((await api.store.quotesForEpisode(episode.id)).map((q) => q.text)).not.toContain(
      'Said at ten seconds',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Said at ten seconds')).toBeTruthy();
    const restored = (await api.store.quotesForEpisode(episode.id)).find(
      (q) => q.text === 'Said at ten seconds',
    );
    expect(restored).toMatchObject({ timeSec: 10, order: 1 });
  });

  it('tells a new person how to capture when there are no quotes', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store);
    render(<Popup api={api} />);
    const region = await screen.findByRole('region', { name: 'Quotes' });
    expect(
      within(region).getByText(/No quotes yet\. Play the episode, highlight words on the page/),
    ).toBeTruthy();
  });
});
