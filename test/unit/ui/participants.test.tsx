import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/ui/popup/Popup';
import { eventually, fakeApi, seedEpisode, showOverview } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

async function openWith(quotes: Parameters<typeof seedEpisode>[1] = []) {
  const { api } = fakeApi();
  const { episode } = await seedEpisode(api.store, quotes);
  render(<Popup api={api} />);
  await screen.findByLabelText('My 2 cents');
  await showOverview();
  const part = screen.getByRole('region', { name: 'Participants' });
  const stored = () => api.store.episode(episode.id).then((e) => e!.participants);
  return { api, episode, part, stored };
}

async function add(part: HTMLElement, name: string, role: string) {
  fireEvent.input(within(part).getByLabelText("New participant's name"), {
    target: { value: name },
  });
  fireEvent.change(within(part).getByLabelText("New participant's role"), {
    target: { value: role },
  });
  fireEvent.click(within(part).getByRole('button', { name: 'Add participant' }));
  await within(part).findByRole('button', { name: `Remove ${name}` });
}

describe('participants', () => {
  it('tells a new person what the list is for when it is empty', async () => {
    const { part } = await openWith();
    expect(within(part).getByText(/No one yet\. Add the host and the guests/)).toBeTruthy();
  });

  it('adds people with their roles, and puts the cursor on the new name', async () => {
    const { part, stored } = await openWith();
    await add(part, 'Ada Park', 'host');
    await add(part, 'Sam Rivera', 'guest');
    expect((await stored()).map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'Ada Park', role: 'host' },
      { name: 'Sam Rivera', role: 'guest' },
    ]);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(part).getByDisplayValue('Sam Rivera')),
    );
  });

  it('refuses to add someone without a name, and says how', async () => {
    const { part, stored } = await openWith();
    fireEvent.click(within(part).getByRole('button', { name: 'Add participant' }));
    expect(within(part).getByRole('alert').textContent).toBe(
      'Type a name. To take someone off the list, press Remove.',
    );
    expect(await stored()).toEqual([]);
  });

  it('renames a person and changes their role', async () => {
    const { part, stored } = await openWith();
    await add(part, 'Ada', 'guest');
    fireEvent.input(within(part).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Ada Park' },
    });
    fireEvent.change(within(part).getByLabelText('Role of Ada'), { target: { value: 'co-host' } });
    await eventually(stored, (people) =>
      expect(people.map(({ name, role }) => ({ name, role }))).toEqual([
        { name: 'Ada Park', role: 'co-host' },
      ]),
    );
  });

  it('keeps the quotes of a removed person, unattributed, and Undo gives them back', async () => {
    const { api, episode, part, stored } = await openWith([
      { text: 'First', timeSec: 1, speaker: 'Sam Rivera' },
      { text: 'Second', timeSec: 2, speaker: 'Sam Rivera' },
      { text: 'Third', timeSec: 3, speaker: 'Ada Park' },
    ]);
    fireEvent.click(within(part).getByRole('button', { name: 'Remove Sam Rivera' }));
    await waitFor(() =>
      expect(
        screen.getByText(/Removed Sam Rivera\. Quotes kept, now without a speaker: 2\./),
      ).toBeTruthy(),
    );
    const quotes = await api.store.quotesForEpisode(episode.id);
    expect(quotes.map((q) => q.text)).toEqual(['First', 'Second', 'Third']);
    const ada = (await stored()).find((p) => p.name === 'Ada Park')!;
    expect(quotes.map((q) => q.speakerId)).toEqual([null, null, ada.id]);
    expect((await stored()).map((p) => p.name)).toEqual(['Ada Park']);

    // Focus moves to Undo: the Remove button pressed is gone.
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await eventually(stored, (people) =>
      expect(people.map((p) => p.name)).toEqual(['Sam Rivera', 'Ada Park']),
    );
    const sam = (await stored())[0]!;
    await eventually(
      () => api.store.quotesForEpisode(episode.id),
      (restored) => expect(restored.map((q) => q.speakerId)).toEqual([sam.id, sam.id, ada.id]),
    );
  });

  it('offers people the page names who are not on the list yet', async () => {
    const { part, stored } = await openWith();
    fireEvent.click(within(part).getByRole('button', { name: 'Add Sam Rivera' }));
    await eventually(stored, (people) =>
      expect(people.map(({ name, role }) => ({ name, role }))).toEqual([
        { name: 'Sam Rivera', role: 'guest' },
      ]),
    );
    await waitFor(() =>
      expect(within(part).queryByRole('button', { name: 'Add Sam Rivera' })).toBeNull(),
    );
  });
});
