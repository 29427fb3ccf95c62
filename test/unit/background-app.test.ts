/**
 * The background's behaviour behind every way to capture, with a real store (fake-indexeddb)
 * and a fake tab that answers like the content script. The browser shortcut and the context
 * menu can't be pressed in a browser test; here they are, through the same function.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../src/messages/schemas';
import type { ContentMessage } from '../../src/messages/schemas';
import { StoreError } from '../../src/store/errors';
import { createStore, type Store } from '../../src/store/store';

/** The tab's content script: answers `page/read` with `page`, like src/content/main.ts. */
const tab = vi.hoisted(() => ({
  page: null as unknown,
  reads: 0,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: string, substitutions: string[] = []) => [key, ...substitutions].join(' '),
    },
    runtime: { getManifest: () => ({ content_scripts: [{ js: ['content.js'] }] }) },
    scripting: { executeScript: async () => [] },
    tabs: {
      sendMessage: async (_tabId: number, message: { type: string }) => {
        if (message.type !== 'page/read') return { ok: false, error: 'unexpected' };
        tab.reads++;
        return { ok: true, page: tab.page };
      },
    },
  },
}));

const { COMMAND_SAVE_QUOTE, MENU_SAVE_QUOTE, createBackground } =
  await import('../../src/background/app');

const SELF = { id: 'earmark-id', origin: 'chrome-extension://earmark-id/' };
const POPUP = { id: SELF.id, url: `${SELF.origin}src/ui/popup/index.html` };
const URL = 'https://podcasts.example/episodes/12';
const TAB = 7;
const CONTENT = { id: SELF.id, url: URL, tab: { id: TAB }, frameId: 0 };

const WORDS = 'Write down the words that surprised you.';

function pageWith(text: string | null, timeSec: number | null = 62.5): PageState {
  return {
    url: URL,
    title: 'Episode 12 | Margin Notes',
    detection: {
      kind: 'episode',
      platform: 'generic',
      score: 0.9,
      evidence: [],
      episode: { title: 'Episode 12', show: 'Margin Notes', url: URL },
    },
    selection:
      text === null
        ? null
        : {
            text,
            anchor: {
              quote: { type: 'TextQuoteSelector', exact: text, prefix: 'Exactly. ', suffix: '' },
              position: { type: 'TextPositionSelector', start: 9, end: 9 + text.length },
              timeSec,
            },
            speaker: 'Sam Rivera',
          },
    timeSec,
    hasMedia: true,
  };
}

let store: Store;
let told: { tabId: number; message: ContentMessage; storedThen: number }[];
let badges: { tabId: number; kind: string; count: number }[];
let loaded: { tabId: number; frameId: number }[];
/** Side panels opened, and the views told a quote is waiting. */
let panels: { opens: boolean };
let panelOpens: number[];
let viewsTold: unknown[];

function background(overrides: Partial<Store> = {}) {
  const wrapped = { ...store, ...overrides } as Store;
  return createBackground({
    store: wrapped,
    self: SELF,
    tellTab: async (tabId, message) => {
      // What the store holds at the moment the page is told: "saved" must already be true.
      const storedThen = (await store.exportLibrary()).quotes.length;
      told.push({ tabId, message, storedThen });
    },
    showBadge: async (tabId, kind, count) => {
      badges.push({ tabId, kind, count });
    },
    loadContentScript: async (tabId, frameId) => {
      loaded.push({ tabId, frameId });
    },
    openPanel: (tabId) => {
      panelOpens.push(tabId);
      return Promise.resolve(panels.opens);
    },
    tellViews: async (message) => {
      viewsTold.push(message);
    },
    t: (key) => key,
  });
}

const feedback = () =>
  told.map((t) => (t.message.type === 'capture/feedback' ? t.message.result : null));

beforeEach(() => {
  store = createStore({ name: `earmark-bg-${Math.random()}` });
  tab.page = pageWith(WORDS);
  tab.reads = 0;
  told = [];
  badges = [];
  loaded = [];
  panels = { opens: true };
  panelOpens = [];
  viewsTold = [];
});

afterEach(async () => {
  await store.close();
});

describe('one capture path', () => {
  it.each([
    [
      'the keyboard shortcut',
      (bg: ReturnType<typeof background>) => bg.onCommand(COMMAND_SAVE_QUOTE, TAB),
    ],
    [
      'the context menu',
      (bg: ReturnType<typeof background>) => bg.onMenuClick(MENU_SAVE_QUOTE, TAB),
    ],
    [
      "the popup's button",
      (bg: ReturnType<typeof background>) => bg.route({ type: 'capture/save', tabId: TAB }, POPUP),
    ],
    [
      "the page's own key or button",
      (bg: ReturnType<typeof background>) => bg.route({ type: 'capture/from-page' }, CONTENT),
    ],
  ])('saves the selection with its time and speaker from %s', async (_way, press) => {
    const bg = background();
    await press(bg);

    const { episodes, quotes } = await store.exportLibrary();
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ text: WORDS, timeSec: 62.5 });
    const speaker = episodes[0]!.participants.find((p) => p.id === quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ name: 'Sam Rivera' });
    expect(feedback()).toEqual([
      { ok: true, quoteId: quotes[0]!.id, text: WORDS, timeSec: 62.5, speaker: 'Sam Rivera' },
    ]);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'episode', count: 1 });
  });

  it('tells the page "saved" only after the transaction committed', async () => {
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(told).toHaveLength(1);
    expect(told[0]!.storedThen).toBe(1);
  });

  it('ignores other commands and menu items', async () => {
    const bg = background();
    expect(bg.onCommand('open-side-panel', TAB)).toBeNull();
    expect(bg.onMenuClick('something-else', TAB)).toBeNull();
    expect(bg.onCommand(COMMAND_SAVE_QUOTE, undefined)).toBeNull();
    expect(tab.reads).toBe(0);
  });

  it('saves one quote when a second request comes while the first is running', async () => {
    const bg = background();
    const [a, b] = await Promise.all([
      bg.onCommand(COMMAND_SAVE_QUOTE, TAB),
      bg.route({ type: 'capture/from-page' }, CONTENT),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual({ ok: true });
    expect((await store.exportLibrary()).quotes).toHaveLength(1);
    expect(tab.reads).toBe(1);
  });

  it('attributes a guessed first name to the participant it refers to', async () => {
    const page = pageWith(WORDS);
    page.selection!.speaker = 'Sam';
    page.detection.episode!.participants = [
      { name: 'Ada Park', role: 'host' },
      { name: 'Sam Rivera', role: 'guest' },
    ];
    tab.page = page;
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);

    const { episodes, quotes } = await store.exportLibrary();
    expect(episodes[0]!.participants.map((p) => p.name)).toEqual(['Ada Park', 'Sam Rivera']);
    const speaker = episodes[0]!.participants.find((p) => p.id === quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ name: 'Sam Rivera', role: 'guest' });
  });

  it('adds a speaker nobody listed as a guest', async () => {
    const page = pageWith(WORDS);
    page.selection!.speaker = 'Jonas Weber';
    tab.page = page;
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    const { episodes } = await store.exportLibrary();
    expect(episodes[0]!.participants).toMatchObject([{ name: 'Jonas Weber', role: 'guest' }]);
  });

  it('normalises whitespace in the saved text', async () => {
    tab.page = pageWith('  Write down\n\t the words  ');
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect((await store.exportLibrary()).quotes[0]!.text).toBe('Write down the words');
  });
});

describe('when saving fails', () => {
  it('says so when nothing is selected, with no draft to keep', async () => {
    tab.page = pageWith(null);
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(feedback()).toEqual([{ ok: false, error: 'errorNoSelection', text: null, retry: null }]);
  });

  it('refuses a selection over 5,000 characters with a clear message and keeps its text', async () => {
    const long = 'word '.repeat(1_200).trim();
    tab.page = pageWith(long);
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(feedback()).toEqual([
      {
        ok: false,
        error: expect.stringMatching(/^errorQuoteTooLong 5.?999 5.?000$/),
        text: long,
        retry: null,
      },
    ]);
    expect((await store.exportLibrary()).quotes).toEqual([]);
  });

  it('keeps the text as a draft when the store fails, and saves it on Retry', async () => {
    const failing = background({
      saveCapture: async () => {
        throw new StoreError('The disk is full. Nothing was saved.', 'quota');
      },
    });
    await failing.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [result] = feedback();
    expect(result).toEqual({
      ok: false,
      error: 'The disk is full. Nothing was saved.',
      text: WORDS,
      retry: tab.page,
    });

    // The page sends the draft back once the person presses Retry.
    const bg = background();
    const retry = result!.ok === false ? result!.retry! : null;
    expect(await bg.route({ type: 'capture/retry', page: retry }, CONTENT)).toEqual({ ok: true });
    expect((await store.exportLibrary()).quotes).toMatchObject([{ text: WORDS, timeSec: 62.5 }]);
    expect(feedback().at(-1)).toMatchObject({ ok: true, text: WORDS });
  });

  it('sends a draft back only to the site it came from', async () => {
    const bg = background();
    const reply = await bg.route(
      { type: 'capture/retry', page: pageWith(WORDS) },
      { ...CONTENT, url: 'https://elsewhere.example/page' },
    );
    expect(reply).toMatchObject({ ok: false });
    expect((await store.exportLibrary()).quotes).toEqual([]);
  });
});

describe('Undo from the page', () => {
  it('deletes the quote the tab just saved', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;

    expect(await bg.route({ type: 'quote/undo', quoteId: saved!.id }, CONTENT)).toEqual({
      ok: true,
    });
    expect((await store.exportLibrary()).quotes).toEqual([]);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'episode', count: 0 });
  });

  it('refuses to delete a quote another tab saved, or one it already undid', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;
    const otherTab = { ...CONTENT, tab: { id: TAB + 1 } };

    expect(await bg.route({ type: 'quote/undo', quoteId: saved!.id }, otherTab)).toEqual({
      ok: false,
      error: 'errorUndoExpired',
    });
    expect(await bg.route({ type: 'quote/undo', quoteId: saved!.id }, CONTENT)).toEqual({
      ok: true,
    });
    expect(await bg.route({ type: 'quote/undo', quoteId: saved!.id }, CONTENT)).toMatchObject({
      ok: false,
    });
  });
});

describe('Mark this moment', () => {
  it('saves the player time with no text and no anchor', async () => {
    tab.page = pageWith(null, 1_234);
    const reply = await background().route({ type: 'capture/moment', tabId: TAB }, POPUP);
    expect(reply).toMatchObject({ ok: true, quote: { text: '', timeSec: 1_234, anchor: null } });
    expect(feedback()).toMatchObject([{ ok: true, text: '', timeSec: 1_234 }]);
  });

  it('saves the words the person typed with the time', async () => {
    tab.page = pageWith(null, 90);
    const reply = await background().route(
      { type: 'capture/moment', tabId: TAB, text: ' what  she said ' },
      POPUP,
    );
    expect(reply).toMatchObject({ ok: true, quote: { text: 'what she said', timeSec: 90 } });
  });

  it('refuses when the page has no time and nothing was typed', async () => {
    tab.page = pageWith(null, null);
    const reply = await background().route({ type: 'capture/moment', tabId: TAB }, POPUP);
    expect(reply).toEqual({ ok: false, error: 'errorNoMoment' });
    expect((await store.exportLibrary()).quotes).toEqual([]);
  });
});

describe('words saved from the transcript panel', () => {
  it('saves them at the cue’s start, by the cue’s speaker, with no page anchor', async () => {
    // The player has moved on (1:40) since the cue the words are in began (1:32.5).
    tab.page = pageWith(null, 100);
    const reply = await background().route(
      {
        type: 'capture/transcript',
        tabId: TAB,
        text: ' words  heard ',
        timeSec: 92.5,
        speaker: 'Ann Lee',
      },
      POPUP,
    );
    expect(reply).toMatchObject({
      ok: true,
      quote: { text: 'words heard', timeSec: 92.5, anchor: null },
    });
    const { episodes, quotes } = await store.exportLibrary();
    const speaker = episodes[0]!.participants.find((p) => p.name === 'Ann Lee');
    expect(speaker).toBeDefined();
    expect(quotes[0]!.speakerId).toBe(speaker!.id);
    expect(feedback()).toMatchObject([{ ok: true, text: 'words heard', timeSec: 92.5 }]);
  });
});

describe('pages and their highlights', () => {
  const detection = { kind: 'episode', platform: 'generic', score: 0.9, evidence: [] };

  it('adds the full content script to the frame whose start-up script asked', async () => {
    const bg = background();
    expect(await bg.route({ type: 'content/load' }, { ...CONTENT, frameId: 3 })).toEqual({
      ok: true,
    });
    expect(loaded).toEqual([{ tabId: TAB, frameId: 3 }]);
    expect(await bg.route({ type: 'content/load' }, POPUP)).toMatchObject({ ok: false });
    expect(loaded).toHaveLength(1);
  });

  it('answers a page report with its quote count and the floating-button setting', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(await bg.route({ type: 'page/detected', url: URL, detection }, CONTENT)).toEqual({
      ok: true,
      quoteCount: 1,
      floatingButton: true,
    });
    await store.setMeta('settings', { floatingButton: false });
    expect(await bg.route({ type: 'page/detected', url: URL, detection }, CONTENT)).toMatchObject({
      floatingButton: false,
    });
  });

  it("places the quotes of the sender's own page and keeps the result for the popup", async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;
    const text = `Exactly. ${WORDS}`;

    const reply = await bg.route({ type: 'highlights/anchor', texts: [text] }, CONTENT);
    expect(reply).toMatchObject({
      ok: true,
      placed: [{ quoteId: saved!.id, root: 0, start: 9, end: 9 + WORDS.length }],
      orphans: [],
    });
    // Another site asking gets its own (empty) episode, whatever text it sends.
    const elsewhere = { ...CONTENT, url: 'https://elsewhere.example/' };
    expect(await bg.route({ type: 'highlights/anchor', texts: [text] }, elsewhere)).toMatchObject({
      placed: [],
      orphans: [],
    });

    await bg.route({ type: 'highlights/anchor', texts: ['The passage is gone.'] }, CONTENT);
    expect(await bg.route({ type: 'highlights/status', tabId: TAB }, POPUP)).toMatchObject({
      ok: true,
      status: { placed: [], orphans: [saved!.id] },
    });
    expect((await store.exportLibrary()).quotes).toHaveLength(1);
  });
});

describe('a click on a highlight', () => {
  async function savedQuote() {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;
    return { bg, saved: saved! };
  }

  it('opens the side panel during the click, then hands the quote to the view that asks', async () => {
    const { bg, saved } = await savedQuote();
    const replying = bg.route({ type: 'highlights/open', quoteId: saved.id }, CONTENT);
    // Already called, before the handler's first await: the click's gesture is still on.
    expect(panelOpens).toEqual([TAB]);
    expect(await replying).toEqual({ ok: true, opened: true });
    expect(viewsTold).toEqual([{ type: 'quote/waiting', tabId: TAB }]);

    const take = { type: 'quote/take-focus', tabId: TAB } as const;
    expect(await bg.route(take, POPUP)).toEqual({ ok: true, quoteId: saved.id });
    // Once: the next popup opens as usual.
    expect(await bg.route(take, POPUP)).toEqual({ ok: true, quoteId: null });
  });

  it('says when no panel could open, so the page can point to the toolbar button', async () => {
    const { bg, saved } = await savedQuote();
    panels.opens = false;
    expect(await bg.route({ type: 'highlights/open', quoteId: saved.id }, CONTENT)).toEqual({
      ok: true,
      opened: false,
    });
    // The popup, opened next, shows it.
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, POPUP)).toMatchObject({
      quoteId: saved.id,
    });
  });

  it("refuses a quote that isn't the page's own, and keeps nothing for a view", async () => {
    const { bg, saved } = await savedQuote();
    const elsewhere = { ...CONTENT, url: 'https://elsewhere.example/' };
    expect(await bg.route({ type: 'highlights/open', quoteId: saved.id }, elsewhere)).toEqual({
      ok: false,
      error: 'errorQuoteNotOnPage',
    });
    expect(await bg.route({ type: 'highlights/open', quoteId: 'no-such-quote' }, CONTENT)).toEqual({
      ok: false,
      error: 'errorQuoteNotOnPage',
    });
    expect(viewsTold).toEqual([]);
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, POPUP)).toMatchObject({
      quoteId: null,
    });
    // Only the page's content script may ask, and only extension pages may take.
    expect(await bg.route({ type: 'highlights/open', quoteId: saved.id }, POPUP)).toMatchObject({
      ok: false,
    });
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, CONTENT)).toMatchObject({
      ok: false,
    });
  });

  it('forgets a waiting quote when its tab closes', async () => {
    const { bg, saved } = await savedQuote();
    await bg.route({ type: 'highlights/open', quoteId: saved.id }, CONTENT);
    bg.onTabRemoved(TAB);
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, POPUP)).toMatchObject({
      quoteId: null,
    });
  });
});
