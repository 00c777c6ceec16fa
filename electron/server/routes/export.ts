import { routes } from '@shared/api/routes';
import type { ExportsApp } from '../../app/exports';
import { route, type Http } from '../route';
import { attachment } from './import';

export function exportRoutes(http: Http, deps: { exports: ExportsApp }): void {
  route(http, routes.exports.download, ({ params, query, me, reply }) => {
    const f = deps.exports.download(params.dataset, query, me?.id ?? null);
    return reply
      .header('content-disposition', attachment(f.fileName))
      .header('cache-control', 'no-store')
      .header('content-type', f.contentType)
      .send(f.body);
  });
}
