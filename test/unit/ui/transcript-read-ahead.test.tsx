/**
 * The side panel reads an episode's kept words ahead, as soon as it knows which episode it
 * shows (LazyTranscriptPanel's `readAhead`): the transcript panel then takes that read instead
 * of starting its own, and reads for itself when the read ahead was for another episode. The
 * episode it shows already is not read ahead again.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Episode } from '../../../src/core/model';
import { lazyTranscriptPanel } from '../../../src/ui/words/LazyTranscriptPanel';
import { fakeApi, keptWords, offlineWordsApi, pageState, seedEpisode } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

/** The network side, never reached here: the words are kept. */
const words = offlineWordsApi();

async function keptEpisode() {
  const { api } = fakeApi();
  const { episode, quotes } = await seedEpisode(api.store);
  const kept = keptWords(
    episode.id,
    [{ start: 0, end: 4, speaker: 'Ada Park', text: 'Words kept from the feed.' }],
    episode.title,
  );
  await api.store.saveEpisodeWords(kept);
  const read = vi.spyOn(api.store, 'episodeWords');
  return { api, episode, quotes, read };
}

function slotProps(api: ReturnType<typeof fakeApi>['api'], episode: Episode, quotes: []) {
  return {
    api,
    tabId: 7,
    page: pageState(),
    episode,
    quotes,
    update: () => undefined,
    reread: async () => undefined,
    notify: () => undefined,
  };
}

describe('kept words read ahead', () => {
  it('are taken by the panel: one read of the store', async () => {
    const { api, episode, read } = await keptEpisode();
    const Transcript = lazyTranscriptPanel(words);
    Transcript.readAhead(api, episode.id);
    expect(read).toHaveBeenCalledTimes(1);
    render(<Transcript {...slotProps(api, episode, [])} />);
    expect(await screen.findByText('Words kept from the feed.')).toBeTruthy();
    expect(read).toHaveBeenCalledTimes(1);
    // The same episode read again (a capture reloads the view): its words are shown already.
    Transcript.readAhead(api, episode.id);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('for another episode are left, and the panel reads its own', async () => {
    const { api, episode, read } = await keptEpisode();
    const Transcript = lazyTranscriptPanel(words);
    Transcript.readAhead(api, 'ep-another');
    render(<Transcript {...slotProps(api, episode, [])} />);
    expect(await screen.findByText('Words kept from the feed.')).toBeTruthy();
    expect(read.mock.calls.map(([id]) => id)).toEqual(['ep-another', episode.id]);
  });
});
