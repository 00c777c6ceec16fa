import type { Bilingual } from '@shared/triage/channel';

/**
 * Audit actions the server writes, with their labels. Actions not listed (a newer server) show as
 * written; the filter also takes a prefix with `*` (`reveal.*`).
 */
export const AUDIT_ACTIONS: Record<string, Bilingual> = {
  login: { zh: '登录', en: 'Login' },
  'login.failed': { zh: '登录失败', en: 'Failed login' },
  'login.refused_locked': { zh: '账号锁定中拒绝登录', en: 'Login refused (locked)' },
  logout: { zh: '退出登录', en: 'Logout' },
  'account.locked': { zh: '账号被锁定', en: 'Account locked' },
  unlock: { zh: '解锁屏幕', en: 'Unlock' },
  'unlock.failed': { zh: '解锁失败', en: 'Failed unlock' },
  'password.change': { zh: '修改密码', en: 'Password change' },
  'password.change_failed': { zh: '修改密码失败', en: 'Failed password change' },
  'reveal.id': { zh: '查看完整证件号', en: 'Revealed an ID number' },
  'reveal.phone': { zh: '查看完整手机号', en: 'Revealed a phone number' },
  'reveal.limit': { zh: '查看完整信息超过次数上限（已拒绝）', en: 'Reveal limit reached (refused)' },
  'customer.lookup': { zh: '客户查询', en: 'Customer lookup' },
  'customer.view': { zh: '查看客户档案', en: 'Customer profile viewed' },
  'triage.override': { zh: '分流改派', en: 'Triage override' },
  'ticket.override': { zh: '号码改派', en: 'Ticket override' },
  'ticket.transfer': { zh: '号码转移', en: 'Ticket transfer' },
  'ticket.cancel': { zh: '取消号码', en: 'Ticket cancelled' },
  'settings.change': { zh: '修改设置', en: 'Settings change' },
  'settings.rollback': { zh: '设置回滚', en: 'Settings rollback' },
  'backup.created': { zh: '数据库备份', en: 'Database backed up' },
  'backup.failed': { zh: '数据库备份失败', en: 'Database backup failed' },
  'backup.restore_requested': {
    zh: '安排恢复备份（下次启动时）',
    en: 'Restore of a backup asked for (at next start)',
  },
  'backup.restore_cancelled': { zh: '取消恢复备份', en: 'Restore of a backup called off' },
  'backup.restored': { zh: '数据库已从备份恢复', en: 'Database restored from a backup' },
  'backup.restore_failed': { zh: '从备份恢复失败', en: 'Restore from a backup failed' },
  'backup.restore_seen': {
    zh: '终端发现网点服务器已从备份恢复，重发了本机近期的数据',
    en: 'A terminal found the hub restored from a backup and sent its recent work again',
  },
  'setup.admin': { zh: '首次设置管理员', en: 'First-run admin' },
  'staff.create': { zh: '新增员工', en: 'Staff added' },
  'staff.update': { zh: '修改员工信息', en: 'Staff changed' },
  'staff.role_change': { zh: '角色变更', en: 'Role change' },
  'staff.enable': { zh: '启用账号', en: 'Account enabled' },
  'staff.disable': { zh: '停用账号', en: 'Account disabled' },
  'staff.password_reset': { zh: '重置密码', en: 'Password reset' },
  'counter.create': { zh: '新增窗口', en: 'Counter added' },
  'counter.update': { zh: '修改窗口', en: 'Counter changed' },
  'display.create': { zh: '新增叫号屏', en: 'Display added' },
  'display.revoke': { zh: '停用叫号屏', en: 'Display revoked' },
  'import.applied': { zh: '数据导入', en: 'Import applied' },
  'import.rejected': { zh: '导入被拒', en: 'Import rejected' },
  'import.cancelled': { zh: '导入取消', en: 'Import cancelled' },
  'import.confirmed': { zh: '确认写入导入', en: 'Import write started' },
  'import.report': { zh: '下载导入报告', en: 'Import report downloaded' },
  'export.download': { zh: '数据导出', en: 'Export' },
  'follow_up.close': { zh: '关闭回访', en: 'Follow-up closed' },
  'follow_up.close_denied': { zh: '关闭他人回访被拒', en: "Closing someone else's follow-up refused" },
  'queue.end_of_day': { zh: '日终清号', en: 'End of day' },
  'sync.enroll': { zh: '终端登记', en: 'Terminal enrolled' },
  'sync.device_revoked': { zh: '停用终端', en: 'Terminal revoked' },
  'owner.assign': { zh: '分配专属客户经理', en: 'Owner assigned' },
  'owner.handover': { zh: '移交客户', en: 'Book handed over' },
  deny: { zh: '拒绝访问', en: 'Access denied' },
};

/** Groups offered as `prefix*` filters. */
export const AUDIT_PREFIXES: Record<string, Bilingual> = {
  'login*': { zh: '登录相关（全部）', en: 'Logins (all)' },
  'unlock*': { zh: '解锁（全部）', en: 'Unlocks (all)' },
  'reveal.*': { zh: '查看完整信息（全部）', en: 'Reveals (all)' },
  'settings.*': { zh: '设置变更（全部）', en: 'Settings (all)' },
  'staff.*': { zh: '员工管理（全部）', en: 'Staff (all)' },
  'import.*': { zh: '数据导入（全部）', en: 'Imports (all)' },
  'ticket.*': { zh: '号码操作（全部）', en: 'Tickets (all)' },
};

export function actionLabel(action: string, zh: boolean): string {
  const l = AUDIT_ACTIONS[action];
  return l ? (zh ? l.zh : l.en) : action;
}
