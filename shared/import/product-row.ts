/** A row of a product file. */
import type { ProductType, RiskLevel } from '../customer/enums';
import { asciiFold, parseFlag } from './values';
import { type RowResult, type FieldGetter, Problems, text } from './row-common';
import { parseProductType, parseProductRisk, RISK_RATED_TYPES } from './row-vocab';

// ── products ────────────────────────────────────────────────────────────────────────────
export interface ProductInput {
  code: string;
  nameZh: string;
  nameEn: string;
  type: ProductType;
  riskLevel: RiskLevel | null;
  active: boolean;
}

export function validateProductRow(get: FieldGetter): RowResult<ProductInput> {
  const out = new Problems(get);
  const code = asciiFold(text(get, 'code')).toUpperCase();
  if (!code) out.required('code', '产品代码', 'Product code');
  else if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(code)) {
    out.add('code', {
      code: 'product_code_format',
      zh: '产品代码只能包含字母、数字、下划线、点和短横线（最长40位）',
      en: 'A product code has letters, digits, _ . - only (40 at most)',
    });
  }
  const nameZh = text(get, 'name_zh');
  if (!nameZh) out.required('name_zh', '产品名称', 'Product name');
  else if (nameZh.length > 80)
    out.add('name_zh', {
      code: 'too_long',
      zh: '产品名称过长（最多80字）',
      en: 'Name too long (80 at most)',
    });
  const nameEn = text(get, 'name_en') || nameZh;
  if (nameEn.length > 120)
    out.add('name_en', { code: 'too_long', zh: '英文名称过长', en: 'English name too long (120 at most)' });
  const typeRaw = text(get, 'type');
  let type: ProductType | null = null;
  if (!typeRaw) out.required('type', '产品类型', 'Product type');
  else {
    type = parseProductType(typeRaw);
    if (!type) out.enumBad('type', '产品类型', 'product type', '活期存款、定期存款、理财、基金、保险…');
  }
  let riskLevel: RiskLevel | null = null;
  const riskRaw = text(get, 'risk_level');
  if (riskRaw) {
    const r = parseProductRisk(riskRaw);
    if (r) riskLevel = Number(r) as RiskLevel;
    else out.enumBad('risk_level', '风险等级', 'risk level', 'R1–R5');
  } else if (type && RISK_RATED_TYPES.includes(type)) {
    out.add('risk_level', {
      code: 'risk_required',
      zh: '理财、基金、信托产品须填写风险等级（R1–R5）',
      en: 'Wealth, fund and trust products need a risk level (R1–R5)',
    });
  }
  let active = true;
  if (text(get, 'active')) {
    const r = parseFlag(get('active'));
    if (r.ok) active = r.value;
    else out.add('active', r);
  }
  if (out.list.length > 0 || type === null) return { ok: false, problems: out.list };
  return { ok: true, row: { code, nameZh, nameEn, type, riskLevel, active } };
}
