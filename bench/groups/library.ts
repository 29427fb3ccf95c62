/**
 * Library search per keystroke on 10,000 quotes (issue 7: < 30 ms). The library page will
 * live in src/ui/library; until it exists, the figure is printed as not built yet. Once it
 * does, this group needs a way to drive its search (a pure search function in core, or the
 * built page and its search box) before it can measure anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchGroup } from '../lib/context';
import { notBuiltFigure } from '../lib/figures';

const GROUP = 'library';
export const SEARCH_BUDGET_MS = 30;

export const library: BenchGroup = {
  name: GROUP,
  about: 'library search per keystroke on 10,000 quotes',
  usesBrowser: false,
  async run(context: BenchContext) {
    const built = existsSync(join(context.root, 'src/ui/library'));
    return [
      notBuiltFigure(
        GROUP,
        'search per keystroke, 10,000 quotes',
        'ms',
        SEARCH_BUDGET_MS,
        'timing',
        built
          ? 'src/ui/library exists, but the bench has no way to drive its search yet'
          : 'src/ui/library does not exist yet',
      ),
    ];
  },
};
