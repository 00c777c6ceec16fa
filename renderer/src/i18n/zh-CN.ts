export const zhCN = {
  app: { title: '网点分流', subtitle: '网点客户分流与营销工作台' },
  nav: { lookup: '客户查询', lobby: '大堂分流', counter: '柜台叫号', vip: '贵宾室', display: '叫号屏', logout: '退出登录' },
  login: {
    title: '员工登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入用户名和密码',
  },
  lookup: {
    placeholder: '刷身份证 / 银行卡，或输入手机号、客户号、姓名，回车查询',
    search: '查询',
    hint: '支持身份证读卡器与刷卡器：读入后自动查询',
    results: '找到 {{count}} 位客户',
  },
  customer: {
    aum: '金融资产',
    nextTier: '还差 {{gap}} 到{{tier}}',
    topTier: '已是最高层级',
    segments: '客群',
    idNo: '证件号',
    phone: '手机',
    customerNo: '客户号',
    individual: '个人客户',
    corporate: '对公客户',
  },
  segment: { executive: '企业高管/个体经营', elderly: '老年客户', merchant: '商贸结算户', women: '女性客户', rural: '农村种养殖户' },
  lang: { switch: 'English' },
  common: { loading: '加载中…', error: '出错了' },
};
export type Messages = typeof zhCN;
