import i18n from '../../i18n';

/** 移交客户 (the manager's handover tab of 客户经营). */
const zh = {
  handover: {
    tab: '移交客户',
    hint: '员工离职或调岗时，把其名下的专属客户（主办和备岗）一次移交给接任的客户经理。',
    stranded: '{{n}} 位已停用员工名下仍有客户：这些客户没有人跟进，请尽快移交。',
    none: '目前没有员工名下有专属客户。',
    col: { staff: '员工', state: '状态', owned: '主办客户', backups: '备岗客户', assigned: '指派联络' },
    active: '在岗',
    disabled: '已停用',
    action: '移交…',
    title: '移交 {{name}} 名下的客户',
    means:
      '{{owned}} 位主办客户改由接任者主办（原备岗不变）；{{backups}} 位备岗客户改由接任者备岗；{{assigned}} 位指派的联络客户改由接任者联络。移交记入审计日志，柜台终端随即同步。',
    to: '接任的客户经理',
    ok: '确认移交',
    cancel: '取消',
    done: '已移交 {{owned}} 位主办客户、{{backups}} 位备岗客户、{{assigned}} 位指派联络的客户',
  },
};

const en: typeof zh = {
  handover: {
    tab: 'Hand over',
    hint: 'When someone leaves or changes post, hand all their customers (owned and backed up) to the successor at once.',
    stranded: '{{n}} disabled staff still hold customers: nobody works them until they are handed over.',
    none: 'Nobody holds customers yet.',
    col: {
      staff: 'Staff',
      state: 'Status',
      owned: 'Owned',
      backups: 'Backup for',
      assigned: 'Outreach given',
    },
    active: 'Active',
    disabled: 'Disabled',
    action: 'Hand over…',
    title: "Hand over {{name}}'s customers",
    means:
      'The successor owns the {{owned}} customers they owned (their backups stay), backs up the {{backups}} they backed up and contacts the {{assigned}} given to them for outreach. The handover is audited and reaches the counter terminals at once.',
    to: 'Successor (RM)',
    ok: 'Hand over',
    cancel: 'Cancel',
    done: '{{owned}} owned, {{backups}} backed-up and {{assigned}} outreach customers handed over',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { outreach: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { outreach: en }, true, false);
