#!/usr/bin/env node
/** The `edgar-extract` executable: hands its arguments to runCli and exits with its code. */
import { tuneJitForBatches } from './cli/jit-tuning.js';
import { runCli } from './cli/main.js';
import { reportError } from './cli/program.js';

// Before any worker thread exists: each worker's isolate takes V8's flags as they are when it is created.
tuneJitForBatches();

const argv = process.argv.slice(2);
runCli(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only defects reach here (runCli reports every error it meets): still one line unless --debug.
    process.exitCode = reportError(error, { stdout: process.stdout, stderr: process.stderr, env: process.env }, argv.includes('--debug'));
  },
);
