import type { Logger } from 'pino';
import type { ServeConfig } from '../server/config';
import type { AppContext } from '../server/context';
import { ensureEnrolled, type Enrollment } from './enroll';
import { HubClient } from './hub-client';
import { Replicator } from './replicator';

/** `--role terminal`: enrolled at the hub (first start) before the data is opened. */
export function enrollTerminal(cfg: ServeConfig, deviceId: string, log: Logger): Promise<Enrollment> {
  if (!cfg.hub) throw new Error('--role terminal needs --hub URL (or HUB_URL)');
  return ensureEnrolled({
    hub: cfg.hub.replace(/\/+$/, ''),
    deviceId,
    file: `${cfg.dataDir}.keys/hub.json`,
    user: cfg.enrollUser,
    password: cfg.enrollPassword,
    name: cfg.deviceName,
    waitMs: 120_000,
    log,
  });
}

/** Starts replication with the hub; the status route and the live feed report it from now on. */
export function startReplicator(ctx: AppContext, e: Enrollment): Replicator {
  const r = new Replicator(ctx, new HubClient(e.hub, e.token));
  ctx.sync.source = r;
  r.start();
  return r;
}
