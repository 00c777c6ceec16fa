import { routes } from '@shared/api/routes';
import type { BackupApp } from '../../app/backup';
import { route, type Http } from '../route';

export function backupRoutes(http: Http, deps: { backups: BackupApp }): void {
  const { backups } = deps;
  http.app.addHook('onClose', async () => {
    await backups.stop();
  });
  route(http, routes.backups.status, () => backups.status());
  route(http, routes.backups.restore, ({ me, body }) =>
    backups.requestRestore(body.name, me?.id ?? null, body.reason),
  );
  route(http, routes.backups.cancelRestore, ({ me }) => backups.cancelRestore(me?.id ?? null));
  route(http, routes.backups.start, ({ me, reply }) => {
    const status = backups.start(me?.id ?? null);
    reply.status(202);
    return status;
  });
}
