// Store tests run the real idb code against an in-memory IndexedDB.
import 'fake-indexeddb/auto';

// happy-dom loads no iframe page in tests (by design) and writes each one it skips to the
// process's stderr, with a stack: thousands of lines from the hostile-page tests that would
// bury a real failure. Only that message is dropped.
const SKIPPED_IFRAME =
  /^DOMException \[NotSupportedError\]: Failed to load iframe page .*Iframe page loading is disabled\./;
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
  if (typeof chunk === 'string' && SKIPPED_IFRAME.test(chunk)) return true;
  return (writeStderr as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;

// findBy… waits for parts that load after the first render (the episode's details chunk). Its
// 1 s default is a speed check in disguise, and failed with both cores busy: 10 s instead.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 10_000 });
}
