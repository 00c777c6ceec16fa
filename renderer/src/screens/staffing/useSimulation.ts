import { useCallback, useEffect, useRef, useState } from 'react';
import type { Recommendation, SimSummary } from '@shared/staffing';
import type { SimMessage, SimRequest } from './sim.worker';

export type SimState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; /** shown only past 0.5 s */ showProgress: boolean }
  | { status: 'done'; summary: SimSummary; recommendation: Recommendation; ms: number }
  | { status: 'error'; message: string };

const PROGRESS_AFTER_MS = 500;

/** Runs the simulation in a Web Worker; a new run (or leaving the screen) stops the previous one. */
export function useSimulation(): { state: SimState; run: (req: SimRequest) => void } {
  const [state, setState] = useState<SimState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (req: SimRequest) => {
      stop();
      const started = performance.now();
      const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setState({ status: 'running', done: 0, total: req.replications, showProgress: false });
      timer.current = setTimeout(() => {
        setState((s) => (s.status === 'running' ? { ...s, showProgress: true } : s));
      }, PROGRESS_AFTER_MS);
      w.onmessage = (e: MessageEvent<SimMessage>) => {
        const m = e.data;
        if (m.kind === 'progress') {
          setState((s) => (s.status === 'running' ? { ...s, done: m.done, total: m.total } : s));
          return;
        }
        stop();
        setState(
          m.kind === 'done'
            ? {
                status: 'done',
                summary: m.summary,
                recommendation: m.recommendation,
                ms: performance.now() - started,
              }
            : { status: 'error', message: m.message },
        );
      };
      w.onerror = (e) => {
        stop();
        setState({ status: 'error', message: e.message });
      };
      w.postMessage(req);
    },
    [stop],
  );
  return { state, run };
}
