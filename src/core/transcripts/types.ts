/** A transcript as Earmark shows it: timed cues, each with its speaker when the file names one. */

export interface Cue {
  /** Seconds from the start of the episode. */
  start: number;
  end: number;
  /** The speaker's name as the transcript writes it, or null. */
  speaker: string | null;
  /** Plain text: never markup. */
  text: string;
}

export const TRANSCRIPT_FORMATS = ['json', 'vtt', 'srt', 'html'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export interface Transcript {
  format: TranscriptFormat;
  cues: Cue[];
}
