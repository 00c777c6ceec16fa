/**
 * Column headers of the four import files, in Chinese or English, as core-banking exports and
 * hand-made spreadsheets write them: "客户号", "Customer No.", "customer_no", "余额（元）" all map
 * to a field key. Matching ignores case, spaces, underscores, full-width forms and a trailing
 * unit or note in brackets ("余额(元)", "手机号*").
 */
import type { Bilingual, ImportIssue, ImportKind } from './types';

export interface FieldSpec {
  key: string;
  required: boolean;
  label: Bilingual;
  /** Other spellings (besides `key` and the labels). */
  aliases: readonly string[];
  /** Personal data: values are masked in the report. */
  pii?: boolean;
}

const f = (
  key: string,
  zh: string,
  en: string,
  aliases: readonly string[],
  opts: { required?: boolean; pii?: boolean } = {},
): FieldSpec => ({
  key,
  required: opts.required ?? false,
  label: { zh, en },
  aliases,
  pii: opts.pii ?? false,
});

const CUSTOMER_NO = f(
  'customer_no',
  '客户号',
  'Customer no.',
  [
    '客户编号',
    '客户代码',
    '核心客户号',
    '客户号码',
    'cif',
    'cif no',
    'customer number',
    'cust no',
    'customer id',
  ],
  { required: true },
);

export const FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  customers: [
    CUSTOMER_NO,
    f(
      'name',
      '客户姓名',
      'Name',
      ['姓名', '客户名称', '名称', '户名', '客户名', 'customer name', 'full name'],
      {
        required: true,
      },
    ),
    f('kind', '客户类型', 'Kind', [
      '客户类别',
      '对公对私',
      '对私对公',
      '对公对私标志',
      '个人对公',
      'customer kind',
      'customer type',
    ]),
    f('corporate_type', '单位类型', 'Corporate type', [
      '机构类型',
      '企业类型',
      '单位性质',
      'organisation type',
      'organization type',
    ]),
    f(
      'id_number',
      '证件号码',
      'ID number',
      [
        '身份证号',
        '身份证号码',
        '证件号',
        '居民身份证号码',
        'id no',
        'id',
        'resident id',
        'national id',
        'id card',
      ],
      { pii: true },
    ),
    f('credit_code', '统一社会信用代码', 'Credit code', [
      '信用代码',
      '社会信用代码',
      'uscc',
      'unified social credit code',
    ]),
    f(
      'phone',
      '手机号',
      'Mobile',
      ['手机号码', '手机', '移动电话', '联系电话', '联系手机', 'phone', 'mobile phone', 'mobile no', 'cell'],
      {
        pii: true,
      },
    ),
    f('cards', '银行卡号', 'Card numbers', ['卡号', '借记卡号', '银行卡', 'card no', 'card number', 'card'], {
      pii: true,
    }),
    f('gender', '性别', 'Gender', ['sex']),
    f('birth_date', '出生日期', 'Birth date', ['生日', '出生年月日', 'date of birth', 'dob', 'birthday']),
    f('segments', '客群', 'Segments', ['客群标签', '客户群', '客户分群', 'segment']),
    f('relationship_type', '关系类型', 'Relationship', ['维护关系', '客户关系类型', 'relationship']),
    f('corporate_grade', '对公客户等级', 'Corporate grade', ['对公等级', '单位客户等级', 'grade']),
    f('marketing_consent', '营销授权', 'Marketing consent', [
      '是否同意营销',
      '营销同意',
      '同意营销',
      'consent',
    ]),
    f('opened_at', '开户日期', 'Opened on', [
      '建档日期',
      '开户时间',
      '建立关系日期',
      'open date',
      'opening date',
      'created at',
    ]),
    f('last_visit_at', '最近到店日期', 'Last visit', [
      '最近到访日期',
      '末次到店日期',
      '最后到店日期',
      'last visit date',
    ]),
    f('last_txn_at', '最近交易日期', 'Last transaction', [
      '末次交易日期',
      '最后交易日期',
      'last transaction date',
      'last txn',
    ]),
    f('linked_customer_no', '关联客户号', 'Linked customer no.', [
      '关联企业客户号',
      '关联对公客户号',
      '关联个人客户号',
      'linked customer',
    ]),
    // Staff usernames (rm1): who owns the customer (客户经营, Step 14); an empty cell keeps the current owner.
    f('owner_rm', '客户经理', 'Owner RM', [
      '专属客户经理',
      '管户客户经理',
      '管户经理',
      '主办客户经理',
      'owner',
      'rm',
      'relationship manager',
    ]),
    f('backup_rm', '备份客户经理', 'Backup RM', [
      '协办客户经理',
      '备份经理',
      'backup',
      'backup manager',
      'backup relationship manager',
    ]),
  ],
  holdings: [
    CUSTOMER_NO,
    f('product_type', '产品类型', 'Product type', ['产品类别', '业务类型', '业务品种', 'type'], {
      required: true,
    }),
    f('product_code', '产品代码', 'Product code', ['产品编号', '产品编码', 'product']),
    f('balance', '余额', 'Balance', ['账户余额', '持有余额', '金额', '市值', '持有金额', 'amount'], {
      required: true,
    }),
    f('as_of', '余额日期', 'As of', [
      '数据日期',
      '截止日期',
      '统计日期',
      '余额截止日期',
      'balance date',
      'date',
    ]),
    // A deposit's or wealth product's maturity: feeds the outreach maturity list (Step 14).
    f('maturity_date', '到期日', 'Maturity date', ['到期日期', '产品到期日', 'maturity']),
  ],
  products: [
    f('code', '产品代码', 'Product code', ['产品编号', '产品编码', 'product code'], { required: true }),
    f(
      'name_zh',
      '产品名称',
      'Product name',
      ['中文名称', '产品中文名称', 'name', 'chinese name', 'name zh'],
      { required: true },
    ),
    f('name_en', '英文名称', 'English name', ['产品英文名称', 'name en']),
    f('type', '产品类型', 'Product type', ['产品类别', '业务类型', 'product type'], { required: true }),
    f('risk_level', '风险等级', 'Risk level', ['产品风险等级', '风险评级', 'risk']),
    f('active', '是否在售', 'Active', ['在售', '状态', '产品状态', 'on sale', 'status']),
  ],
  risk: [
    CUSTOMER_NO,
    f(
      'risk_level',
      '风险承受能力',
      'Risk tolerance',
      ['风险等级', '风险评估结果', '风险类型', '风险承受等级', '客户风险等级', 'risk', 'risk level'],
      {
        required: true,
      },
    ),
    f('assessed_at', '评估日期', 'Assessed on', ['测评日期', '风险评估日期', '评估时间', 'assessment date'], {
      required: true,
    }),
  ],
};

export const KIND_LABELS: Record<ImportKind, Bilingual> = {
  customers: { zh: '客户信息', en: 'Customers' },
  holdings: { zh: '持有产品余额', en: 'Holdings (balances)' },
  products: { zh: '产品目录', en: 'Products' },
  risk: { zh: '风险评估', en: 'Risk assessments' },
};

/**
 * The comparable form of a header: NFKC (full-width → half-width), no byte-order mark, lower case,
 * a trailing "(元)" / "（必填）" / "*" removed, no spaces, underscores, dashes, dots or slashes.
 */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[*＊]+$/, '')
    .replace(/\s*[([【][^)\]】]*[)\]】]\s*$/, '')
    .replace(/[\s_\-./:：]+/g, '');
}

const INDEX: Record<ImportKind, Map<string, string>> = (() => {
  const out = {} as Record<ImportKind, Map<string, string>>;
  for (const kind of Object.keys(FIELDS) as ImportKind[]) {
    const m = new Map<string, string>();
    for (const spec of FIELDS[kind]) {
      for (const name of [spec.key, spec.label.zh, spec.label.en, ...spec.aliases]) {
        const n = normalizeHeader(name);
        const prev = m.get(n);
        if (prev !== undefined && prev !== spec.key)
          throw new Error(`header alias ${name} is ambiguous in ${kind}`);
        m.set(n, spec.key);
      }
    }
    out[kind] = m;
  }
  return out;
})();

export function fieldFor(kind: ImportKind, header: string): string | null {
  return INDEX[kind].get(normalizeHeader(header)) ?? null;
}

export function fieldSpec(kind: ImportKind, key: string): FieldSpec | undefined {
  return FIELDS[kind].find((s) => s.key === key);
}

export interface HeaderMap {
  /** Field key per column index; null = ignored column. */
  columns: (string | null)[];
  /** Column index per field key. */
  index: Map<string, number>;
  /** Header text per field key, as written in the file. */
  headerOf: Map<string, string>;
  ignored: string[];
}

/** How many cells of a row name a known field: header detection skips title rows above the header. */
export function knownHeaderCount(kind: ImportKind, cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() && fieldFor(kind, c) !== null) n++;
  return n;
}

/** Maps a header row to field keys; a missing required column or a column given twice is a file-level issue. */
export function mapHeaders(
  kind: ImportKind,
  headers: readonly string[],
  line: number,
): { ok: true; map: HeaderMap } | { ok: false; issues: ImportIssue[] } {
  const columns: (string | null)[] = [];
  const index = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  const issues: ImportIssue[] = [];
  headers.forEach((h, i) => {
    const text = h.replace(/^\uFEFF/, '').trim();
    const key = text ? fieldFor(kind, text) : null;
    if (key === null) {
      columns.push(null);
      if (text) ignored.push(text);
      return;
    }
    if (index.has(key)) {
      issues.push({
        line,
        field: key,
        column: text,
        code: 'header_duplicate',
        zh: `列“${text}”与“${headerOf.get(key) ?? ''}”是同一字段，只能保留一列`,
        en: `Column "${text}" is the same field as "${headerOf.get(key) ?? ''}"; keep only one`,
        value: null,
      });
      columns.push(null);
      return;
    }
    columns.push(key);
    index.set(key, i);
    headerOf.set(key, text);
  });
  for (const spec of FIELDS[kind]) {
    if (spec.required && !index.has(spec.key)) {
      issues.push({
        line,
        field: spec.key,
        column: null,
        code: 'header_missing',
        zh: `缺少必需的列：${spec.label.zh}（${spec.key}）`,
        en: `Missing required column: ${spec.label.en} (${spec.key})`,
        value: null,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, map: { columns, index, headerOf, ignored } };
}
