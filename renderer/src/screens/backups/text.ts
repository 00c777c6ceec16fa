import i18n from '../../i18n';

/** Texts of the backups screen (数据备份), under `backups`. */
const zh = {
  backups: {
    title: '数据备份',
    schedule:
      '网点服务器每天 {{hour}}:00 后在后台复制一份数据库（当天已有则不再复制），保留最近 {{keep}} 份。',
    scheduleOff: '每日自动备份已关闭，只有点“立即备份”才会复制。',
    scheduleWhere: '在 网点管理 → 规则设置 → 常规 修改时间、份数或开关。',
    notHub: '本机是柜台终端，网点数据保存在网点服务器上，请在网点服务器上备份。',
    dir: '备份位置',
    free: '这块磁盘剩余 {{free}}；每次备份后至少留出 {{keep}}（常规设置），不够时先删最旧的备份，仍不够则不备份并提示。',
    dirHint:
      '备份放在网点服务器的这个文件夹里。建议用另一块磁盘或网络存储（启动参数 --backup-dir）：本机硬盘损坏时，同一块盘上的备份也会一起丢失。',
    now: '立即备份',
    running: '正在备份：已写入 {{done}}，共约 {{total}}',
    runningHint: '备份在后台线程进行，取号、叫号和叫号屏不受影响。',
    lastDone: '上次备份 {{name}}：{{size}}，用时 {{seconds}} 秒',
    failed: '备份失败（{{at}}）：{{message}}',
    files: '已保存的备份',
    name: '文件',
    when: '备份时间',
    size: '大小',
    empty: '还没有备份',
    restoreThis: '恢复此备份…',
    restoreAsk: '用 {{name}} 恢复网点数据库？',
    restoreMeans:
      '网点服务器下次启动时（桌面版：关闭并重新打开网点分流），用这份备份替换当前数据库；当前数据库改名保留在数据目录中，不会删除。备份之后在服务器上的改动将不在恢复后的数据里；柜台终端会自动重发它们备份之后的改动。启动前可以取消。请写明原因（记入审计日志）：',
    restoreReason: '恢复原因，例如：数据库损坏，恢复今天中午的备份',
    restoreOk: '下次启动时恢复',
    cancel: '取消',
    pending: '已安排：下次启动网点服务器时用 {{name}} 恢复数据库（{{at}} 安排）',
    pendingHow: '原因：{{reason}}。关闭并重新打开网点分流（或重启网点服务器）后生效；在此之前可以取消。',
    pendingCancel: '取消恢复',
    restored: '本次启动已用 {{name}} 恢复数据库（{{at}}），原数据库已改名保留在数据目录中。',
    restoreFailed: '本次启动未能用 {{name}} 恢复，仍在使用原数据库：{{message}}',
    restoreTitle: '如何恢复',
    restoreInApp:
      '在上表选一份备份，点“恢复此备份…”并写明原因，网点服务器下次启动时恢复。也可以在服务器上用命令：',
    restore:
      '1. 停止网点服务器；2. 在网点服务器上运行 npm run restore -- --from <备份文件> --data <数据目录>（当前数据库会改名保留，不会删除）；3. 用原来的网点密钥文件（pii.key）启动服务器。备份之后在服务器上的改动不在备份里；柜台终端会自动发现服务器已恢复，重发备份之后本机的改动并取得恢复后的数据（备份之后才登记的终端需重新登记）。',
    restoreDesktop:
      '手工恢复（无法启动时）：退出网点分流；在数据目录中把 branch.db、branch.db-wal、branch.db-shm 一起改名保留（如都加上 .old）；把备份文件复制为 branch.db；再启动。',
    keyNote: '备份中的证件号、手机号和卡号以网点密钥加密：密钥文件不在备份里，请由管理员另行妥善保存。',
  },
};

const en: typeof zh = {
  backups: {
    title: 'Backups',
    schedule:
      'Every day from {{hour}}:00 the branch server copies its database in the background (once a day) and keeps the newest {{keep}} copies.',
    scheduleOff: 'Daily backups are off: a copy is made only with Back up now.',
    scheduleWhere: 'Change the hour, the number kept or the switch in Administration → Settings → General.',
    notHub: 'This is a counter terminal: the branch’s data is on the branch server, back it up there.',
    dir: 'Backup folder',
    free: '{{free}} free on this disk; every copy leaves at least {{keep}} free (General settings): when short, the oldest copies go first, and if still short no copy is made and you are told.',
    dirHint:
      'Copies go to this folder on the branch server. Better on another disk or network storage (start option --backup-dir): when this disk fails, copies on it are lost with it.',
    now: 'Back up now',
    running: 'Backing up: {{done}} written of about {{total}}',
    runningHint: 'The copy runs on a background thread: tickets, calls and the lobby display carry on.',
    lastDone: 'Last backup {{name}}: {{size}}, took {{seconds}} s',
    failed: 'Backup failed ({{at}}): {{message}}',
    files: 'Copies kept',
    name: 'File',
    when: 'Made at',
    size: 'Size',
    empty: 'No backups yet',
    restoreThis: 'Restore this copy…',
    restoreAsk: 'Restore the branch database from {{name}}?',
    restoreMeans:
      'When the branch server next starts (desktop app: quit 网点分流 and open it again), this copy replaces the database; the current one is kept under another name in the data folder, not deleted. Changes made at the server after the copy will not be in the restored data; counter terminals send theirs again by themselves. It can be called off until then. Give the reason (it goes to the audit trail):',
    restoreReason: 'Reason, e.g. the database is damaged, restore today’s noon copy',
    restoreOk: 'Restore at next start',
    cancel: 'Cancel',
    pending:
      'Asked for: the database will be restored from {{name}} when the branch server next starts (asked {{at}})',
    pendingHow:
      'Reason: {{reason}}. It happens when 网点分流 is closed and opened again (or the branch server restarted); until then it can be called off.',
    pendingCancel: 'Call off the restore',
    restored:
      'This start restored the database from {{name}} ({{at}}); the database it replaced is kept in the data folder.',
    restoreFailed: 'This start could not restore from {{name}} and runs on the database it had: {{message}}',
    restoreTitle: 'Restoring',
    restoreInApp:
      'Pick a copy above, Restore this copy…, and give the reason: the branch server restores it at its next start. Or, on the server, by command:',
    restore:
      '1. Stop the branch server; 2. on it, run npm run restore -- --from <copy> --data <data folder> (the current database is kept under another name, not deleted); 3. start the server with the same branch key file (pii.key). Changes made at the server after the copy are not in it; counter terminals notice the restore by themselves, send again what they did since the copy and take the restored data (a terminal enrolled after the copy must be enrolled again).',
    restoreDesktop:
      'By hand (when it cannot start): quit 网点分流; in the data folder rename branch.db, branch.db-wal and branch.db-shm together to keep them (e.g. add .old to each); copy the backup in as branch.db; start again.',
    keyNote:
      'ID, phone and card numbers in a copy are encrypted with the branch key: the key file is not in the copy, so the administrator keeps it safe separately.',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
