import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** shared/ runs in the renderer, the server and the CLI alike, so the lint rule that keeps it platform-free must hold. */
describe('shared/ platform boundary', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: 'shared/example/probe.ts' });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it.each([
    ["import Dexie from 'dexie';"],
    ["import { readFile } from 'node:fs/promises';"],
    ["import { app } from 'electron';"],
    ["import { Button } from 'antd';"],
    ["import { db } from '../../renderer/src/db/database';"],
  ])('refuses %s', async (line) => {
    expect(await lint(`${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('refuses browser and Node globals', async () => {
    expect(await lint('export const w = window.location.href;\n')).toContain('no-restricted-globals');
    expect(await lint('export const e = process.env.HOME;\n')).toContain('no-restricted-globals');
  });

  it('allows the platform-free libraries shared/ is built on', async () => {
    expect(await lint("import { zipSync } from 'fflate';\nexport const z = zipSync;\n")).toEqual([]);
  });
});
