#!/usr/bin/env node
/** The `edgar-extract` executable: hands its arguments to runCli and exits with its code. */
import { runCli } from './cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only defects reach here: every expected failure is reported by runCli with its exit code.
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
