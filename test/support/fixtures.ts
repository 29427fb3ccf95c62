import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared real-world fixtures live beside the repository (`../shared/fixtures`), in CI too.
 * EARMARK_FIXTURES points elsewhere when a checkout lives somewhere else.
 */
export const FIXTURES_DIR = process.env.EARMARK_FIXTURES
  ? resolve(process.env.EARMARK_FIXTURES)
  : resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}
