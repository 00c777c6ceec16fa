export interface Check {
  figure: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchResult {
  fields: Record<string, number>;
  checks: Check[];
}

/** Command-line choices every bench receives. */
export interface BenchOptions {
  /** `--busy`: also measure beside one spinning process (a CPU hog), where the bench supports it. */
  busy: boolean;
}

export interface Bench {
  key: string;
  describe: string;
  run: (opts: BenchOptions) => Promise<BenchResult>;
}
