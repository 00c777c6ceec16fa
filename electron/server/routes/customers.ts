import { routes } from '@shared/api/routes';
import type { CustomersApp } from '../../app/customers';
import type { VisitsApp } from '../../app/visits';
import { route, type Http } from '../route';

/** Lookup, profile, suggestions, a customer's activity, and revealing a full ID or phone number. */
export function customerRoutes(http: Http, deps: { customers: CustomersApp; visits: VisitsApp }): void {
  const { customers, visits } = deps;
  http.app.addHook('onClose', async () => customers.flush());
  const api = routes.customers;

  route(http, api.lookup, ({ query, me }) => customers.lookup(query.q, me?.id ?? null));
  route(http, api.profile, ({ params, me }) =>
    customers.profile(params.id, me?.id ?? null, me?.role ?? null),
  );
  route(http, api.suggestions, ({ params, query }) =>
    customers.suggestions(params.id, query.intents, query.ticketId),
  );
  route(http, api.activity, ({ params }) => visits.activity(params.id));
  route(http, api.reveal, ({ params, body, me }) =>
    customers.reveal(params.id, body.field, body.reason, me?.id ?? null),
  );
}
