import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tuneJitForBatches } from '../../src/cli/jit-tuning.js';

describe('tuneJitForBatches', () => {
  it('leaves an interrupt budget given on the command line alone', () => {
    expect(tuneJitForBatches(['--interrupt-budget=67584'])).toBe(false);
    expect(tuneJitForBatches(['--max-old-space-size=512', '--interrupt_budget=1000'])).toBe(false);
  });

  it('sets a flag this Node’s V8 knows (an unknown one is reported on stderr), in a process of its own', () => {
    // A child process, because V8 flags are process-wide: setting it here would change the test runner's JIT. The
    // compiled module is used (`npm test` builds first), as the executable uses it.
    const built = fileURLToPath(new URL('../../dist/src/cli/jit-tuning.js', import.meta.url));
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(built)}); console.log(m.tuneJitForBatches([]));`], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('true');
  });
});
