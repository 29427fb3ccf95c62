import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import { CHROMIUM_PATH } from '../../test/support/browser';

/** The machine a run was measured on: what makes figures comparable, and no paths. */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
}

function chromiumVersion(): string {
  try {
    const output = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 15_000,
    });
    return /\d+\.\d+\.\d+\.\d+/.exec(output)?.[0] ?? output.trim();
  } catch {
    return 'not found';
  }
}

export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
  };
}
