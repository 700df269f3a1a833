import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The installer's Electron fuses, read from the packaging configuration electron-builder uses. */
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown> };
const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

describe('packaging', () => {
  it('flips the fuses that close the usual ways into a packaged Electron app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses electron-builder knows, so none is silently ignored', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
  });
});
