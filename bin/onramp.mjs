#!/usr/bin/env node
// Runs the CLI from source through tsx, so `npx onramp` works right after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
