import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchFlags } from '../../src/cli/jit-tuning.js';

describe('batchFlags', () => {
  it('sets the interrupt budget and machine-code regexes when the command line sets neither', () => {
    expect(batchFlags([])).toEqual(['--interrupt-budget=1000000', '--no-regexp-tier-up']);
    expect(batchFlags(['--max-old-space-size=512'])).toEqual(['--interrupt-budget=1000000', '--no-regexp-tier-up']);
  });

  it('leaves a flag given on the command line alone, in any of its spellings', () => {
    expect(batchFlags(['--interrupt-budget=67584'])).toEqual(['--no-regexp-tier-up']);
    expect(batchFlags(['--max-old-space-size=512', '--interrupt_budget=1000'])).toEqual(['--no-regexp-tier-up']);
    expect(batchFlags(['--regexp-tier-up'])).toEqual(['--interrupt-budget=1000000']);
    expect(batchFlags(['--no-regexp_tier_up', '--interrupt-budget=5'])).toEqual([]);
  });

  it('sets flags this Node’s V8 knows (an unknown one is reported on stderr), in a process of its own', () => {
    // A child process, because V8 flags are process-wide: setting them here would change the test runner's JIT. The
    // compiled module is used (`npm test` builds first), as the executable uses it.
    const built = fileURLToPath(new URL('../../dist/src/cli/jit-tuning.js', import.meta.url));
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(built)}); console.log(m.tuneJitForBatches([]).join(' '));`], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('--interrupt-budget=1000000 --no-regexp-tier-up');
  });
});
