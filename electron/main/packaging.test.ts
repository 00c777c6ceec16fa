import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_EXTERNAL, electronBundles } from '../cli/bundles';

const root = resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraMetadata: { main: string };
  directories: { buildResources: string; output: string };
  win: { target: string[] };
  linux: { target: string[]; maintainer: string };
}
const cfg = parse(read('electron-builder.yml')) as BuilderConfig;
const pkg = JSON.parse(read('package.json')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** better-sqlite3 and what it requires at run time (prebuild-install only runs at install). */
function nativeRuntimeModules(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || name === 'prebuild-install') return;
    seen.add(name);
    const deps = (JSON.parse(read(`node_modules/${name}/package.json`)) as { dependencies?: object })
      .dependencies;
    for (const d of Object.keys(deps ?? {})) visit(d);
  };
  visit('better-sqlite3');
  return [...seen];
}

describe('electron-builder.yml', () => {
  it('names the app and points at the bundled main', () => {
    expect(cfg.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(cfg.productName).toBe('网点分流');
    expect(cfg.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('builds Windows NSIS and Linux AppImage + deb', () => {
    expect(cfg.win.target).toEqual(['nsis']);
    expect([...cfg.linux.target].sort()).toEqual(['AppImage', 'deb']);
    expect(cfg.linux.maintainer).toBeTruthy(); // deb refuses to build without one
  });

  it('never rebuilds the native module against Node, and unpacks it from the asar', () => {
    expect(cfg.npmRebuild).toBe(false);
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('packs the three bundles, the renderer and package.json, without source maps', () => {
    for (const f of ['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map'])
      expect(cfg.files).toContain(f);
    expect(cfg.files.some((f) => /^(electron|renderer|shared|test)\//.test(f))).toBe(false);
  });

  it('keeps from node_modules exactly what the bundles leave external', () => {
    const keep = cfg.files
      .map((f) => /^!node_modules\/!\(([^)]+)\)\/\*\*$/.exec(f)?.[1])
      .find((m) => m !== undefined)
      ?.split('|');
    expect(keep?.sort()).toEqual(nativeRuntimeModules().sort());
    // electron/cli/bundles.ts: what esbuild leaves out of the Electron bundles must be shipped (or be optional).
    const names = ELECTRON_EXTERNAL;
    expect(names).toContain('better-sqlite3');
    const optional = ['electron', 'bufferutil', 'utf-8-validate'];
    for (const n of names.filter((x) => !optional.includes(x))) expect(keep).toContain(n);
  });

  it('has its icons in resources/: the SVG and a 512×512 PNG', () => {
    expect(cfg.directories.buildResources).toBe('resources');
    expect(cfg.icon).toBe('resources/icon.png');
    expect(read('resources/icon.svg')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    const png = readFileSync(join(root, 'resources/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('package.json scripts', () => {
  it('start bundles the Electron entries, then runs Electron on the project', () => {
    expect(pkg.scripts.start).toMatch(/build\.ts[^&]*--electron.*&& electron \.$/);
  });

  it('dist rebuilds the native module for Electron, then packages with this config', () => {
    expect(pkg.scripts.dist).toMatch(
      /build\.ts --force --electron --native && electron-builder --config electron-builder\.yml/,
    );
  });

  it('pins Electron exactly (later 41.x need Node ≥ 22.12) and the bundle entries exist in build.ts', () => {
    expect(pkg.devDependencies.electron).toBe('41.7.1');
    const entries = electronBundles(root).flatMap((b) => Object.values(b.entryPoints ?? {}) as string[]);
    expect(entries.map((e) => e.slice(root.length + 1)).sort()).toEqual([
      'electron/main/main.ts',
      'electron/main/server-process-entry.ts',
      'electron/preload/preload.ts',
    ]);
    for (const entry of entries) expect(existsSync(entry)).toBe(true);
  });
});
