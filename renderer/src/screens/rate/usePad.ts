import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PadState } from '@shared/api/feedback';
import { routes } from '@shared/api/routes';
import type { FeedbackLevel } from '@shared/feedback/config';
import { ApiFailure, call } from '../../api/client';
import { createBrowserSpeech } from '../../lib/speech/browser-speech';
import { SpeechQueue } from '../../lib/speech/speech-queue';
import { autoSendAt, IDLE, padStep, type PadPhase } from './pad-flow';

/** Often enough that the pad asks within a second or two of the teller's finish; one small GET per counter. */
const POLL_MS = 1_500;
const TICK_MS = 250;

export interface Pad {
  state: PadState | null;
  phase: PadPhase;
  /** The server's clock, as this pad reckons it (the window is the server's). */
  now: number;
  refused: boolean;
  offline: boolean;
  tap: (level: FeedbackLevel) => void;
  mark: (key: string, mark: 'good' | 'poor') => void;
  send: () => void;
  sending: boolean;
}

/** The pad's logic: polls its counter's state, follows pad-flow, sends the answer, speaks the prompt. */
export function usePad(counter: number): Pad {
  const [phase, dispatch] = useReducer(padStep, IDLE);
  const skew = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  const lastTouch = useRef(0);
  const [speech] = useState(() => createBrowserSpeech());
  const voice = useRef<SpeechQueue | null>(null);

  const query = useQuery({
    queryKey: ['pad-state', counter],
    queryFn: async () => {
      const s = await call(routes.feedback.padState, { params: { counter } });
      skew.current = s.now - Date.now();
      return s;
    },
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const state = query.data ?? null;
  const refused =
    query.error instanceof ApiFailure && (query.error.status === 401 || query.error.status === 403);

  useEffect(() => {
    if (state) dispatch({ type: 'state', ask: state.ask, now: state.now });
  }, [state]);

  useEffect(() => {
    const t = setInterval(() => {
      const n = Date.now() + skew.current;
      setNow(n);
      dispatch({ type: 'tick', now: n });
    }, TICK_MS);
    return () => clearInterval(t);
  }, []);

  // The prompt is spoken once per visit; the first touch anywhere lets a browser play sound.
  useEffect(() => {
    const q = new SpeechQueue(speech.engine);
    voice.current = q;
    const unlock = () => void speech.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      q.dispose();
      voice.current = null;
    };
  }, [speech]);
  const askedTicket = phase.kind === 'asking' ? phase.ticketId : null;
  const speak = state?.speak ?? false;
  const prompt = state?.prompt.zh ?? '';
  useEffect(() => {
    if (askedTicket && speak && prompt) voice.current?.enqueue(prompt);
  }, [askedTicket, speak, prompt]);

  const answer = useMutation({
    mutationFn: (p: Extract<PadPhase, { kind: 'details' }>) =>
      call(routes.feedback.padAnswer, {
        params: { counter },
        body: { ticketId: p.ticketId, level: p.level, dimensions: p.marks },
      }),
    onSettled: (_d, err) =>
      dispatch({
        type: 'sent',
        ok: !err,
        now: Date.now() + skew.current,
        thanksMs: (state?.thanksSeconds ?? 4) * 1000,
      }),
  });

  const send = useCallback(() => {
    if (phase.kind === 'details' && !answer.isPending) answer.mutate(phase);
  }, [phase, answer]);

  // The optional step sends on its own after a pause, and always before the window closes.
  const detailsKey = phase.kind === 'details' ? phase : null;
  useEffect(() => {
    if (!detailsKey || answer.isPending) return;
    const at = autoSendAt(lastTouch.current, detailsKey.closesAt);
    const t = setTimeout(send, Math.max(0, at - (Date.now() + skew.current)));
    return () => clearTimeout(t);
  }, [detailsKey, send, answer.isPending]);

  const touch = () => {
    lastTouch.current = Date.now() + skew.current;
  };
  return {
    state,
    phase,
    now,
    refused,
    offline: query.isError && !refused,
    tap: (level) => {
      touch();
      dispatch({ type: 'tap', level });
    },
    mark: (key, m) => {
      touch();
      dispatch({ type: 'mark', key, mark: m });
    },
    send,
    sending: answer.isPending,
  };
}
