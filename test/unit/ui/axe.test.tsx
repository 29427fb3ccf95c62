/**
 * axe-core's rules on the rendered views (issue 5): labels, roles, names, ARIA use, list and
 * heading structure. Rules that need layout or colour (contrast, target size) can't run in a
 * DOM without rendering; the browser tests cover those views in real Chromium.
 */
import axe from 'axe-core';
import { cleanup, render, screen } from '@testing-library/preact';
import type * as preact from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/ui/popup/Popup';
import { fakeApi, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** Renders into the same shell as src/ui/popup/index.html: a titled English page with a <main>. */
function renderInPopupShell(view: preact.JSX.Element): void {
  document.title = 'Earmark';
  document.documentElement.lang = 'en';
  const main = document.createElement('main');
  document.body.appendChild(main);
  render(view, { container: main });
}

/** Runs axe on the document and returns each violation as "rule: target" lines. */
async function violations(): Promise<string[]> {
  const results = await axe.run(document, {
    rules: {
      // Need real layout and colours: not measurable here.
      'color-contrast': { enabled: false },
      'target-size': { enabled: false },
    },
  });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`),
  );
}

describe('accessibility rules (axe-core)', () => {
  it('would catch an unlabelled control (the check itself works here)', async () => {
    renderInPopupShell(
      <div>
        <h1>Earmark</h1>
        <input type="text" />
      </div>,
    );
    expect((await violations()).some((v) => v.startsWith('label:'))).toBe(true);
  });

  it('finds nothing wrong in the popup of a new episode', async () => {
    const { api } = fakeApi();
    renderInPopupShell(<Popup api={api} />);
    await screen.findByRole('button', { name: 'Save selection as quote' });
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in the full editor', async () => {
    const { api } = fakeApi();
    const { episode } = await seedEpisode(api.store, [
      { text: 'First quote', timeSec: 5, speaker: 'Ada Park' },
      { text: 'Second quote', timeSec: null },
    ]);
    await api.store.updateEpisode(episode.id, {
      sections: [{ id: 's1', heading: 'One', notes: 'Notes' }],
      tags: ['careers'],
      summary: 'An intro.',
    });
    renderInPopupShell(<Popup api={api} />);
    await screen.findByLabelText('My 2 cents');
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in an orphan’s mark, nor in the editor opened with no page', async () => {
    const { api } = fakeApi();
    const { episode, quotes } = await seedEpisode(api.store, [
      { text: 'Found on the page', timeSec: 5 },
      { text: 'Gone from the page', timeSec: 9 },
    ]);
    api.highlightStatus.mockResolvedValue({
      episodeId: episode.id,
      placed: [],
      orphans: [quotes[1]!.id],
    });
    renderInPopupShell(<Popup api={api} />);
    await screen.findByText('Not found on this page');
    await screen.findByLabelText('My 2 cents');
    expect(await violations()).toEqual([]);
    cleanup();
    document.body.replaceChildren();

    const stored = fakeApi({ store: api.store, tabId: null, episodeId: episode.id }).api;
    renderInPopupShell(<Popup api={stored} />);
    await screen.findByLabelText('My 2 cents');
    expect(await violations()).toEqual([]);
  });
});
