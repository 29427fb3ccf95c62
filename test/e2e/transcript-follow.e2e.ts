/**
 * Following the player through a long transcript (issue 13): past a couple of hundred cues the
 * panel draws only the rows in view, and the cue being heard is marked in them without drawing
 * the list again. Checked in real Chromium: the heard cue stays in view as the player moves on
 * (the list moves about a page at a time), a seek far ahead brings a row that wasn't drawn,
 * with "Follow the player" off the list stays where the person put it until it is on again, and
 * while the player plays the mark moves on by itself, cue by cue.
 * The episode's folder is test/fixtures/words with a generated 400-cue transcript.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { playAndSeek } from '../support/page-actions';
import { openTranscriptPanel, type TranscriptPanelSetup } from '../support/transcript-panel';

const CUES = 400;
const CUE_SECONDS = 2;

function longVtt(): string {
  const clock = (s: number) =>
    `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const cues = Array.from(
    { length: CUES },
    (_, i) =>
      `${clock(i * CUE_SECONDS)} --> ${clock((i + 1) * CUE_SECONDS)}\n<v ${i % 2 ? 'Sam Rivera' : 'Ada Park'}>Cue number ${i}, and the words that go with it.\n`,
  );
  return `WEBVTT\n\n${cues.join('\n')}`;
}

let folder: string;
let opened: TranscriptPanelSetup | undefined;
let page: Page;
let panel: Page;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'earmark-words-'));
  cpSync(join(REPO_ROOT, 'test/fixtures/words'), folder, { recursive: true });
  writeFileSync(join(folder, 'episode.vtt'), longVtt());
  opened = await openTranscriptPanel(folder, CUES * CUE_SECONDS);
  ({ page, panel } = opened);
  await panel.getByRole('button', { name: 'Start notes for this episode' }).click();
  await panel.getByRole('button', { name: 'Find transcript' }).click();
  await panel.getByRole('button', { name: 'Get transcript and chapters' }).click();
  await panel.locator('.cue').first().waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await opened?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The cue marked as heard, and whether its row is wholly inside the list's scrolling box. */
function heard(): Promise<{ cue: string | null; inView: boolean; marked: number; top: number }> {
  return panel.evaluate(() => {
    const box = document.querySelector('.cue-list > *')!;
    const rows = document.querySelectorAll('.cue.current');
    const row = rows[0];
    const outer = box.getBoundingClientRect();
    const inner = row?.getBoundingClientRect();
    return {
      cue: row?.getAttribute('data-cue') ?? null,
      inView: !!inner && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1,
      marked: rows.length,
      top: box.scrollTop,
    };
  });
}

async function heardCue(cue: number) {
  await expect.poll(async () => (await heard()).cue, { timeout: 5_000 }).toBe(String(cue));
  return heard();
}

describe('following the player through a long transcript', () => {
  it('draws only the rows in view', async () => {
    const drawn = await panel.locator('.cue').count();
    expect(drawn).toBeLessThan(100);
    expect(await panel.locator('.cue-list li').first().getAttribute('aria-setsize')).toBe(
      String(CUES),
    );
  });

  it('keeps the cue being heard in view as the player moves on, one mark at a time', async () => {
    const tops: number[] = [];
    // Cue by cue, from the top of the list to well past its first view (~20 rows).
    for (let cue = 1; cue <= 26; cue += cue < 12 ? 5 : 1) {
      await playAndSeek(page, cue * CUE_SECONDS + 0.5);
      const now = await heardCue(cue);
      expect(now).toMatchObject({ inView: true, marked: 1 });
      tops.push(now.top);
    }
    // The list moved on with the player, about a page at a time: not at every cue.
    expect(tops.at(-1)).toBeGreaterThan(tops[0]!);
    expect(new Set(tops).size).toBeLessThanOrEqual(3);
  });

  it('brings a cue far ahead into view: its row wasn’t drawn', async () => {
    expect(await panel.locator('.cue[data-cue="350"]').count()).toBe(0);
    await playAndSeek(page, 350 * CUE_SECONDS + 0.5);
    expect(await heardCue(350)).toMatchObject({ inView: true, marked: 1 });
    // And back to the start.
    await playAndSeek(page, 2 * CUE_SECONDS + 0.5);
    expect(await heardCue(2)).toMatchObject({ inView: true, marked: 1 });
  });

  it('leaves the list where it is while following is off, and goes back when it is on', async () => {
    await panel.getByLabel('Follow the player').uncheck();
    const before = (await heard()).top;
    await playAndSeek(page, 200 * CUE_SECONDS + 0.5);
    // The mark moves (its row isn't drawn here), the list doesn't.
    await expect.poll(async () => (await heard()).cue, { timeout: 5_000 }).toBeNull();
    expect((await heard()).top).toBe(before);
    await panel.getByLabel('Follow the player').check();
    expect(await heardCue(200)).toMatchObject({ inView: true, marked: 1 });
  });

  it('moves on cue by cue while the player plays, with no seek, and stops when it pauses', async () => {
    await playAndSeek(page, 10 * CUE_SECONDS + 1.5);
    await heardCue(10);
    // Twice the speed: a cue of 2 s each second. The panel times the cues from the page's
    // answer at play; the page doesn't answer again until the player pauses or seeks.
    await page.evaluate(async () => {
      const audio = document.querySelector('audio')!;
      audio.muted = true;
      audio.playbackRate = 2;
      await audio.play();
    });
    expect(await heardCue(11)).toMatchObject({ inView: true, marked: 1 });
    expect(await heardCue(12)).toMatchObject({ inView: true, marked: 1 });
    const stoppedAt = await page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      audio.pause();
      audio.playbackRate = 1;
      return audio.currentTime;
    });
    const stopped = Math.floor(stoppedAt / CUE_SECONDS);
    await heardCue(stopped);
    // The pause's answer came and the panel asked again; that question now waits.
    await panel.waitForTimeout(500);
    // Paused: the mark stays on the cue where the player stopped, and the panel doesn't ask
    // the page for the player's time (it used to, twice a second): its question waits.
    const asks = await panel.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: { sendMessage: unknown } } }).chrome
        .tabs;
      const send = tabs.sendMessage as (...args: unknown[]) => Promise<unknown>;
      let count = 0;
      tabs.sendMessage = (...args: unknown[]) => {
        // The editor's own look at the page every 2 s is not following the player.
        if ((args[1] as { type?: string }).type === 'player/time') count += 1;
        return send.apply(tabs, args);
      };
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      tabs.sendMessage = send;
      return count;
    });
    expect(asks).toBe(0);
    expect((await heard()).cue).toBe(String(stopped));
  });
});
