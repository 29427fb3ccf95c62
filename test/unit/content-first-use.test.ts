/**
 * What an episode page runs until the person acts (issue 16): the start-up script's first look
 * and its listeners for the first use (boot.ts, first-use.ts), and the watch part (watch.ts)
 * where the look can't tell what the page is. Over happy-dom, with the content script's door to
 * the extension (runtime.ts) replaced by a fake background that adds parts as the real one
 * does with scripting.executeScript: the watch part is the real module, the rest a stand-in
 * that records what it is handed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MainPart } from '../../src/content/parts';
import type { HeldSelection } from '../../src/content/selection';

const fake = vi.hoisted(() => ({
  sent: [] as { type: string; [key: string]: unknown }[],
  quoteCount: 0,
  /** Whether content/load adds the part asked for (false: a background that can't). */
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

/** What the real background does with content/load: which part it adds, if any. */
function partFor(message: { part?: string; seen?: unknown }): 'watch' | 'all' | null {
  if (message.part === 'watch' || message.part === 'all') return message.part;
  if (fake.quoteCount > 0) return 'all';
  return message.seen ? null : 'watch';
}

vi.mock('../../src/content/runtime', () => ({
  noAnswer: { ok: false, error: 'restarting' },
  extensionSelf: () => ({ id: 'earmark', origin: 'chrome-extension://earmark/' }),
  sendToBackground: async (message: { type: string; part?: string; seen?: unknown }) => {
    fake.sent.push(message);
    if (message.type === 'page/detected') {
      return { ok: true, quoteCount: fake.quoteCount, floatingButton: true };
    }
    const part = message.type === 'content/load' && fake.injects ? partFor(message) : null;
    if (part === 'watch') await import('../../src/content/watch');
    if (part === 'all') {
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

interface Parts {
  firstUse?: { handOver(): { selectedAt: number | null } };
  watch?: { handOver(): { report: unknown } };
  main?: MainPart;
}
const parts = () => (globalThis as unknown as { __earmarkParts?: Parts }).__earmarkParts;

/** Runs the start-up script as the browser does at document_idle, in a fresh module world. */
async function startPage(): Promise<void> {
  vi.resetModules();
  delete (globalThis as Record<string, unknown>).__earmarkBoot;
  await import('../../src/content/boot');
  await vi.waitFor(() => expect(loads()).not.toHaveLength(0));
}

const EPISODE_LD = JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'PodcastEpisode',
  name: 'Episode 12',
});
/** A page that names its episode in JSON-LD: the first look is sure of it. */
function nameEpisodeInJsonLd(): void {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = EPISODE_LD;
  document.head.append(script);
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
  document.head.innerHTML =
    '<meta property="og:type" content="music.song"><meta property="og:title" content="Episode 12">';
  // After the head: a title is an element in it.
  document.title = 'Episode 12: Listening with a pen in hand';
  document.body.replaceChildren();
  for (const text of ['A reading room has its own weather.', 'Silence, then applause.']) {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
  }
});

afterEach(() => {
  // Stops what this test started: the listeners, the watch part, the start-up script's following.
  parts()?.firstUse?.handOver();
  parts()?.watch?.handOver();
  getSelection()!.removeAllRanges();
});

/** A move is seen within a second (a timer: pushState fires no event), or at once on popstate. */
const MOVE = { timeout: 3_000 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const POPUP = { id: 'earmark', url: 'chrome-extension://earmark/src/ui/popup/index.html' };
const ask = (message: unknown, sender: unknown = POPUP) =>
  new Promise((respond) => fake.listeners[0]!(message, sender, respond));

describe('the start-up script: what a page pays at load', () => {
  it('lights the badge from its first look on an episode beyond doubt, and detects nothing until the person acts', async () => {
    nameEpisodeInJsonLd();
    await startPage();
    await settle();
    expect(fake.sent).toEqual([
      { type: 'content/load', seen: { kind: 'episode', url: location.href } },
    ]);
    expect(parts()?.watch).toBeUndefined();
    expect(parts()?.main).toBeUndefined();
    expect(fake.listeners).toHaveLength(1);
  });

  it('has detection added where its first look cannot tell, which reports the page', async () => {
    await startPage();
    await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toContain('page/detected'));
    await settle();
    expect(loads()).toEqual([{ type: 'content/load' }]);
    expect(parts()?.watch).toBeDefined();
    expect(parts()?.main).toBeUndefined();
  });

  it('adds the rest at once when the episode has saved quotes, sure of the page or not', async () => {
    fake.quoteCount = 3;
    nameEpisodeInJsonLd();
    await startPage();
    await vi.waitFor(() => expect(parts()?.main).toBeDefined());
    expect(parts()?.watch).toBeUndefined();

    // A second page: the first one's listeners stop, as a new page's world starts empty.
    parts()!.firstUse!.handOver();
    delete (globalThis as Record<string, unknown>).__earmarkParts;
    document.head.innerHTML = '<meta property="og:type" content="music.song">';
    document.title = 'Episode 12';
    fake.sent = [];
    await startPage();
    await vi.waitFor(() => expect(parts()?.main).toBeDefined());
  });

  it('asks for nothing on a page with no sign of a podcast', async () => {
    document.head.replaceChildren();
    vi.resetModules();
    delete (globalThis as Record<string, unknown>).__earmarkBoot;
    await import('../../src/content/boot');
    await settle();
    expect(fake.sent).toEqual([]);
    expect(fake.listeners).toHaveLength(0);
  });

  it('looks again as a single-page app moves, until detection follows the page itself', async () => {
    nameEpisodeInJsonLd();
    await startPage();
    const start = location.href;
    try {
      // Another episode: the badge's count is that episode's.
      history.pushState(null, '', '/episodes/13');
      document.title = 'Episode 13';
      await vi.waitFor(() => expect(loads()).toHaveLength(2), MOVE);
      expect(loads()[1]).toEqual({
        type: 'content/load',
        seen: { kind: 'episode', url: location.href },
      });
      // A page that names no episode: detection decides, and follows from then on.
      history.pushState(null, '', '/about');
      document.head.innerHTML = '<meta property="og:type" content="music.song">';
      document.title = 'About the show';
      await vi.waitFor(() => expect(parts()?.watch).toBeDefined(), MOVE);
      expect(loads()[2]).toEqual({ type: 'content/load' });
      await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toContain('page/detected'));
      const sentBefore = fake.sent.length;
      document.title = 'Episode 14';
      history.pushState(null, '', '/episodes/14');
      nameEpisodeInJsonLd();
      await vi.waitFor(() => expect(fake.sent.length).toBeGreaterThan(sentBefore), MOVE);
      await settle();
      expect(fake.sent.slice(sentBefore).map((m) => m.type)).toEqual(['page/detected']);
    } finally {
      history.pushState(null, '', start);
    }
  });
});

describe('the start-up script: the first use', () => {
  it('adds the rest when words are selected, not for an empty selection', async () => {
    nameEpisodeInJsonLd();
    await startPage();
    select(null);
    await settle();
    expect(loads()).toHaveLength(1);
    select('Silence, then applause.');
    await vi.waitFor(() => expect(loads()).toHaveLength(2));
    expect(loads()[1]).toEqual({ type: 'content/load', part: 'all' });
  });

  it("hands the person's capture key to the rest with the words and time of the press", async () => {
    nameEpisodeInJsonLd();
    await startPage();
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
    nameEpisodeInJsonLd();
    await startPage();
    select('Silence, then applause.');
    await vi.waitFor(() => expect(parts()?.main).toBeDefined());
    const event = pressCaptureKey(false);
    await settle();
    expect(event.defaultPrevented).toBe(false);
    expect(fake.main?.captured).toEqual([]);
  });

  it("answers the extension's messages through the rest, added for them", async () => {
    nameEpisodeInJsonLd();
    await startPage();
    expect(await ask({ type: 'player/time' })).toEqual({ ok: true, answeredBy: 'main' });
    expect(fake.main?.routed).toEqual([{ type: 'player/time' }]);
  });

  it("answers the popup's first question with detection alone: opening Earmark waits for no more", async () => {
    nameEpisodeInJsonLd();
    await startPage();
    const reply = (await ask({ type: 'page/read' })) as { ok: boolean; page: unknown };
    expect(reply).toMatchObject({
      ok: true,
      page: {
        url: location.href,
        title: document.title,
        selection: null,
        detection: { kind: 'episode' },
      },
    });
    expect(loads().slice(1)).toEqual([{ type: 'content/load', part: 'watch' }]);
    expect(parts()?.main).toBeUndefined();
    // Not for a sender that isn't one of Earmark's pages: that goes to the rest's router.
    expect(await ask({ type: 'page/read' }, { id: 'other', url: 'https://x.example/' })).toEqual({
      ok: true,
      answeredBy: 'main',
    });
  });

  it('has the rest read the page when words are selected (their anchor and speaker)', async () => {
    await startPage();
    select('Silence, then applause.');
    expect(await ask({ type: 'page/read' })).toEqual({ ok: true, answeredBy: 'main' });
    expect(fake.main?.routed).toEqual([{ type: 'page/read' }]);
  });

  it('says so when no part could be added, rather than never answering', async () => {
    nameEpisodeInJsonLd();
    await startPage();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      fake.injects = false;
      const replied = ask({ type: 'page/read' }, { id: 'earmark' });
      await vi.runAllTimersAsync();
      expect(await replied).toEqual({ ok: false, error: 'restarting' });
      expect(loads().slice(1)).toEqual(
        Array.from({ length: 3 }, () => ({ type: 'content/load', part: 'all' })),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening when the rest takes over, and hands over what it knew', async () => {
    await startPage();
    await vi.waitFor(() => expect(parts()?.watch).toBeDefined());
    await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toContain('page/detected'));
    select('Silence, then applause.');
    await vi.waitFor(() => expect(parts()?.main).toBeDefined());

    const { selectedAt } = parts()!.firstUse!.handOver();
    const { report } = parts()!.watch!.handOver() as {
      report: { url: string; reply: unknown } | null;
    };
    expect(report).toMatchObject({
      url: location.href,
      reply: { quoteCount: 0, floatingButton: true },
    });
    expect(selectedAt).toEqual(expect.any(Number));
    expect(parts()?.firstUse).toBeUndefined();
    expect(parts()?.watch).toBeUndefined();
    expect(fake.listeners).toHaveLength(0);

    // Its key listener is gone: the rest's own handles the next press.
    const event = pressCaptureKey();
    await settle();
    expect(event.defaultPrevented).toBe(false);
    expect(fake.main!.captured).toEqual([]);
  });

  it('stays out of a page the rest already runs on', async () => {
    (globalThis as Record<string, unknown>).__earmarkParts = {
      main: { route: async () => ({ ok: true }), capture: () => undefined },
    };
    vi.resetModules();
    await import('../../src/content/watch');
    await import('../../src/content/first-use').then((m) => m.listenForFirstUse());
    await settle();
    expect(fake.sent).toEqual([]);
    expect(fake.listeners).toHaveLength(0);
  });
});
