/** A row of a risk-assessment file. */
import type { RiskLevel } from '../customer/enums';
import {
  type RowResult,
  type FieldGetter,
  type RowRules,
  Problems,
  text,
  pastInstant,
  customerNo,
} from './row-common';
import { parseRiskTolerance } from './row-vocab';

// ── risk assessments ───────────────────────────────────────────────────────────────────
export interface RiskInput {
  customerNo: string;
  riskLevel: RiskLevel;
  assessedAt: number;
}

export function validateRiskRow(get: FieldGetter, rules: RowRules): RowResult<RiskInput> {
  const out = new Problems(get);
  const no = customerNo(get, rules, out);
  let riskLevel: RiskLevel | null = null;
  const raw = text(get, 'risk_level');
  if (!raw) out.required('risk_level', '风险承受能力', 'Risk tolerance');
  else {
    const r = parseRiskTolerance(raw);
    if (r) riskLevel = Number(r) as RiskLevel;
    else
      out.enumBad(
        'risk_level',
        '风险承受能力',
        'risk tolerance',
        'C1–C5 或 保守型/稳健型/平衡型/成长型/进取型',
      );
  }
  let assessedAt: number | null = null;
  if (!text(get, 'assessed_at')) out.required('assessed_at', '评估日期', 'Assessment date');
  else assessedAt = pastInstant(get, 'assessed_at', ['评估日期', 'Assessed on'], rules, out);
  if (out.list.length > 0 || riskLevel === null || assessedAt === null)
    return { ok: false, problems: out.list };
  return { ok: true, row: { customerNo: no, riskLevel, assessedAt } };
}
