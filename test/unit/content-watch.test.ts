/**
 * The watch part of the content script (issue 16): what an episode page runs until the person
 * acts. Over happy-dom, with the content script's door to the extension (runtime.ts) replaced
 * by a fake background that "injects" the rest by setting it in the parts' meeting place, as
 * the real one does with scripting.executeScript.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeldSelection } from '../../src/content/page-state';
import type { MainPart } from '../../src/content/parts';

const fake = vi.hoisted(() => ({
  sent: [] as { type: string; [key: string]: unknown }[],
  quoteCount: 0,
  /** Whether content/load adds the rest (false: a background that can't). */
  injects: true,
  listeners: [] as ((
    message: unknown,
    sender: unknown,
    respond: (r: unknown) => void,
  ) => unknown)[],
  main: null as null | {
    captured: { text: string; timeSec: number | null }[];
    routed: unknown[];
  },
}));

vi.mock('../../src/content/runtime', () => ({
  noAnswer: { ok: false, error: 'restarting' },
  extensionSelf: () => ({ id: 'earmark', origin: 'chrome-extension://earmark/' }),
  sendToBackground: async (message: { type: string }) => {
    fake.sent.push(message);
    if (message.type === 'page/detected') {
      return { ok: true, quoteCount: fake.quoteCount, floatingButton: true };
    }
    if (message.type === 'content/load' && fake.injects) {
      const scope = globalThis as unknown as { __earmarkParts: { main?: MainPart } };
      const main = {
        captured: [] as { text: string; timeSec: number | null }[],
        routed: [] as unknown[],
      };
      fake.main = main;
      scope.__earmarkParts.main = {
        route: async (msg: unknown) => {
          main.routed.push(msg);
          return { ok: true, answeredBy: 'main' };
        },
        capture: (held: HeldSelection, timeSec: number | null) => {
          main.captured.push({ text: held.text, timeSec });
        },
      };
    }
    return { ok: true };
  },
  onMessage: (listener: (message: unknown, sender: unknown) => Promise<unknown>) => {
    const wrapped = (message: unknown, sender: unknown, respond: (r: unknown) => void) => {
      void listener(message, sender).then(respond);
      return true;
    };
    fake.listeners.push(wrapped);
    return () => fake.listeners.splice(fake.listeners.indexOf(wrapped), 1);
  },
  t: (key: string) => key,
}));

const parts = () =>
  (globalThis as unknown as { __earmarkParts: { watch?: { handOver(): unknown } } }).__earmarkParts;

async function startWatch(): Promise<void> {
  vi.resetModules();
  await import('../../src/content/watch');
  await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toContain('page/detected'));
}

const loads = () => fake.sent.filter((m) => m.type === 'content/load');

function select(text: string | null): void {
  getSelection()!.removeAllRanges();
  if (text !== null) {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent === text)!;
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.addRange(range);
  }
  document.dispatchEvent(new Event('selectionchange'));
}

function pressCaptureKey(trusted = true): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    code: 'KeyQ',
    altKey: true,
    shiftKey: true,
    bubbles: true,
    cancelable: true,
  });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  document.body.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  delete (globalThis as Record<string, unknown>).__earmarkParts;
  fake.sent = [];
  fake.quoteCount = 0;
  fake.injects = true;
  fake.listeners = [];
  fake.main = null;
  document.title = 'Episode 12: Listening with a pen in hand';
  document.head.innerHTML =
    '<meta property="og:type" content="music.song"><meta property="og:title" content="Episode 12">';
  document.body.replaceChildren();
  for (const text of ['A reading room has its own weather.', 'Silence, then applause.']) {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
  }
});

afterEach(() => {
  parts()?.watch?.handOver();
  getSelection()!.removeAllRanges();
});

describe('the watch part', () => {
  it('reports the page and adds nothing more while the person does nothing', async () => {
    await startWatch();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.sent).toEqual([
      expect.objectContaining({ type: 'page/detected', url: location.href }),
    ]);
    expect(loads()).toEqual([]);
  });

  it('adds the rest at once when the episode has saved quotes', async () => {
    fake.quoteCount = 3;
    await startWatch();
    await vi.waitFor(() => expect(loads()).toEqual([{ type: 'content/load', part: 'all' }]));
  });

  it('adds the rest when words are selected, not for an empty selection', async () => {
    await startWatch();
    select(null);
    expect(loads()).toEqual([]);
    select('Silence, then applause.');
    await vi.waitFor(() => expect(loads()).toHaveLength(1));
    expect(loads()[0]).toEqual({ type: 'content/load', part: 'all' });
  });

  it("hands the person's capture key to the rest with the words and time of the press", async () => {
    await startWatch();
    getSelection()!.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    getSelection()!.addRange(range);

    const event = pressCaptureKey();
    // The words as they were at the press, even if the selection changes meanwhile.
    getSelection()!.removeAllRanges();

    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() =>
      expect(fake.main?.captured).toEqual([
        { text: 'A reading room has its own weather.', timeSec: null },
      ]),
    );
  });

  it('ignores a capture key a page script made up (issue 18)', async () => {
    await startWatch();
    select('Silence, then applause.');
    fake.sent = [];
    const event = pressCaptureKey(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(event.defaultPrevented).toBe(false);
    expect(fake.main?.captured ?? []).toEqual([]);
  });

  const POPUP = { id: 'earmark', url: 'chrome-extension://earmark/src/ui/popup/index.html' };
  const ask = (message: unknown, sender: unknown = POPUP) =>
    new Promise((respond) => fake.listeners[0]!(message, sender, respond));

  it("answers the extension's messages through the rest, added for them", async () => {
    await startWatch();
    expect(fake.listeners).toHaveLength(1);
    expect(await ask({ type: 'player/time' })).toEqual({ ok: true, answeredBy: 'main' });
    expect(fake.main?.routed).toEqual([{ type: 'player/time' }]);
  });

  it('answers what the page is itself while nothing is selected: opening Earmark waits for nothing', async () => {
    await startWatch();
    const reply = (await ask({ type: 'page/read' })) as { ok: boolean; page: unknown };
    expect(reply).toMatchObject({
      ok: true,
      page: { url: location.href, title: document.title, selection: null },
    });
    expect(loads()).toEqual([]);
    // Not for a sender that isn't one of Earmark's pages: that goes to the rest's router.
    expect(await ask({ type: 'page/read' }, { id: 'other', url: 'https://x.example/' })).toEqual({
      ok: true,
      answeredBy: 'main',
    });
  });

  it('has the rest read the page when words are selected (their anchor and speaker)', async () => {
    await startWatch();
    select('Silence, then applause.');
    expect(await ask({ type: 'page/read' })).toEqual({ ok: true, answeredBy: 'main' });
    expect(fake.main?.routed).toEqual([{ type: 'page/read' }]);
  });

  it('says so when the rest could not be added, rather than never answering', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      fake.injects = false;
      vi.resetModules();
      await import('../../src/content/watch');
      const replied = new Promise((respond) =>
        fake.listeners[0]!({ type: 'page/read' }, { id: 'earmark' }, respond),
      );
      await vi.runAllTimersAsync();
      expect(await replied).toEqual({ ok: false, error: 'restarting' });
      expect(loads()).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening when the rest takes over, and hands over what it knew', async () => {
    await startWatch();
    await vi.waitFor(() => expect(parts().watch).toBeDefined());
    select('Silence, then applause.');
    await vi.waitFor(() => expect(loads()).toHaveLength(1));

    const handover = parts().watch!.handOver() as {
      report: { url: string; reply: unknown } | null;
      selectedAt: number | null;
    };
    expect(handover.report).toMatchObject({
      url: location.href,
      reply: { quoteCount: 0, floatingButton: true },
    });
    expect(handover.selectedAt).toEqual(expect.any(Number));
    expect(parts().watch).toBeUndefined();
    expect(fake.listeners).toHaveLength(0);

    // Its key listener is gone: the rest's own handles the next press.
    const before = fake.main!.captured.length;
    const event = pressCaptureKey();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(event.defaultPrevented).toBe(false);
    expect(fake.main!.captured).toHaveLength(before);
  });

  it('stays out of a page the rest already runs on', async () => {
    (globalThis as Record<string, unknown>).__earmarkParts = {
      main: { route: async () => ({ ok: true }), capture: () => undefined },
    };
    vi.resetModules();
    await import('../../src/content/watch');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.sent).toEqual([]);
    expect(fake.listeners).toHaveLength(0);
  });
});
