import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncBatch, syncEventKinds } from './envelope';
import { parseSyncBatch } from './envelope-check';

const good = {
  id: '0193a1b2c3d4e5f6a7b8',
  deviceId: 'hub-BR001',
  branchCode: 'BR001',
  hlc: '1764400000000:00a1:hub-BR001',
  kind: 'ticket_event',
  entityId: 'e-1',
  payload: { op: 'insert', type: 'issue' },
};

/** Field values near and across each rule's edges, and of the wrong type. */
const value = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    'a'.repeat(15),
    'a'.repeat(16),
    'a'.repeat(32),
    'a'.repeat(33),
    'a'.repeat(64),
    'a'.repeat(65),
    'hub 1',
    'hub-1',
    '1764400000000:00a1:hub-1',
    '1764400000000:00A1:hub-1',
    '176440000000:00a1:hub-1',
    ...syncEventKinds,
    'unknown_kind',
  ),
  fc.string({ maxLength: 70 }),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), {
    maxKeys: 3,
  }),
);
const FIELDS = ['id', 'deviceId', 'branchCode', 'hlc', 'kind', 'entityId', 'payload', 'extra'] as const;
/** A valid envelope with up to two fields replaced (or dropped, or an extra one added). */
const envelope = fc
  .tuple(
    fc.subarray([...FIELDS], { maxLength: 2 }),
    fc.array(value, { minLength: 2, maxLength: 2 }),
    fc.boolean(),
  )
  .map(([fields, values, drop]) => {
    const e: Record<string, unknown> = { ...good, payload: { ...good.payload } };
    fields.forEach((f, i) => {
      if (drop && f !== 'extra') delete e[f];
      else e[f] = values[i];
    });
    return e;
  });

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}

describe('parseSyncBatch', () => {
  it('answers exactly what syncBatch.parse answers: the same batch, or the same error', () => {
    fc.assert(
      fc.property(fc.array(envelope, { maxLength: 4 }), fc.boolean(), (events, valid) => {
        const input = { events: valid ? events.map(() => ({ ...good })) : events, other: 1 };
        expect(outcome(() => parseSyncBatch(input))).toEqual(outcome(() => syncBatch.parse(input)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees at every edge of every field', () => {
    const edges: Record<string, unknown[]> = {
      id: ['a'.repeat(15), 'a'.repeat(16), 'a'.repeat(64), 'a'.repeat(65), 7],
      deviceId: ['', 'a'.repeat(64), 'a'.repeat(65), 'hub 1', 'hub-1.x_Y'],
      branchCode: ['', 'B', 'B'.repeat(32), 'B'.repeat(33)],
      hlc: [
        '1764400000000:00a1:hub',
        '1764400000000:00A1:hub',
        '1764400000000:0a1:hub',
        '1764400000000:00a1:',
      ],
      kind: [...syncEventKinds, 'nope', ''],
      entityId: ['', 'e', 'e'.repeat(64), 'e'.repeat(65)],
      payload: [{}, [], null, 'x', { a: [1] }],
    };
    for (const [field, values] of Object.entries(edges))
      for (const v of values) {
        const input = { events: [good, { ...good, [field]: v }] };
        expect(outcome(() => parseSyncBatch(input))).toEqual(outcome(() => syncBatch.parse(input)));
      }
  });

  it('drops unknown fields, copies the payload, and refuses what is not a batch', () => {
    const input = { events: [{ ...good, extra: 'x' }] };
    const out = parseSyncBatch(input);
    expect(out.events[0]).toEqual(good);
    expect(out.events[0]?.payload).not.toBe(input.events[0]?.payload);
    for (const bad of [
      null,
      [],
      'x',
      { events: {} },
      { events: [null] },
      { events: new Array(5001).fill(good) },
    ])
      expect(() => parseSyncBatch(bad)).toThrow();
    expect(parseSyncBatch({ events: new Array(5000).fill(good) }).events).toHaveLength(5000);
  });
});
