import type { CDPSession } from 'playwright-core';

/**
 * A Chromium trace of one extension page's main thread over a window: its tasks, what each
 * held, and how long it ran. For figures finer than Performance.getMetrics can give: that
 * counts every task of the page, so a timer that fires twice in one window and three times in
 * the next swamps a change of a millisecond.
 */
export interface TracedTask {
  /** Main-thread time of the task, ms. */
  ms: number;
  /** The task drew a frame (style, layout, paint, commit). */
  frame: boolean;
  /** Script files (their addresses) the task called into. */
  urls: string[];
}

/** A renderer's main thread, as the trace names it. */
export interface MainThread {
  pid: number;
  tid: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'toplevel', 'blink'];
const TASK = 'ThreadControllerImpl::RunTask';
const FRAME = 'WebFrameWidgetImpl::BeginMainFrame';

/** The browser's trace events while `act` runs. */
async function traceWhile(session: CDPSession, act: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (chunk: { value: object[] }) => {
    events.push(...(chunk.value as TraceEvent[]));
  };
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  try {
    await act();
  } finally {
    const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', collect);
  }
  return events;
}

/**
 * The main thread of the page whose scripts come from `scriptPrefix` (an extension page: its
 * `chrome-extension://ID/assets/`), found by a call into one of them while `act` runs: `act`
 * must make one (a click on a control, say). Not every window has such a call: an answer from
 * a tab resumes an await, and a resumed await is a microtask, not a call with an address.
 */
export async function findMainThread(
  session: CDPSession,
  scriptPrefix: string,
  act: () => Promise<void>,
): Promise<MainThread> {
  const events = await traceWhile(session, act);
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const own = events.find(
    (e) =>
      e.name === 'FunctionCall' &&
      e.args?.data?.url?.startsWith(scriptPrefix) &&
      mains.has(`${e.pid}:${e.tid}`),
  );
  if (!own)
    throw new Error(`no call into ${scriptPrefix} in the trace: its main thread is unknown`);
  return { pid: own.pid, tid: own.tid };
}

/** Traces the browser while `act` runs and returns the tasks of `main`. */
export async function traceMainThread(
  session: CDPSession,
  main: MainThread,
  act: () => Promise<void>,
): Promise<TracedTask[]> {
  const events = await traceWhile(session, act);
  const thread = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasks: TracedTask[] = [];
  let at = 0;
  for (const task of thread) {
    if (task.name !== TASK) continue;
    const end = task.ts + task.dur!;
    const inside: TraceEvent[] = [];
    while (at < thread.length && thread[at]!.ts < task.ts) at++;
    for (let i = at; i < thread.length && thread[i]!.ts < end; i++) inside.push(thread[i]!);
    tasks.push({
      ms: task.dur! / 1000,
      frame: inside.some((e) => e.name === FRAME),
      urls: inside.flatMap((e) =>
        e.name === 'FunctionCall' && e.args?.data?.url ? [e.args.data.url] : [],
      ),
    });
  }
  return tasks;
}
