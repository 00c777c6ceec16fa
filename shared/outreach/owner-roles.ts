/** Who may own or back up a customer (专属客户经理): the manual assignment and the customer import both check it. */
export const OWNER_ROLES: ReadonlySet<string> = new Set(['rm', 'manager']);
