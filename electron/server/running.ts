import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/connection';
import type { HeadOfficeSync } from '../sync/headoffice/sync';
import type { AppContext } from './context';

/**
 * A started server of any role, as start.ts and headoffice/start.ts return it. Its own module so
 * the two starters do not import each other.
 */
export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  url: string;
  close: () => Promise<void>;
  /** A hub started with --headoffice: its journal uploader and snapshot puller. */
  headOffice?: HeadOfficeSync;
}
