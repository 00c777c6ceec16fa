/** A row of a balance (holdings) file. */
import type { ProductType } from '../customer/enums';
import { asciiFold, cellText, parseMoneyCell } from './values';
import {
  type RowResult,
  type FieldGetter,
  type RowRules,
  Problems,
  text,
  pastInstant,
  dateInstant,
  customerNo,
} from './row-common';
import { parseProductType } from './row-vocab';

// ── holdings ────────────────────────────────────────────────────────────────────────────
export interface HoldingInput {
  customerNo: string;
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
  /** When a deposit or wealth product matures (the outreach maturity list); null when the file does not say. */
  maturityAt: number | null;
}

export interface HoldingRules extends RowRules {
  /** Product code → its type, from the branch's product table. */
  products: ReadonlyMap<string, ProductType>;
  /** When the file has no as-of column: the date the user gave for the whole file. */
  defaultAsOf: number | null;
}

export function validateHoldingRow(get: FieldGetter, rules: HoldingRules): RowResult<HoldingInput> {
  const out = new Problems(get);
  const no = customerNo(get, rules, out);
  const code = asciiFold(text(get, 'product_code')).toUpperCase() || null;
  let knownType: ProductType | undefined;
  if (code !== null) {
    knownType = rules.products.get(code);
    if (knownType === undefined) {
      out.add('product_code', {
        code: 'product_unknown',
        zh: `产品代码不存在：${code}（请先导入产品目录）`,
        en: `No such product code: ${code} (import the product list first)`,
      });
    }
  }
  let productType: ProductType | null = null;
  const typeRaw = text(get, 'product_type');
  if (typeRaw) {
    productType = parseProductType(typeRaw);
    if (!productType)
      out.enumBad('product_type', '产品类型', 'product type', '活期存款、定期存款、理财、基金、保险…');
    else if (knownType && knownType !== productType) {
      out.add('product_type', {
        code: 'product_type_mismatch',
        zh: `产品类型与产品代码 ${code ?? ''} 的类型不符`,
        en: `The product type does not match product ${code ?? ''}`,
      });
    }
  } else if (knownType) productType = knownType;
  else if (code === null) out.required('product_type', '产品类型', 'Product type');

  let balanceFen = 0;
  const bal = get('balance');
  if (cellText(bal) === '') out.required('balance', '余额', 'Balance');
  else {
    const r = parseMoneyCell(bal);
    if (r.ok) balanceFen = r.value;
    else out.add('balance', r);
  }

  let asOf: number | null = rules.defaultAsOf;
  if (cellText(get('as_of')) !== '') asOf = pastInstant(get, 'as_of', ['余额日期', 'As of'], rules, out);
  else if (asOf === null && !out.list.some((p) => p.field === 'as_of')) {
    out.add('as_of', {
      code: 'required',
      zh: '余额日期不能为空（或在导入时指定整份文件的余额日期）',
      en: 'As-of date is required (or give one for the whole file when importing)',
    });
  }

  const maturityAt = dateInstant(get, 'maturity_date', ['到期日', 'Maturity date'], rules, out);

  if (out.list.length > 0 || productType === null || asOf === null) return { ok: false, problems: out.list };
  return { ok: true, row: { customerNo: no, productType, productCode: code, balanceFen, asOf, maturityAt } };
}
