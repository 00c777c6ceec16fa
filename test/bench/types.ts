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

export interface Bench {
  key: string;
  describe: string;
  run: () => Promise<BenchResult>;
}
