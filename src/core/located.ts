/**
 * A problem in fetched text, with where it is: a line (and column) of a feed or transcript, or
 * a path into a JSON file. Shown to the person as one sentence; nothing from the input is kept.
 */
export interface Located {
  message: string;
  /** 1-based line in the text, when the input is line-based (XML, WebVTT, SubRip, HTML). */
  line?: number;
  column?: number;
  /** A dotted path into JSON input (`segments.12.startTime`). */
  path?: string;
}

export type Parsed<T> = { ok: true; value: T; warnings: Located[] } | { ok: false; error: Located };

export function located(message: string, where: Omit<Located, 'message'> = {}): Located {
  return { message, ...where };
}

/** "line 12, column 4: unclosed tag" — the one way a located problem is written for people. */
export function describeLocated(problem: Located): string {
  const where =
    problem.line !== undefined
      ? `line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}`
      : problem.path
        ? problem.path
        : '';
  return where ? `${where}: ${problem.message}` : problem.message;
}
