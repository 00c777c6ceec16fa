import i18n from '../i18n';

/** Texts of the head-office link banner (components/HeadOfficeBanner), under `hoLink`. */
const zh = {
  hoLink: {
    behind: '总行同步已中断',
    behindBody:
      '{{count}} 条记录等待上送总行，最早的已等待 {{hours}} 小时（上次成功上送：{{last}}）。最近一次错误：{{error}}。请检查网络与网点密钥；连接恢复后自动补传，记录不会丢失。',
    unconfigured: '未连接总行',
    unconfiguredBody:
      '本机未配置总行同步，{{count}} 条记录在本机等待上送（最早 {{since}}），数据库会随之持续增大。请由管理员在启动参数中配置总行地址与网点密钥（--headoffice、--branch-key），连接后自动补传。',
    never: '从未',
  },
};

const en: typeof zh = {
  hoLink: {
    behind: 'Head-office link down',
    behindBody:
      '{{count}} change(s) are waiting to go up to the head office; the oldest has waited {{hours}} h (last successful upload: {{last}}). Last error: {{error}}. Check the network and the branch key; everything waiting goes up once the link is back, nothing is lost.',
    unconfigured: 'No head-office link',
    unconfiguredBody:
      'This branch server has no head-office link: {{count}} change(s) wait here to go up (oldest {{since}}) and the database keeps growing. An administrator sets the head office address and branch key at start (--headoffice, --branch-key); everything waiting goes up once it is connected.',
    never: 'never',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
