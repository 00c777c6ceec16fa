/** Types of build-stamp.mjs (plain JavaScript so that `npm run serve` needs no TypeScript tooling). */
export interface BuildFingerprints {
  renderer: string;
  server: string;
}
export function sourceFingerprints(root: string): BuildFingerprints;
export function readStamp(root: string): BuildFingerprints | null;
export function writeStamp(root: string, fingerprints: BuildFingerprints): void;
export function serveBuildIsFresh(root: string): boolean;
