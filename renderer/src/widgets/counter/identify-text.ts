import i18n from '../../i18n';

/** Texts of identifying a walk-in at the counter (Step 10, item 13), under `identifyWalkIn`. */
const zh = {
  identifyWalkIn: {
    title: '散客：无客户档案',
    hint: '开户或核实身份后可识别客户：本次办理与营销记录将归入该客户',
    open: '识别客户',
    placeholder: '刷身份证 / 银行卡，或输入手机号、客户号，回车查询',
    pickOne: '找到 {{count}} 位客户，请选择',
    confirm: '确认关联到本次办理',
    cancel: '取消',
    confirmHint: '回车确认，Esc 取消；关联后不能更改',
    done: '已识别客户：{{name}}',
  },
};

const en: typeof zh = {
  identifyWalkIn: {
    title: 'Walk-in: no customer profile',
    hint: 'Identify the customer (after opening an account or checking the ID): this visit and its outcomes become theirs',
    open: 'Identify customer',
    placeholder: 'Swipe the ID or bank card, or type a phone or customer number, then Enter',
    pickOne: '{{count}} customers found: choose one',
    confirm: 'Attach to this visit',
    cancel: 'Cancel',
    confirmHint: 'Enter to confirm, Esc to cancel; it cannot be changed afterwards',
    done: 'Customer identified: {{name}}',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
