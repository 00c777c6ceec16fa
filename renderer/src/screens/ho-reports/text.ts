import i18n from '../../i18n';

/** Texts of the head office's cross-branch history (/ho/reports), joined into i18n under `hoRep`. */
const zh = {
  hoRep: {
    title: '总行 · 跨网点经营报表',
    subtitle:
      '各网点推送到总行的历史：到店热力图、服务水平、员工、推荐转化、投诉，全部网点合计或单个网点，并逐网点对比。口径与网点报表相同。',
    keyTitle: '输入总行管理密钥',
    keyHelp: '密钥只保存在本浏览器标签页中（关闭标签页即清除），不会写入日志。',
    keyPlaceholder: 'hok.…',
    enter: '进入',
    forget: '清除密钥',
    branch: '网点',
    all: '全部网点',
    compare: '网点对比',
    code: '网点代码',
    name: '网点名称',
    arrived: '取号',
    served: '办结',
    noShow: '过号率%',
    complaints: '投诉',
    overdueOpen: '逾期未办结',
    took: '总行计算用时 {{ms}} 毫秒（{{tz}}）',
    campaignNote: '网点升级前推送的推荐结果不带营销活动编号，计入“（无）”。',
    migrationNote:
      '按各网点推送的余额快照计算：起点为期间开始前最近一次快照，终点为期间结束前最近一次快照；全部网点时同一客户号只计一次。',
    tierNote: '客户层级取总行客户主数据中的当前层级（未装载客户数据的网点显示为“（无）”）。',
    staffNote: '按“姓名（网点代码）”显示；网点升级前未推送姓名的员工显示为“网点代码 · 员工编号末8位”。',
    notHere: '本页面只在总行服务器上可用。',
    download: '下载失败：{{msg}}',
  },
};
const en: typeof zh = {
  hoRep: {
    title: 'Head office · history across branches',
    subtitle:
      'What the branches pushed to the head office: arrivals heat map, service level, staff, conversion, complaints — all branches together or one, and each branch side by side. The same definitions as the branch reports.',
    keyTitle: 'Enter the head-office admin key',
    keyHelp: 'The key stays in this browser tab only (cleared when the tab closes) and is never logged.',
    keyPlaceholder: 'hok.…',
    enter: 'Open',
    forget: 'Forget key',
    branch: 'Branch',
    all: 'All branches',
    compare: 'Branches compared',
    code: 'Branch',
    name: 'Name',
    arrived: 'Arrived',
    served: 'Served',
    noShow: 'No-show %',
    complaints: 'Complaints',
    overdueOpen: 'Overdue open',
    took: 'Computed by the head office in {{ms}} ms ({{tz}})',
    campaignNote: 'Outcomes a branch pushed before its upgrade carry no campaign and count under "(none)".',
    migrationNote:
      'From the balance snapshots the branches push: the last one before the period starts against the last one before it ends; across all branches a customer number counts once.',
    tierNote:
      'The tier is the customer\'s current tier in the head office\'s master data (branches whose customers are not loaded show "(none)").',
    staffNote:
      'Shown as "name (branch code)"; staff a branch has not yet sent show as "branch code · last 8 of the staff id".',
    notHere: 'This page is only available on the head-office server.',
    download: 'Download failed: {{msg}}',
  },
};
i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
