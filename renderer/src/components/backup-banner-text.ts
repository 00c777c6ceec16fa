import i18n from '../i18n';

/** Texts of the backup banner (components/BackupBanner), under `backupAlert`. */
const zh = {
  backupAlert: {
    failed: '数据库备份失败',
    failedBody: '{{at}} 的备份没有完成：{{message}}。请检查备份位置的磁盘空间和权限，再到“数据备份”重试。',
    stale: '已 {{days}} 天没有新的数据库备份',
    staleBody:
      '最近一份备份是 {{day}} 的。每日备份在设定钟点后进行，网点服务器须在那时开着；也可以到“数据备份”立即备份。',
    restore: '网点服务器下次启动时将用 {{name}} 恢复数据库',
    restoreBody: '{{at}} 安排。重启前请确认；不需要时到“数据备份”取消。',
    open: '打开数据备份',
  },
};

const en: typeof zh = {
  backupAlert: {
    failed: 'Database backup failed',
    failedBody:
      'The backup of {{at}} did not complete: {{message}}. Check the backup folder’s free space and permissions, then try again in Backups.',
    stale: 'No new database backup for {{days}} days',
    staleBody:
      'The newest copy is from {{day}}. The daily copy is made from the set hour, so the branch server must be on then; or back up now in Backups.',
    restore: 'The database will be restored from {{name}} when the branch server next starts',
    restoreBody: 'Asked for {{at}}. Be sure before restarting; call it off in Backups if it is not wanted.',
    open: 'Open Backups',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
