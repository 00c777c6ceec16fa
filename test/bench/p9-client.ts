/**
 * P9_headoffice load: `branches` simulated branch hubs pushing their journals into the head office at the same
 * time, each as a hub does it (POST /api/ho/push, batches of `batch` envelopes, one request in flight per branch).
 * A separate process, so the head office's CPU is its own. Prints {events, accepted, seconds} as one JSON line.
 * Input (argv[2]): JSON {url, keys: {code: token}, perBranch, batch, wall0}.
 */
interface Input {
  url: string;
  keys: Record<string, string>;
  perBranch: number;
  batch: number;
  wall0: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;

/** A realistic mix of a branch's journal: ticket events mostly, outcomes, follow-ups, complaints, audit rows. */
function envelope(code: string, i: number): Record<string, unknown> {
  const device = `hub-${code}`;
  const r = i % 20;
  const [kind, payload]: [string, Record<string, unknown>] =
    r < 12
      ? [
          'ticket_event',
          {
            op: 'insert',
            type: ['issue', 'call', 'start', 'finish'][r % 4],
            queue: 'A',
            counter: 1 + (i % 6),
          },
        ]
      : r < 15
        ? [
            'suggestion_outcome',
            { op: 'insert', outcome: ['accepted', 'declined', 'interested'][r % 3], product: `P${i % 200}` },
          ]
        : r < 16
          ? ['follow_up', { op: 'insert', due_at: input.wall0 + i * 1000 }]
          : r < 17
            ? ['complaint', { op: 'insert', category: 'service' }]
            : ['audit', { op: 'insert', action: 'customer.lookup', staff: 'teller1' }];
  const wall = input.wall0 + i * 250; // a busy branch: an event every quarter second
  const hex = (i % 65536).toString(16).padStart(4, '0');
  return {
    id: `${code}-${input.wall0}-${i}`.padEnd(16, '0'),
    deviceId: device,
    branchCode: code,
    hlc: `${String(wall).padStart(13, '0')}:${hex}:${device}`,
    kind,
    entityId: `e-${code}-${i}`,
    payload,
  };
}

async function branch(code: string, token: string): Promise<number> {
  let accepted = 0;
  for (let at = 0; at < input.perBranch; at += input.batch) {
    const n = Math.min(input.batch, input.perBranch - at);
    const events = Array.from({ length: n }, (_, k) => envelope(code, at + k));
    const res = await fetch(`${input.url}/api/ho/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    if (res.status !== 200) throw new Error(`push ${code}: ${res.status} ${await res.text()}`);
    accepted += ((await res.json()) as { accepted: number }).accepted;
  }
  return accepted;
}

const t0 = performance.now();
const counts = await Promise.all(Object.entries(input.keys).map(([code, token]) => branch(code, token)));
const seconds = (performance.now() - t0) / 1000;
const events = Object.keys(input.keys).length * input.perBranch;
process.stdout.write(JSON.stringify({ events, accepted: counts.reduce((s, n) => s + n, 0), seconds }) + '\n');

export {};
