import { headOfficeRoutes as hoApi } from '@shared/api/routes';
import type { HeadOfficeApp } from '../../app/headoffice';
import { route, type Http } from '../route';

/**
 * Registered only in the `headoffice` role. The key is checked before the input is read (electron/app/headoffice),
 * so these routes hand the raw header and input to the application.
 */
export function headOfficeRoutes(http: Http, deps: { headOffice: HeadOfficeApp }): void {
  const ho = deps.headOffice;
  route(http, hoApi.push, ({ req }) => ho.push(req.headers.authorization, req.body));
  route(http, hoApi.snapshot, ({ req }) => ho.snapshot(req.headers.authorization, req.query));
  route(http, hoApi.branches, ({ req }) => ho.branches(req.headers.authorization));
  route(http, hoApi.report, ({ req }) => ho.report(req.headers.authorization, req.query));
}
