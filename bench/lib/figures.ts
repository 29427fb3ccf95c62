import type { Summary } from './stats';

/** How a figure is judged: sizes are deterministic and always enforced; the rest are timings. */
export type FigureKind = 'size' | 'timing' | 'ratio' | 'memory' | 'count';

export type Status = 'ok' | 'over budget' | 'no budget' | 'not built yet';

export interface Spread {
  from: number;
  to: number;
  /** Which spread: the middle half of the runs, or all of them. */
  of: 'p25–p75' | 'min–max';
}

/** One line of the table and one entry of results.json. */
export interface Figure {
  group: string;
  name: string;
  /** Null when what it measures does not exist yet. */
  value: number | null;
  unit: string;
  /** The figure must be at most this (same unit), or null when there is no budget. */
  budget: number | null;
  kind: FigureKind;
  runs: number;
  spread: Spread | null;
  /** The slowest run, for timings: issue 3 also asks that no task take over 50 ms. */
  max?: number;
  status: Status;
  note?: string;
}

function statusOf(value: number | null, budget: number | null): Status {
  if (value === null) return 'not built yet';
  if (budget === null) return 'no budget';
  return value <= budget ? 'ok' : 'over budget';
}

/** Rounds to a precision that fits the size of the number: 0.123, 12.3, 1234. */
export function tidy(value: number): number {
  const digits =
    Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function sizeFigure(
  group: string,
  name: string,
  bytes: number,
  budgetKb: number | null,
  note?: string,
): Figure {
  const value = tidy(bytes / 1000);
  return {
    group,
    name,
    value,
    unit: 'kB',
    budget: budgetKb,
    kind: 'size',
    runs: 1,
    spread: null,
    status: statusOf(value, budgetKb),
    ...(note ? { note } : {}),
  };
}

export function timingFigure(
  group: string,
  name: string,
  summary: Summary,
  budgetMs: number | null,
  note?: string,
): Figure {
  const value = tidy(summary.median);
  return {
    group,
    name,
    value,
    unit: 'ms',
    budget: budgetMs,
    kind: 'timing',
    runs: summary.runs,
    spread: { from: tidy(summary.p25), to: tidy(summary.p75), of: 'p25–p75' },
    max: tidy(summary.max),
    status: statusOf(value, budgetMs),
    ...(note ? { note } : {}),
  };
}

/** Any other measured quantity (a ratio, a heap size, a count) with its own unit. */
export function valueFigure(
  group: string,
  name: string,
  options: {
    value: number;
    unit: string;
    kind: FigureKind;
    budget?: number | null;
    runs?: number;
    summary?: Summary;
    note?: string;
  },
): Figure {
  const value = tidy(options.value);
  const budget = options.budget ?? null;
  return {
    group,
    name,
    value,
    unit: options.unit,
    budget,
    kind: options.kind,
    runs: options.summary?.runs ?? options.runs ?? 1,
    spread: options.summary
      ? { from: tidy(options.summary.p25), to: tidy(options.summary.p75), of: 'p25–p75' }
      : null,
    status: statusOf(value, budget),
    ...(options.note ? { note: options.note } : {}),
  };
}

/** A figure whose feature does not exist yet: printed as such, never faked. */
export function notBuiltFigure(
  group: string,
  name: string,
  unit: string,
  budget: number | null,
  kind: FigureKind,
  note: string,
): Figure {
  return {
    group,
    name,
    value: null,
    unit,
    budget,
    kind,
    runs: 0,
    spread: null,
    status: 'not built yet',
    note,
  };
}

/** Whether a figure fails the run: sizes always; timings and the rest only in a full run. */
export function failsRun(figure: Figure, quick: boolean): boolean {
  if (figure.status !== 'over budget') return false;
  return figure.kind === 'size' || !quick;
}

function show(value: number | null, unit: string): string {
  return value === null ? '—' : `${value} ${unit}`;
}

/** The figures as a plain-text table, one line each, columns padded to fit. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['group', 'figure', 'value', 'budget', 'runs', 'spread', 'status', 'note'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.value === null ? 'not built yet' : show(f.value, f.unit),
    f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`,
    f.runs === 0 ? '—' : String(f.runs),
    f.spread ? `${f.spread.from}–${f.spread.to} (${f.spread.of})` : '—',
    f.status === 'over budget' ? 'OVER BUDGET' : f.status,
    f.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for BENCHMARKS.md. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '| group | figure | value | budget | runs | spread | status | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of figures) {
    lines.push(
      `| ${[
        f.group,
        f.name,
        f.value === null ? 'not built yet' : show(f.value, f.unit),
        f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`,
        f.runs === 0 ? '—' : String(f.runs),
        f.spread ? `${f.spread.from}–${f.spread.to}` : '—',
        f.status === 'over budget' ? '**over budget**' : f.status,
        f.note ?? '',
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
