import { z } from 'zod';

/** Request schemas: the server validates with them, the renderer can pre-check with them. */

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const lookupQuery = z.object({
  q: z.string().trim().min(1).max(64),
});

export const idParam = z.object({
  id: z.string().min(1).max(64),
});
