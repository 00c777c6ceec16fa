import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalDeviceView } from '@shared/sync/api';
import type { ApiErrorBody } from '@shared/api/types';
import { startTestServer, type TestServer } from './harness';

/**
 * 员工与窗口 → 柜台终端: the branch manager sees the counter PCs enrolled at the hub and revokes a lost one; its device
 * token is refused from that moment, and only a manager's login at it brings it back.
 */
let s: TestServer;
let manager: string;
let teller: string;

async function enroll(deviceId: string, name?: string): Promise<string> {
  const r = await s.post('/api/sync/enroll', {
    username: 'manager1',
    password: 'demo1234',
    deviceId,
    ...(name ? { name } : {}),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

const asDevice = (token: string) =>
  fetch(`${s.url}/api/sync/snapshot/head`, { headers: { 'x-device-token': token } });

const devices = async (): Promise<TerminalDeviceView[]> => {
  const r = await s.get('/api/sync/devices', manager);
  expect(r.status).toBe(200);
  return (await r.json()) as TerminalDeviceView[];
};

const revoke = (id: string, reason: unknown, token = manager) =>
  s.post(`/api/sync/devices/${encodeURIComponent(id)}/revoke`, { reason }, token);

beforeAll(async () => {
  s = await startTestServer({ customers: 5 });
  manager = await s.login('manager1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('counter terminals at the hub', () => {
  it('lists each enrolled PC with who enrolled it, and only to a manager or an admin', async () => {
    await enroll('pc-counter-2', '2号窗口电脑');
    const list = await devices();
    const pc = list.find((d) => d.deviceId === 'pc-counter-2');
    expect(pc).toMatchObject({ name: '2号窗口电脑', revokedAt: null, pushed: 0 });
    expect(pc?.enrolledBy).toBeTruthy();
    expect(pc?.enrolledBy).not.toBe('manager1'); // the display name, not the login
    expect((await s.get('/api/sync/devices', teller)).status).toBe(403);
    expect((await revoke('pc-counter-2', '电脑丢失了', teller)).status).toBe(403);
  });

  it('revokes a PC: its token is refused at once, the reason is audited with numbers masked', async () => {
    const token = await enroll('pc-lost');
    expect((await asDevice(token)).status).toBe(200);

    const short = await revoke('pc-lost', '丢了');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('停用原因');
    expect((await asDevice(token)).status).toBe(200);

    const r = await revoke('pc-lost', '柜台电脑被盗，报案人电话 13858106688');
    expect(r.status).toBe(200);
    const view = (await r.json()) as TerminalDeviceView;
    expect(view.revokedAt).toEqual(expect.any(Number));
    expect((await devices()).find((d) => d.deviceId === 'pc-lost')?.revokedAt).toBe(view.revokedAt);

    const refused = await asDevice(token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ApiErrorBody).error.code).toBe('device_unknown');
    // Everything a terminal does goes through the same check: pushing is refused too.
    const push = await fetch(`${s.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-token': token },
      body: JSON.stringify({ events: [] }),
    });
    expect(push.status).toBe(401);

    const audit = s.store.sqlite
      .prepare(`SELECT staff_id, target_id, reason FROM audit_log WHERE action = 'sync.device_revoked'`)
      .all() as { staff_id: string; target_id: string; reason: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_id).toBe('pc-lost');
    expect(audit[0]?.staff_id).toBeTruthy();
    expect(audit[0]?.reason).toContain('柜台电脑被盗');
    expect(audit[0]?.reason).not.toContain('13858106688');
  });

  it('says so when the PC is unknown or already revoked', async () => {
    const unknown = await revoke('pc-nowhere', '不再使用的电脑');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('No such terminal');
    const again = await revoke('pc-lost', '再停用一次试试');
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiErrorBody).error.code).toBe('device_revoked');
  });

  it('a manager enrolling the PC again lifts it, with a new token; the old one stays refused', async () => {
    const old = await enroll('pc-back');
    expect((await revoke('pc-back', '送修，暂不使用')).status).toBe(200);
    const fresh = await enroll('pc-back');
    expect((await asDevice(fresh)).status).toBe(200);
    expect((await asDevice(old)).status).toBe(401);
    expect((await devices()).find((d) => d.deviceId === 'pc-back')?.revokedAt).toBeNull();
  });
});
