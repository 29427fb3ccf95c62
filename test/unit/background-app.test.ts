/**
 * The background's behaviour behind every way to capture, with a real store (fake-indexeddb)
 * and a fake tab that answers like the content script. The browser shortcut and the context
 * menu can't be pressed in a browser test; here they are, through the same function.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureFeedback, PageState } from '../../src/messages/schemas';
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
// The pages' door to the same APIs (the tab client, i18n): the same fake.
vi.mock('../../src/browser/extension-api', () => import('webextension-polyfill'));

const { COMMAND_SAVE_QUOTE, MENU_SAVE_QUOTE, createBackground } =
  await import('../../src/background/app');
type BackgroundDeps = Parameters<typeof createBackground>[0];

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
let loaded: { tabId: number; frameId: number; part: string }[];
/** Side panels opened, and the views told a quote is waiting. */
let panels: { opens: boolean };
let panelOpens: number[];
let viewsTold: unknown[];

function background(overrides: Partial<Store> = {}, deps: Partial<BackgroundDeps> = {}) {
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
    loadContentScript: async (tabId, frameId, part) => {
      loaded.push({ tabId, frameId, part });
    },
    openPanel: (tabId) => {
      panelOpens.push(tabId);
      return Promise.resolve(panels.opens);
    },
    tellViews: async (message) => {
      viewsTold.push(message);
    },
    t: (key) => key,
    ...deps,
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
    const reply = await press(bg);
    // The page's own key hears the outcome in the reply it waits for; the others are told.
    const result = (reply as { result?: CaptureFeedback } | null)?.result;
    const heard = result ? [result] : [];

    const { episodes, quotes } = await store.exportLibrary();
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ text: WORDS, timeSec: 62.5 });
    const speaker = episodes[0]!.participants.find((p) => p.id === quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ name: 'Sam Rivera' });
    expect([...feedback(), ...heard]).toEqual([
      {
        ok: true,
        quoteId: quotes[0]!.id,
        text: WORDS,
        timeSec: 62.5,
        speaker: 'Sam Rivera',
        hours: false,
      },
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
    expect(b).toMatchObject({ ok: true, result: { ok: true } });
    expect((await store.exportLibrary()).quotes).toHaveLength(1);
    expect(tab.reads).toBe(1);
  });

  it('saves a passage once: the second time says so and offers the quote saved before', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    // The selection stays after the key: the floating button, then the menu, press again.
    const again = await bg.route({ type: 'capture/from-page' }, CONTENT);
    await bg.onMenuClick(MENU_SAVE_QUOTE, TAB);

    const { quotes } = await store.exportLibrary();
    expect(quotes).toHaveLength(1);
    const repeat = {
      ok: false,
      error: 'captureAlreadySaved 1:02',
      text: null,
      retry: null,
      savedQuoteId: quotes[0]!.id,
    };
    // The page's own key or button hears the outcome in its reply (issue 18); the menu's
    // comes as feedback to the page.
    expect(again).toEqual({ ok: true, result: repeat });
    expect(feedback().slice(1)).toEqual([repeat]);
    // Nothing new to undo: Undo on the repeat's toast can't delete the quote saved before.
    expect(badges.filter((b) => b.count === 1)).toHaveLength(1);
  });

  it('saves the same words again where the page says them again', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const elsewhere = pageWith(WORDS, 600);
    elsewhere.selection!.anchor!.quote.prefix = 'Later, once more: ';
    tab.page = elsewhere;
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const times = (await store.exportLibrary()).quotes.map((q) => q.timeSec);
    expect(times.sort((a, b) => a! - b!)).toEqual([62.5, 600]);
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

  it('adds nobody for a lone "Name:" line the page does not confirm as a turn (issue 20)', async () => {
    const page = pageWith(WORDS);
    page.selection!.speaker = 'Episode 251';
    page.selection!.speakerConfirmed = false;
    tab.page = page;
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    const { episodes, quotes } = await store.exportLibrary();
    expect(episodes[0]!.participants).toEqual([]);
    expect(quotes[0]!.speakerId).toBeNull();
    expect(feedback()).toMatchObject([{ ok: true, speaker: null }]);
  });

  it('still attributes an unconfirmed label to a participant the episode has', async () => {
    const page = pageWith(WORDS);
    page.selection!.speaker = 'Sam';
    page.selection!.speakerConfirmed = false;
    page.detection.episode!.participants = [{ name: 'Sam Rivera', role: 'guest' }];
    tab.page = page;
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    const { episodes, quotes } = await store.exportLibrary();
    expect(episodes[0]!.participants.map((p) => p.name)).toEqual(['Sam Rivera']);
    expect(quotes[0]!.speakerId).toBe(episodes[0]!.participants[0]!.id);
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
    expect(await bg.route({ type: 'capture/retry', page: retry }, CONTENT)).toMatchObject({
      ok: true,
      result: { ok: true, text: WORDS },
    });
    expect((await store.exportLibrary()).quotes).toMatchObject([{ text: WORDS, timeSec: 62.5 }]);
  });

  it('finds, not repeats, a save whose answer the page never heard, when it retries', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;
    // The service worker stopped after the commit: the page retries with the words it held.
    const reply = await bg.route({ type: 'capture/retry', page: pageWith(WORDS) }, CONTENT);
    expect(reply).toMatchObject({ ok: true, result: { ok: true, quoteId: saved!.id } });
    expect((await store.exportLibrary()).quotes).toHaveLength(1);
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

describe('the badge keeps a page a page (issue 20)', () => {
  it('counts quotes saved from a news article without calling it an episode', async () => {
    const page = pageWith(WORDS);
    page.detection = { kind: 'none', platform: null, score: 0, evidence: [] };
    tab.page = page;
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'none', count: 1 });
    const { episodes } = await store.exportLibrary();
    expect(episodes[0]!.kind).toBe('page');

    // Coming back to the page: still a page, with its quote counted.
    await bg.route({ type: 'page/detected', url: page.url, detection: page.detection }, CONTENT);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'none', count: 1 });

    const [saved] = (await store.exportLibrary()).quotes;
    await bg.route({ type: 'quote/undo', quoteId: saved!.id }, CONTENT);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'none', count: 0 });
  });

  it('makes a saved page an episode once a capture there finds one, never the reverse', async () => {
    const page = pageWith(WORDS);
    const episodeDetection = page.detection;
    page.detection = { kind: 'media', platform: 'generic', score: 0.5, evidence: [] };
    tab.page = page;
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect((await store.exportLibrary()).episodes[0]!.kind).toBe('page');
    // Other words each time: the same passage again is refused as a repeat (issue 19).
    tab.page = { ...pageWith('Second passage.'), detection: episodeDetection };
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect((await store.exportLibrary()).episodes[0]!.kind).toBe('episode');
    tab.page = { ...pageWith('Third passage.'), detection: page.detection };
    await background().onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect((await store.exportLibrary()).quotes).toHaveLength(3);
    expect((await store.exportLibrary()).episodes[0]!.kind).toBe('episode');
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

  it('adds the content script to the frame whose start-up script asked', async () => {
    const bg = background();
    expect(await bg.route({ type: 'content/load' }, { ...CONTENT, frameId: 3 })).toEqual({
      ok: true,
    });
    // No quotes saved for this episode: only the watch part, until the person acts.
    expect(loaded).toEqual([{ tabId: TAB, frameId: 3, part: 'watch' }]);
    expect(await bg.route({ type: 'content/load' }, POPUP)).toMatchObject({ ok: false });
    expect(loaded).toHaveLength(1);
  });

  it('adds all of the content script at once where the episode has saved quotes', async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(await bg.route({ type: 'content/load' }, CONTENT)).toEqual({ ok: true });
    expect(loaded).toEqual([{ tabId: TAB, frameId: 0, part: 'all' }]);
    // Another episode of the same site has none: the watch part.
    const other = { ...CONTENT, url: 'https://podcasts.example/episodes/13' };
    await bg.route({ type: 'content/load' }, other);
    expect(loaded[1]).toEqual({ tabId: TAB, frameId: 0, part: 'watch' });
  });

  it('lights the badge from a first look sure of an episode, and adds nothing until the person acts', async () => {
    const bg = background();
    const seen = { kind: 'episode', url: URL };
    expect(await bg.route({ type: 'content/load', seen }, CONTENT)).toEqual({ ok: true });
    expect(badges).toEqual([{ tabId: TAB, kind: 'episode', count: 0 }]);
    expect(loaded).toEqual([]);
    // With a quote saved for the episode: its count, and the rest at once for its highlights.
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    expect(await bg.route({ type: 'content/load', seen }, CONTENT)).toEqual({ ok: true });
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'episode', count: 1 });
    expect(loaded).toEqual([{ tabId: TAB, frameId: 0, part: 'all' }]);
    // A single-page app that moved to no podcast page: the badge claims nothing.
    const elsewhere = { kind: 'none', url: 'https://podcasts.example/about' };
    await bg.route({ type: 'content/load', seen: elsewhere }, CONTENT);
    expect(badges.at(-1)).toEqual({ tabId: TAB, kind: 'none', count: 0 });
  });

  it("takes a first look's report only for the page's own site", async () => {
    const bg = background();
    const seen = { kind: 'episode', url: 'https://elsewhere.example/episodes/12' };
    expect(await bg.route({ type: 'content/load', seen }, CONTENT)).toMatchObject({ ok: false });
    const odd = { kind: 'show', url: URL };
    expect(await bg.route({ type: 'content/load', seen: odd }, CONTENT)).toMatchObject({
      ok: false,
    });
    expect(badges).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('adds detection when the popup asks a page that has none yet', async () => {
    const bg = background();
    expect(await bg.route({ type: 'content/load', part: 'watch' }, CONTENT)).toEqual({ ok: true });
    expect(loaded).toEqual([{ tabId: TAB, frameId: 0, part: 'watch' }]);
  });

  it('adds the rest when the watch part asks (the person acted)', async () => {
    const bg = background();
    expect(await bg.route({ type: 'content/load', part: 'all' }, CONTENT)).toEqual({ ok: true });
    expect(loaded).toEqual([{ tabId: TAB, frameId: 0, part: 'all' }]);
    expect(await bg.route({ type: 'content/load', part: 'some' }, CONTENT)).toMatchObject({
      ok: false,
    });
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

    const reply = await bg.route({ type: 'highlights/anchor', url: URL, texts: [text] }, CONTENT);
    expect(reply).toMatchObject({
      ok: true,
      placed: [{ quoteId: saved!.id, root: 0, start: 9, end: 9 + WORDS.length }],
      orphans: [],
    });
    // Another site asking gets its own (empty) episode, whatever text it sends, and can't
    // name this page's address as its own.
    const elsewhere = { ...CONTENT, url: 'https://elsewhere.example/' };
    expect(
      await bg.route({ type: 'highlights/anchor', url: elsewhere.url, texts: [text] }, elsewhere),
    ).toMatchObject({ placed: [], orphans: [] });
    expect(
      await bg.route({ type: 'highlights/anchor', url: URL, texts: [text] }, elsewhere),
    ).toMatchObject({ ok: false });
    // After pushState the browser still names the document's first address as the sender's:
    // the page's current one, on the same site, is the episode.
    const moved = { ...CONTENT, url: 'https://podcasts.example/episodes/11' };
    expect(
      await bg.route({ type: 'highlights/anchor', url: URL, texts: [text] }, moved),
    ).toMatchObject({ ok: true, placed: [{ quoteId: saved!.id }] });

    await bg.route(
      { type: 'highlights/anchor', url: URL, texts: ['The passage is gone.'] },
      CONTENT,
    );
    expect(await bg.route({ type: 'highlights/status', tabId: TAB }, POPUP)).toMatchObject({
      ok: true,
      status: { placed: [], orphans: [saved!.id] },
    });
    expect((await store.exportLibrary()).quotes).toHaveLength(1);
  });

  it("gives the sender's own page its quotes' words, and forgets what an earlier pass found", async () => {
    const bg = background();
    await bg.onCommand(COMMAND_SAVE_QUOTE, TAB);
    const [saved] = (await store.exportLibrary()).quotes;
    await bg.route(
      { type: 'highlights/anchor', url: URL, texts: ['The passage is gone.'] },
      CONTENT,
    );
    expect(await bg.route({ type: 'highlights/status', tabId: TAB }, POPUP)).toMatchObject({
      status: { orphans: [saved!.id] },
    });

    expect(await bg.route({ type: 'highlights/quotes', url: URL }, CONTENT)).toEqual({
      ok: true,
      episodeId: saved!.episodeId,
      quotes: [
        {
          quoteId: saved!.id,
          quote: saved!.anchor!.quote,
          start: saved!.anchor!.position!.start,
          timeSec: saved!.timeSec,
        },
      ],
    });
    // The page places these itself and reports nothing: no stale orphan is left for the popup.
    expect(await bg.route({ type: 'highlights/status', tabId: TAB }, POPUP)).toEqual({
      ok: true,
      status: null,
    });
    // Another site gets its own (empty) episode, and can't name this page's address.
    const elsewhere = { ...CONTENT, url: 'https://elsewhere.example/' };
    expect(
      await bg.route({ type: 'highlights/quotes', url: elsewhere.url }, elsewhere),
    ).toMatchObject({ ok: true, quotes: [] });
    expect(await bg.route({ type: 'highlights/quotes', url: URL }, elsewhere)).toMatchObject({
      ok: false,
    });
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
    const replying = bg.route({ type: 'highlights/open', quoteId: saved.id, url: URL }, CONTENT);
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
    expect(
      await bg.route({ type: 'highlights/open', quoteId: saved.id, url: URL }, CONTENT),
    ).toEqual({
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
    expect(
      await bg.route({ type: 'highlights/open', quoteId: saved.id, url: URL }, elsewhere),
    ).toEqual({
      ok: false,
      error: 'errorQuoteNotOnPage',
    });
    expect(
      await bg.route({ type: 'highlights/open', quoteId: 'no-such-quote', url: URL }, CONTENT),
    ).toEqual({
      ok: false,
      error: 'errorQuoteNotOnPage',
    });
    expect(viewsTold).toEqual([]);
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, POPUP)).toMatchObject({
      quoteId: null,
    });
    // Only the page's content script may ask, and only extension pages may take.
    expect(
      await bg.route({ type: 'highlights/open', quoteId: saved.id, url: URL }, POPUP),
    ).toMatchObject({
      ok: false,
    });
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, CONTENT)).toMatchObject({
      ok: false,
    });
  });

  it('forgets a waiting quote when its tab closes', async () => {
    const { bg, saved } = await savedQuote();
    await bg.route({ type: 'highlights/open', quoteId: saved.id, url: URL }, CONTENT);
    bg.onTabRemoved(TAB);
    expect(await bg.route({ type: 'quote/take-focus', tabId: TAB }, POPUP)).toMatchObject({
      quoteId: null,
    });
  });
});

describe("the browser's shortcut (issue 18: never silent if the worker stops)", () => {
  /** A tab whose content script answers `capture/start` once it has been loaded. */
  function tabWithScript(loadedAlready: boolean, canLoad = true) {
    const state = { loaded: loadedAlready, starts: 0 };
    const deps: Partial<BackgroundDeps> = {
      tellTab: async (_tabId, message) => {
        if (!state.loaded) throw new Error('Could not establish connection.');
        if (message.type === 'capture/start') state.starts++;
        return { ok: true };
      },
      loadContentScript: async (tabId, frameId, part) => {
        if (!canLoad) throw new Error('Cannot access a chrome:// URL');
        loaded.push({ tabId, frameId, part });
        state.loaded = true;
      },
    };
    return { state, deps };
  }

  it('hands the capture to the page, which holds the words and waits for the outcome', async () => {
    const { state, deps } = tabWithScript(true);
    expect(await background({}, deps).onShortcut(COMMAND_SAVE_QUOTE, TAB)).toBe('page');
    expect(state.starts).toBe(1);
    // Nothing read or saved from here: the page's own capture asks for that.
    expect(tab.reads).toBe(0);
    expect((await store.exportLibrary()).quotes).toHaveLength(0);
  });

  it('adds the full content script to a page that has none, then hands it over', async () => {
    const { state, deps } = tabWithScript(false);
    expect(await background({}, deps).onShortcut(COMMAND_SAVE_QUOTE, TAB)).toBe('page');
    expect(loaded).toEqual([{ tabId: TAB, frameId: 0, part: 'all' }]);
    expect(state.starts).toBe(1);
  });

  it('captures from the background only where no content script can run', async () => {
    const { deps } = tabWithScript(false, false);
    const result = await background({}, deps).onShortcut(COMMAND_SAVE_QUOTE, TAB);
    expect(result).toMatchObject({ ok: true, quote: { text: WORDS } });
    expect(tab.reads).toBe(1);
  });

  it('ignores other commands and a command without a tab', async () => {
    const { state, deps } = tabWithScript(true);
    const bg = background({}, deps);
    expect(await bg.onShortcut('open-side-panel', TAB)).toBeNull();
    expect(await bg.onShortcut(COMMAND_SAVE_QUOTE, undefined)).toBeNull();
    expect(state.starts).toBe(0);
  });
});
