/** Per kind of file, how a validated row is staged (customers: customer-stager.ts). */
import { AUM_PRODUCT_TYPES, type ProductType } from '@shared/customer/enums';
import {
  validateHoldingRow,
  validateProductRow,
  validateRiskRow,
  type FieldProblem,
  type HoldingRules,
  type RowRules,
} from '@shared/import/rows';
import type { ImportLookups } from '../../db/repos/import-lookups';
import type { ImportStage } from '../../db/repos/import-stage';
import type { RandomPool } from '../../db/random-pool';
import { customerStager } from './customer-stager';
import type { Stager } from './stager';
import type { RunImportOptions } from './options';
import type { Protector } from './protect';

const AUM = new Set<string>(AUM_PRODUCT_TYPES);

export type { Getter, Stager } from './stager';

export function makeStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
  protector: Protector,
): Stager {
  switch (o.kind) {
    case 'customers':
      return customerStager(o, stage, lookups, pool, rules, protector);
    case 'holdings':
      return holdingStager(o, stage, lookups, pool, rules);
    case 'products': {
      return {
        setMap: () => undefined,
        row(line, get) {
          const r = validateProductRow(get);
          if (!r.ok) return r.problems;
          stage.product(line, pool.uuid(), r.row);
          return null;
        },
      };
    }
    case 'risk':
      return {
        setMap: () => undefined,
        row(line, get) {
          const r = validateRiskRow(get, rules);
          if (!r.ok) return r.problems;
          const c = lookups.risk(r.row.customerNo);
          if (!c) return [unknownCustomer(r.row.customerNo)];
          stage.risk(line, c.id, r.row.riskLevel, r.row.assessedAt);
          return null;
        },
      };
  }
}

function unknownCustomer(no: string): FieldProblem {
  return {
    field: 'customer_no',
    code: 'customer_unknown',
    zh: `客户号 ${no} 不存在（请先导入客户信息）`,
    en: `No customer ${no} (import the customers first)`,
    value: no,
  };
}

function holdingStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
): Stager {
  const hr: HoldingRules = {
    ...rules,
    products: lookups.products() as Map<string, ProductType>,
    defaultAsOf: o.asOf ?? null,
  };
  // Balance files come sorted by customer: one lookup and one total per run of a customer's rows.
  let lastNo = '';
  let cur: Parameters<ImportStage['holdingTotal']>[0] | null = null;
  const flush = () => {
    if (cur) stage.holdingTotal(cur);
    cur = null;
  };
  return {
    setMap: () => undefined,
    row(line, get) {
      const r = validateHoldingRow(get, hr);
      if (!r.ok) return r.problems;
      const h = r.row;
      if (h.customerNo !== lastNo) {
        flush();
        lastNo = h.customerNo;
        const b = lookups.balance(h.customerNo);
        if (b) {
          cur = {
            customerId: b.id,
            line,
            asOfMax: h.asOf,
            asOfMin: h.asOf,
            aumFen: 0,
            n: 0,
            oldAum: b.aum_fen,
            oldTier: b.tier,
            curAsOf: b.cur_as_of,
          };
        }
      }
      if (!cur) return [unknownCustomer(h.customerNo)];
      const aum = AUM.has(h.productType);
      cur.n++;
      if (aum) cur.aumFen += h.balanceFen;
      if (h.asOf > cur.asOfMax) cur.asOfMax = h.asOf;
      if (h.asOf < cur.asOfMin) cur.asOfMin = h.asOf;
      stage.holding(
        line,
        pool.uuid(),
        cur.customerId,
        h.productType,
        h.productCode,
        h.balanceFen,
        h.asOf,
        aum,
        h.maturityAt,
      );
      return null;
    },
    finish: flush,
  };
}
