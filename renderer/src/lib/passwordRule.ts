import { passwordSchema } from '@shared/security/config';

/** The server's password rule, for an Ant Design field: the first reason, in the UI's language. */
export function passwordProblem(value: string, zh: boolean): string | null {
  const r = passwordSchema.safeParse(value);
  if (r.success) return null;
  const msg = r.error.issues[0]?.message ?? '';
  const [z, e] = msg.split(' / ');
  return (zh ? z : e) ?? msg;
}

export function passwordRule(zh: boolean) {
  return {
    validator: (_: unknown, value: unknown) => {
      const problem = passwordProblem(typeof value === 'string' ? value : '', zh);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
