import { z } from 'zod';
import { epochMs } from './dates';

/** Read side of the audit log (GET /api/audit): filters, one page of rows, the cursor to the next. */

/** Filters: 0 is "from the start". */
const filterMs = epochMs({ min: 0, coerce: true });

/** `<at>_<id>` of the last row of the previous page; rows come newest first. */
export const AUDIT_CURSOR = /^(\d{1,15})_([0-9a-zA-Z-]{1,64})$/;

export const AUDIT_PAGE_MAX = 500;

export const auditQuery = z
  .object({
    /** Exact action (`reveal.id`), or a prefix ending in `*` (`reveal.*`). */
    action: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9_.]+\*?$/, '操作名格式不对 / bad action filter')
      .optional(),
    staffId: z.string().min(1).max(64).optional(),
    targetId: z.string().min(1).max(64).optional(),
    /** Inclusive lower bound, epoch ms. */
    from: filterMs.optional(),
    /** Exclusive upper bound, epoch ms. */
    to: filterMs.optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
    cursor: z.string().regex(AUDIT_CURSOR, '翻页标记无效 / bad cursor').optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: '起始时间须早于结束时间 / from must be before to',
    path: ['from'],
  });
export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditQueryInput = z.input<typeof auditQuery>;

export interface AuditRowView {
  id: string;
  at: number;
  staffId: string | null;
  staffName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditRowView[];
  /** null on the last page. */
  nextCursor: string | null;
}

export function auditCursor(row: Pick<AuditRowView, 'at' | 'id'>): string {
  return `${row.at}_${row.id}`;
}

export function parseAuditCursor(cursor: string): { at: number; id: string } | null {
  const m = AUDIT_CURSOR.exec(cursor);
  return m ? { at: Number(m[1]), id: m[2] as string } : null;
}
