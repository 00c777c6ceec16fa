import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../db/connection';
import type { Pii } from '../db/pii';
import type { CustomerRepo } from '../db/repos/customers';
import { ConsentRepo } from '../db/repos/consent';
import { ProspectRepo } from '../db/repos/prospects';
import type { AuditRepo } from '../db/repos/settings';
import type { StaffRepo } from '../db/repos/staff';
import type { ConsentApp } from './consent';
import { ConsentSlips } from './consent-slip';
import { ProspectsApp } from './prospects';

export interface ProspectModules {
  prospects: ProspectsApp;
  slips: ConsentSlips;
}

/** What the composition root hands over (the server's context satisfies it as it is). */
export interface ProspectHost {
  readonly store: Store;
  readonly pii: Pii;
  readonly customers: CustomerRepo;
  readonly staff: StaffRepo;
  readonly consent: ConsentApp;
  readonly audit: AuditRepo;
  readonly now: () => number;
  rules(): RulesConfig;
  readonly opts: { role: 'hub' | 'terminal' | 'headoffice' };
}

/** Composition of the prospects and the consent slip (Step 15), so the server's composition root stays one call. */
export function prospectModules(host: ProspectHost): ProspectModules {
  const d = {
    ...host,
    consent: () => host.consent,
    rules: () => host.rules(),
    hub: host.opts.role === 'hub',
  };
  const repo = new ProspectRepo(d.store);
  const consents = new ConsentRepo(d.store);
  const staffName = (id: string) => d.staff.member(id)?.displayName ?? null;
  const customer = (id: string) => {
    const c = d.customers.get(id);
    return c ? { id: c.id, customerNo: c.customerNo, name: c.name, phoneMasked: c.phoneMasked } : undefined;
  };
  const slips = new ConsentSlips({
    customerEvent: (id) => consents.get(id),
    prospectEvent: (id) => repo.consent(id),
    subjectOfCustomer: customer,
    subjectOfProspect: (id) => repo.get(id),
    text: (v, p) => repo.text(v, p),
    keep: (t) => repo.keepText(t),
    staffName,
    rules: d.rules,
  });
  const prospects = new ProspectsApp({
    repo,
    customersByPhone: (phone) => d.customers.lookup({ kind: 'phone', value: phone }, 5),
    customer,
    addCustomerConsent: (e) => void d.consent().adopt(e),
    keepText: (v, p, at) => slips.keep(v, p, at),
    pii: d.pii,
    staff: (id) => d.staff.member(id),
    audit: d.audit,
    tx: (fn) => d.store.tx(fn),
    now: d.now,
    rules: d.rules,
    hub: d.hub,
  });
  return { prospects, slips };
}
