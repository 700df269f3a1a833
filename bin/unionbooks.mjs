#!/usr/bin/env node
// The command line runs the TypeScript sources through tsx, so `npx unionbooks` needs no build step.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// Registered after tsx so that it runs first: `?raw` template imports shared with the app.
registerHooks('./raw-import-hooks.mjs', import.meta.url);
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
