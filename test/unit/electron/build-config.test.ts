// The packaging configuration, read and checked by electron-builder's own code
// (packaging itself needs an Electron distribution and cannot run here): the
// config is valid for electron-builder, and its fuses become exactly this wire
// for @electron/fuses.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type * as Fuses from '@electron/fuses';

const require = createRequire(import.meta.url);
// The package index first: its modules import each other in a fixed order.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>> } };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as typeof Fuses;

async function loadConfig() {
  return getConfig(process.cwd(), 'electron-builder.yml', null);
}

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration that packs the app into asar, native modules beside it', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.publish).toBeNull();
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector; app only from a checked asar; cookie encryption; no file:// extras', async () => {
    const config = await loadConfig();
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('the fuse tool and electron-builder are pinned to exact versions', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
    expect(lock.packages['node_modules/@electron/fuses']?.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
