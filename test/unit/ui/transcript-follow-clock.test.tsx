/**
 * The transcript panel follows the page's player by its clock (ADR 0017): the page answers
 * when the player changes, and in between the panel marks each cue as it starts by a timer.
 * A player that changes all the time can't make the panel ask without pause.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlayerTimeReply } from '../../../src/messages/schemas';
import type { WordsApi } from '../../../src/ui/words/api';
import { TranscriptWords } from '../../../src/ui/words/TranscriptWords';
import { fakeApi, keptWords, offlineWordsApi } from './helpers';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const fetched = keptWords('episode-1', [
  { start: 0, end: 1, speaker: 'Ada Park', text: 'The first cue.' },
  { start: 1, end: 2, speaker: 'Sam Rivera', text: 'The second cue.' },
  { start: 2, end: 3, speaker: 'Ada Park', text: 'The third cue.' },
]);

function panelWith(playerTime: WordsApi['playerTime']) {
  const words = offlineWordsApi({ playerTime });
  const { api } = fakeApi();
  return render(
    <TranscriptWords
      api={api}
      wordsApi={words}
      tabId={7}
      quotes={[]}
      fetched={fetched}
      onSaved={() => undefined}
      onProblem={() => undefined}
      onAgain={() => undefined}
    />,
  );
}

const heardCue = (container: Element) =>
  container.querySelector('.cue.current')?.getAttribute('data-cue') ?? null;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('following the player by its clock', () => {
  it('marks the next cue when it starts while the player plays, without asking again', async () => {
    const playerTime = vi.fn((_tab: number, after?: number): Promise<PlayerTimeReply> =>
      after === undefined
        ? Promise.resolve({ timeSec: 0.85, clock: { playing: true, rate: 1, version: 3 } })
        : // Nothing changes on the page: the question waits.
          new Promise<PlayerTimeReply>(() => undefined),
    );
    const { container } = panelWith(playerTime);
    await vi.waitFor(() => expect(heardCue(container)).toBe('0'));
    // The second cue starts 0.15 s later by the player's clock.
    await vi.waitFor(() => expect(heardCue(container)).toBe('1'), { timeout: 1_000 });
    expect(playerTime).toHaveBeenCalledTimes(2);
    expect(playerTime).toHaveBeenLastCalledWith(7, 3);
  });

  it('holds the mark while the player is paused', async () => {
    const playerTime = vi.fn((_tab: number, after?: number): Promise<PlayerTimeReply> =>
      after === undefined
        ? Promise.resolve({ timeSec: 0.95, clock: { playing: false, rate: 1, version: 1 } })
        : new Promise<PlayerTimeReply>(() => undefined),
    );
    const { container } = panelWith(playerTime);
    await vi.waitFor(() => expect(heardCue(container)).toBe('0'));
    await wait(300);
    expect(heardCue(container)).toBe('0');
  });

  it('asks at most every 100 ms, however often the player changes', async () => {
    let version = 0;
    const playerTime = vi.fn(async (): Promise<PlayerTimeReply> => ({
      timeSec: 1.5,
      clock: { playing: false, rate: 1, version: ++version },
    }));
    const { container } = panelWith(playerTime);
    await vi.waitFor(() => expect(heardCue(container)).toBe('1'));
    const before = playerTime.mock.calls.length;
    await wait(500);
    // About five in half a second; without the pause between questions, hundreds.
    expect(playerTime.mock.calls.length - before).toBeLessThanOrEqual(7);
  });
});
