/**
 * The head office validates every envelope of every push (20 branches × thousands of events a minute, P9 in
 * BENCH.md). zod's object, regex and enum checks cost more per push than storing the events, so a batch is first
 * checked by hand against the same rules as `syncBatch` (envelope.ts); one that fails, or that this check does not
 * recognise, goes through `syncBatch.parse`, which gives the same result as before and the same errors (400 with
 * zod's issues). envelope-check.test.ts compares the two on generated batches, valid and invalid.
 */
import { hlcPattern, syncBatch, syncEventKinds, type SyncBatch, type SyncEnvelope } from './envelope';

const KINDS = new Set<string>(syncEventKinds);
const DEVICE = /^[A-Za-z0-9_.-]{1,64}$/;
/** `syncBatch`'s `.max(…)` on events. */
const MAX_EVENTS = 5000;

/** A plain object, as JSON.parse makes them (zod's object and record accept these). */
function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const sized = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/** The envelope with only its own fields (zod strips the others), or null when any rule fails. */
function envelope(e: unknown): SyncEnvelope | null {
  if (!plainObject(e)) return null;
  const { id, deviceId, branchCode, hlc, kind, entityId, payload } = e;
  if (
    !sized(id, 16, 64) ||
    typeof deviceId !== 'string' ||
    !DEVICE.test(deviceId) ||
    !sized(branchCode, 1, 32) ||
    typeof hlc !== 'string' ||
    !hlcPattern.test(hlc) ||
    typeof kind !== 'string' ||
    !KINDS.has(kind) ||
    !sized(entityId, 1, 64) ||
    !plainObject(payload)
  )
    return null;
  return {
    id,
    deviceId,
    branchCode,
    hlc,
    kind: kind as SyncEnvelope['kind'],
    entityId,
    payload: { ...payload },
  };
}

/** `syncBatch.parse(input)`, the common valid case without zod. Throws zod's error for an invalid batch. */
export function parseSyncBatch(input: unknown): SyncBatch {
  if (!plainObject(input) || !Array.isArray(input.events) || input.events.length > MAX_EVENTS)
    return syncBatch.parse(input);
  const list: unknown[] = input.events;
  const events = new Array<SyncEnvelope>(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = envelope(list[i]);
    if (!e) return syncBatch.parse(input);
    events[i] = e;
  }
  return { events };
}
