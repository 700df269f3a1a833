#!/usr/bin/env node
// The command line runs the TypeScript sources through tsx, so `npx unionbooks` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
