import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EpisodeScreen } from '../../../src/ui/editor/EpisodeScreen';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

/** An editor with something in every part, so every control is on screen. */
async function fullEditor() {
  const { api } = fakeApi();
  const { episode } = await seedEpisode(api.store, [
    { text: 'First quote', timeSec: 5, speaker: 'Ada Park' },
    { text: 'Second quote', timeSec: null },
  ]);
  await api.store.updateEpisode(episode.id, {
    sections: [
      { id: 's1', heading: 'One', notes: '' },
      { id: 's2', heading: '', notes: '' },
    ],
    tags: ['careers'],
  });
  // The whole editor at once: the side panel's (the popup splits it in two tabs, below).
  render(<EpisodeScreen api={api} mode="panel" />);
  await screen.findByLabelText('My 2 cents');
}

/** A control's name as assistive technology gets it (the parts of the algorithm we use). */
function accessibleName(element: HTMLElement): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel.trim();
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0)
    return [...labels]
      .map((l) => l.textContent)
      .join(' ')
      .trim();
  if (element.matches('button, a')) return element.textContent?.trim() ?? '';
  return element.getAttribute('title')?.trim() ?? '';
}

describe('accessibility of the editor', () => {
  it('names every control, so it can be found and used without seeing it', async () => {
    await fullEditor();
    const controls = [
      ...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'),
    ];
    expect(controls.length).toBeGreaterThan(40);
    const unnamed = controls.filter((c) => accessibleName(c) === '').map((c) => c.outerHTML);
    expect(unnamed).toEqual([]);
  });

  it('gives each control in a row a name that says which row it acts on', async () => {
    await fullEditor();
    for (const name of [
      'Remove Ada Park',
      'Delete the quote 0:00:05',
      'Delete the quote “Second quote”',
      'Move One down',
      'Move Section 2 (no heading) up',
      'Remove tag careers',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('combobox', { name: 'Role of Ada Park' })).toBeTruthy();
  });

  it('keeps every id unique and every description it points to present', async () => {
    await fullEditor();
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const element of document.querySelectorAll('[aria-describedby]')) {
      expect(document.getElementById(element.getAttribute('aria-describedby')!)).not.toBeNull();
    }
  });

  it('orders headings and names every part, for navigation by heading and landmark', async () => {
    await fullEditor();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    for (const part of [
      'Participants',
      'Quotes (2)',
      'Sections',
      'Your notes',
      'References',
      'Tags',
    ]) {
      expect(screen.getByRole('region', { name: part })).toBeTruthy();
    }
    expect(screen.getByRole('navigation', { name: 'Jump to' })).toBeTruthy();
  });

  it('splits the popup into two tabs a keyboard moves between, each part still named', async () => {
    const { api } = fakeApi();
    await seedEpisode(api.store, [{ text: 'First quote', timeSec: 5 }]);
    render(<Popup api={api} />);
    await screen.findByLabelText('My 2 cents');
    const quotesTab = screen.getByRole('tab', { name: 'Quotes (1)' });
    expect(quotesTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('region', { name: 'Quotes (1)' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Participants' })).toBeNull();
    fireEvent.keyDown(quotesTab, { key: 'ArrowRight' });
    const overviewTab = screen.getByRole('tab', { name: 'Overview' });
    expect(overviewTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(overviewTab);
    for (const part of ['Participants', 'Sections', 'Your notes', 'References', 'Tags']) {
      expect(screen.getByRole('region', { name: part })).toBeTruthy();
    }
    // Both panels stay drawn (a half-typed note survives the switch): ids stay unique.
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('leaves the tab order to the document: no positive tabindex', async () => {
    await fullEditor();
    const positive = [...document.querySelectorAll('[tabindex]')].filter(
      (e) => Number(e.getAttribute('tabindex')) > 0,
    );
    expect(positive).toEqual([]);
  });
});

describe('translatable text', () => {
  const messages = JSON.parse(
    readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
  ) as Record<string, unknown>;

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('has a message in _locales for every key the popup and side panel use', () => {
    const root = join(process.cwd(), 'src/ui');
    const files = ['editor', 'components', 'hooks', 'popup', 'sidepanel'].flatMap((dir) =>
      sources(join(root, dir)),
    );
    const keys = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
      // Keys chosen by a condition: t(cond ? 'a' : 'b').
      for (const match of text.matchAll(
        /\bt\([^()]*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g,
      )) {
        keys.add(match[1]!);
        keys.add(match[2]!);
      }
    }
    expect(keys.size).toBeGreaterThan(50);
    expect([...keys].filter((key) => !(key in messages))).toEqual([]);
  });
});
