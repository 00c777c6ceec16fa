import i18n from '../../i18n';

/** Texts of 员工与窗口 → 柜台终端 (the counter PCs enrolled at this hub), under `terminals`. */
const zh = {
  terminals: {
    tab: '柜台终端',
    hint: '已登记到本网点服务器的柜台电脑。登记：在柜台电脑上选择「柜台终端」，输入网点负责人或管理员的账号。电脑丢失、被盗或不再使用时请停用：它立即不能再同步本网点的数据。',
    name: '终端',
    enrolledBy: '登记人',
    enrolledAt: '登记时间',
    lastSeenAt: '最近联系',
    never: '从未',
    pushed: '上传记录',
    status: '状态',
    active: '在用',
    revokedAt: '已停用 {{time}}',
    revoke: '停用…',
    revokeTitle: '停用终端“{{name}}”',
    revokeMeans:
      '停用后，这台电脑不能再从本网点服务器取数据，也不能上传记录；它屏幕上会提示需要重新登记。它本机已有的数据不会被删除。以后要再用，在那台电脑上用负责人账号重新登记即可。',
    reason: '停用原因（记入审计日志），如：电脑报修送出',
    revokeOk: '停用',
    revoked: '已停用 {{name}}',
    cancel: '取消',
  },
};

const en: typeof zh = {
  terminals: {
    tab: 'Counter terminals',
    hint: 'Counter PCs enrolled at this branch hub. To enroll one, choose “Counter terminal” on that PC and enter a manager’s or admin’s login. Revoke a PC that is lost, stolen or retired: it can no longer sync this branch’s data, from that moment.',
    name: 'Terminal',
    enrolledBy: 'Enrolled by',
    enrolledAt: 'Enrolled',
    lastSeenAt: 'Last contact',
    never: 'Never',
    pushed: 'Records sent',
    status: 'Status',
    active: 'In use',
    revokedAt: 'Revoked {{time}}',
    revoke: 'Revoke…',
    revokeTitle: 'Revoke terminal “{{name}}”',
    revokeMeans:
      'Once revoked, this PC can no longer fetch data from the branch hub or send records up; its screen says it must be enrolled again. What it already holds is not deleted. To use it again, enroll it at that PC with a manager’s login.',
    reason: 'Reason (kept in the audit log), e.g. PC sent for repair',
    revokeOk: 'Revoke',
    revoked: 'Revoked {{name}}',
    cancel: 'Cancel',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
