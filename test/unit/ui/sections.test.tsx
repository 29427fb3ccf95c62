import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/ui/popup/Popup';
import { eventually, fakeApi, seedEpisode, showOverview } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

/** Two quotes; the first filed under `firstIn` when given. */
async function open(
  sections: { id: string; heading: string; notes: string }[] = [],
  firstIn: string | null = null,
) {
  const { api } = fakeApi();
  const { episode, quotes } = await seedEpisode(api.store, [
    { text: 'About forgetting', timeSec: 5 },
    { text: 'About timestamps', timeSec: 65 },
  ]);
  await api.store.updateEpisode(episode.id, { sections });
  await api.store.updateQuote(quotes[0]!.id, { sectionId: firstIn });
  render(<Popup api={api} />);
  await showOverview();
  const part = await screen.findByRole('region', { name: 'Sections' });
  const stored = () => api.store.episode(episode.id).then((e) => e!.sections);
  return { api, episode, part, stored };
}

const THREE = [
  { id: 's1', heading: 'Why we forget', notes: '' },
  { id: 's2', heading: 'Writing while listening', notes: '' },
  { id: 's3', heading: 'Timestamps as an index', notes: '' },
];

describe('sections', () => {
  it('explains what sections are for when there are none', async () => {
    const { part } = await open();
    expect(within(part).getByText(/No sections yet\. Add one for each part/)).toBeTruthy();
  });

  it('adds a section with the cursor in its heading, and saves heading and notes as typed', async () => {
    const { part, stored } = await open();
    fireEvent.click(within(part).getByRole('button', { name: 'Add section' }));
    const heading = await within(part).findByLabelText('Heading of section 1');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.input(heading, { target: { value: 'Why we forget' } });
    fireEvent.blur(heading);
    const notes = await within(part).findByLabelText('Notes: Why we forget');
    fireEvent.input(notes, { target: { value: 'Most of it is gone by morning.' } });
    await eventually(stored, (sections) =>
      expect(sections.map(({ heading, notes }) => ({ heading, notes }))).toEqual([
        { heading: 'Why we forget', notes: 'Most of it is gone by morning.' },
      ]),
    );
  });

  it('reorders with up and down buttons that keep keyboard focus on the moved section', async () => {
    const { part, stored } = await open(THREE);
    const up = within(part).getByRole('button', { name: 'Move Timestamps as an index up' });
    up.focus();
    fireEvent.click(up);
    await eventually(stored, (s) => expect(s.map((x) => x.id)).toEqual(['s1', 's3', 's2']));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(part).getByRole('button', { name: 'Move Timestamps as an index up' }),
      ),
    );
    fireEvent.click(document.activeElement as HTMLElement);
    await eventually(stored, (s) => expect(s.map((x) => x.id)).toEqual(['s3', 's1', 's2']));
    // At the top its "up" is disabled, so focus moves to its "down".
    const down = within(part).getByRole('button', { name: 'Move Timestamps as an index down' });
    await waitFor(() => expect(document.activeElement).toBe(down));
    expect(
      (
        within(part).getByRole('button', {
          name: 'Move Timestamps as an index up',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    const headings = within(part)
      .getAllByRole('textbox', { name: /^Heading of section/ })
      .map((input) => (input as HTMLInputElement).value);
    expect(headings).toEqual([
      'Timestamps as an index',
      'Why we forget',
      'Writing while listening',
    ]);
  });

  it('shows the quotes filed under a section', async () => {
    const { api, episode, part } = await open(THREE);
    const quotes = await api.store.quotesForEpisode(episode.id);
    // The popup's quotes are one tab away; the newest one is open.
    fireEvent.click(screen.getByRole('tab', { name: 'Quotes (2)' }));
    const list = screen.getByRole('list', { name: 'Quotes' });
    const row = within(list).getByText('About timestamps').closest('li')!;
    fireEvent.change(within(row).getByLabelText('Section'), { target: { value: 's3' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await waitFor(() => expect(within(part).getByText('Quotes filed here: 1')).toBeTruthy());
    expect(within(part).getAllByText('About timestamps')).toHaveLength(1);
    expect(quotes).toHaveLength(2);
  });

  it('removes a section but keeps its quotes, unfiled; Undo puts both back', async () => {
    const { api, episode, part, stored } = await open(THREE, 's2');
    fireEvent.click(within(part).getByRole('button', { name: 'Remove Writing while listening' }));
    await waitFor(() =>
      expect(
        screen.getByText(/Removed Writing while listening\. Its quotes are kept/),
      ).toBeTruthy(),
    );
    expect((await stored()).map((s) => s.id)).toEqual(['s1', 's3']);
    expect((await api.store.quotesForEpisode(episode.id)).map((q) => q.sectionId)).toEqual([
      null,
      null,
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await eventually(stored, (s) => expect(s.map((x) => x.id)).toEqual(['s1', 's2', 's3']));
    await eventually(
      () => api.store.quotesForEpisode(episode.id),
      (q) => expect(q.map((x) => x.sectionId)).toEqual(['s2', null]),
    );
  });
});
