import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/ui/popup/Popup';
import { EPISODE_URL, eventually, fakeApi, seedEpisode, showOverview } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const ADDED = { title: 'Zettelkasten', url: 'https://zettelkasten.de/introduction/' };

/** The popup on the episode, its overview shown; `references` as the person added them. */
async function open(references: { title: string; url: string }[] = []) {
  const { api } = fakeApi();
  const { episode } = await seedEpisode(api.store);
  await api.store.updateEpisode(episode.id, { references });
  render(<Popup api={api} />);
  await screen.findByLabelText('My 2 cents');
  const overview = await showOverview();
  const stored = () => api.store.episode(episode.id).then((e) => e!);
  return { api, episode, stored, overview };
}

describe('the episode header', () => {
  it('names the episode in one line, and has its date, duration and link in the overview', async () => {
    const { overview } = await open();
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe(
      'Episode 12: Listening with a pen in hand',
    );
    expect(header.textContent).toBe(
      'Episode 12: Listening with a pen in handThe Margin Notes Podcast',
    );
    expect(overview.textContent).toContain('Published Oct 14, 2026');
    expect(overview.textContent).toContain('1:02:05 long');
    const link = within(overview).getByRole('link', { name: 'Episode page' }) as HTMLAnchorElement;
    expect(link.href).toBe(EPISODE_URL);
    expect(link.rel).toBe('noreferrer');
  });

  it('corrects the title and the show that detection got wrong', async () => {
    const { stored } = await open();
    const toggle = screen.getByRole('button', { name: 'Edit title and show' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    fireEvent.input(screen.getByLabelText('Episode title'), {
      target: { value: 'Ep. 12: A pen in hand' },
    });
    fireEvent.input(screen.getByLabelText('Show name'), { target: { value: 'Margin Notes' } });
    await eventually(stored, (e) =>
      expect({ title: e.title, show: e.show }).toEqual({
        title: 'Ep. 12: A pen in hand',
        show: 'Margin Notes',
      }),
    );
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ep. 12: A pen in hand'),
    );
  });

  it('keeps the last title when the field is emptied, and says so', async () => {
    const { stored } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Edit title and show' }));
    const title = screen.getByLabelText('Episode title');
    fireEvent.input(title, { target: { value: ' ' } });
    fireEvent.blur(title);
    expect(screen.getByText('An episode needs a title. Your last title is kept.')).toBeTruthy();
    expect((await stored()).title).toBe('Episode 12: Listening with a pen in hand');
  });
});

describe('summary and my 2 cents', () => {
  it('saves both as typed', async () => {
    const { stored } = await open();
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'On listening notes.' } });
    fireEvent.input(screen.getByLabelText('My 2 cents'), { target: { value: 'Worth it.' } });
    await eventually(stored, (e) =>
      expect({ summary: e.summary, twoCents: e.twoCents }).toEqual({
        summary: 'On listening notes.',
        twoCents: 'Worth it.',
      }),
    );
  });
});

describe('references', () => {
  it('starts with none: the episode is linked once, in the overview’s intro line', async () => {
    const { stored } = await open();
    const part = screen.getByRole('region', { name: 'References' });
    expect(within(part).getByText(/No references\./)).toBeTruthy();
    expect((await stored()).references).toEqual([]);
  });

  it('adds a web link with its title', async () => {
    const { stored } = await open();
    const form = screen.getByRole('form', { name: 'Add a reference' });
    fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Zettelkasten' } });
    fireEvent.input(within(form).getByLabelText('Web address'), {
      target: { value: 'https://zettelkasten.de/introduction/' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reference' }));
    await eventually(stored, (e) =>
      expect(e.references[0]).toEqual({
        title: 'Zettelkasten',
        url: 'https://zettelkasten.de/introduction/',
      }),
    );
  });

  it('refuses anything but http(s), when adding and when editing', async () => {
    const { stored } = await open([ADDED]);
    const form = screen.getByRole('form', { name: 'Add a reference' });
    fireEvent.input(within(form).getByLabelText('Web address'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reference' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Type a web address starting with https:// or http://. Nothing else can be a reference.',
    );

    const part = screen.getByRole('region', { name: 'References' });
    const url = within(part).getAllByRole('textbox', { name: 'Web address' })[0]!;
    fireEvent.input(url, { target: { value: 'file:///etc/passwd' } });
    fireEvent.blur(url);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).references.map((r) => r.url)).toEqual([ADDED.url]);
  });

  it('removes a reference with Undo', async () => {
    const { stored } = await open([ADDED]);
    const part = screen.getByRole('region', { name: 'References' });
    fireEvent.click(within(part).getByRole('button', { name: 'Remove reference Zettelkasten' }));
    await eventually(stored, (e) => expect(e.references).toEqual([]));
    expect(await within(part).findByText(/No references\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await eventually(stored, (e) => expect(e.references).toEqual([ADDED]));
  });

  it('keeps a reference to the episode page that an earlier version added', async () => {
    const earlier = { title: 'The Margin Notes Podcast: Episode 12', url: EPISODE_URL };
    const { stored } = await open([earlier]);
    const part = screen.getByRole('region', { name: 'References' });
    expect(within(part).getByDisplayValue(EPISODE_URL)).toBeTruthy();
    expect((await stored()).references).toEqual([earlier]);
  });
});

describe('tags', () => {
  it('adds comma-separated tags once each, without #, and removes them', async () => {
    const { stored } = await open();
    const part = screen.getByRole('region', { name: 'Tags' });
    expect(within(part).getByText(/No tags\./)).toBeTruthy();
    const input = within(part).getByLabelText('New tags, separated by commas');
    fireEvent.input(input, { target: { value: '#careers, data science, Careers' } });
    fireEvent.click(within(part).getByRole('button', { name: 'Add tag' }));
    await eventually(stored, (e) => expect(e.tags).toEqual(['careers', 'data science']));
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
    fireEvent.click(within(part).getByRole('button', { name: 'Remove tag careers' }));
    await eventually(stored, (e) => expect(e.tags).toEqual(['data science']));
    expect(document.activeElement).toBe(input);
  });
});
