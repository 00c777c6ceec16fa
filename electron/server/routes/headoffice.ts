import { headOfficeRoutes as hoApi } from '@shared/api/routes';
import type { HeadOfficeApp } from '../../app/headoffice';
import { route, type Http } from '../route';
import { attachment } from './import';

/**
 * Registered only in the `headoffice` role. The key is checked before the input is read (electron/app/headoffice),
 * so these routes hand the raw header and input to the application.
 */
export function headOfficeRoutes(http: Http, deps: { headOffice: HeadOfficeApp }): void {
  const ho = deps.headOffice;
  route(http, hoApi.publishSettings, ({ req }) => ho.publishSettings(req.headers.authorization, req.body));
  route(http, hoApi.push, ({ req }) => ho.push(req.headers.authorization, req.body));
  route(http, hoApi.snapshot, ({ req }) => ho.snapshot(req.headers.authorization, req.query));
  route(http, hoApi.consent, ({ req }) => ho.consent(req.headers.authorization, req.query));
  route(http, hoApi.branches, ({ req }) => ho.branches(req.headers.authorization));
  route(http, hoApi.report, ({ req }) => ho.report(req.headers.authorization, req.query));
  route(http, hoApi.history, ({ req }) => ho.history(req.headers.authorization, req.query));
  route(http, hoApi.historyExport, async ({ req, reply }) => {
    const f = await ho.historyExport(req.headers.authorization, req.params, req.query);
    return reply
      .header('content-disposition', attachment(f.fileName))
      .header('content-type', f.contentType)
      .send(f.body);
  });
}
