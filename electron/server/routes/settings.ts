import { routes } from '@shared/api/routes';
import type { SettingsApp } from '../../app/settings';
import type { SettingsPreviewApp } from '../../app/settings-preview';
import type { SettingsOriginApp } from '../../app/settings-origin';
import type { Caller } from '../auth';
import { route, type Http } from '../route';

/** The branch's rules as numbered versions (manager/admin routes: `me` is set). */
export function settingsRoutes(
  http: Http,
  deps: { settings: SettingsApp; preview: SettingsPreviewApp; origin: SettingsOriginApp },
): void {
  const { settings, preview } = deps;

  route(http, routes.settings.origin, () => deps.origin.origins());

  route(http, routes.settings.current, () => settings.current());

  route(http, routes.settings.versions, () => settings.versions());

  route(http, routes.settings.version, ({ params }) => settings.version(params.version));

  route(http, routes.settings.save, ({ body, me }) =>
    settings.save(body.config, (me as Caller).id, body.note ?? null, body.effectiveAt),
  );

  route(http, routes.settings.preview, ({ body }) => preview.preview(body.config, body.day));

  route(http, routes.settings.rollback, ({ body, me }) =>
    settings.rollback(body.version, (me as Caller).id, body.note ?? null),
  );
}
