import type { ComponentProps, ComponentType } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { WordsApi } from './api';

type TranscriptModule = typeof import('./TranscriptPanel');

/** What the episode screen hands the transcript panel: its view, not the network access. */
export type TranscriptSlotProps = Omit<
  ComponentProps<TranscriptModule['TranscriptPanel']>,
  'words'
>;

/**
 * The transcript panel (feeds, transcripts, XML) is the side panel's only: its chunk starts
 * loading with the side panel and is drawn once there. The popup never imports this module,
 * so its first render doesn't carry the loader either (bench: sizes, popup ≤ 30 kB).
 */
export function lazyTranscriptPanel(words: WordsApi): ComponentType<TranscriptSlotProps> {
  let loaded: TranscriptModule | null = null;
  const loading = import('./TranscriptPanel').then((module) => (loaded = module));
  return function Transcript(props: TranscriptSlotProps) {
    // Loaded by the time the episode is read, it is drawn in the editor's first frame.
    const [module, setModule] = useState(loaded);
    // A layout effect: a plain one would wait for a paint before asking.
    useLayoutEffect(() => {
      if (!module) void loading.then(setModule);
    }, []);
    return module && <module.TranscriptPanel {...props} words={words} />;
  };
}
