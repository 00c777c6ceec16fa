import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { title: 'Branch Triage', subtitle: 'Lobby triage and counter marketing desk' },
  nav: { lookup: 'Customer lookup', lobby: 'Lobby triage', counter: 'Counter queue', vip: 'VIP room', display: 'Lobby display', logout: 'Log out' },
  login: {
    title: 'Staff login',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    required: 'Enter your username and password',
  },
  lookup: {
    placeholder: 'Swipe an ID card or bank card, or type a phone, customer number or name, then Enter',
    search: 'Search',
    hint: 'ID card readers and card swipes type the number and search automatically',
    results: '{{count}} customer(s) found',
  },
  customer: {
    aum: 'Assets (AUM)',
    nextTier: '{{gap}} more to {{tier}}',
    topTier: 'Top tier',
    segments: 'Segments',
    idNo: 'ID',
    phone: 'Mobile',
    customerNo: 'Customer no.',
    individual: 'Individual',
    corporate: 'Corporate',
  },
  segment: { executive: 'Executive / self-employed', elderly: 'Elderly', merchant: 'Merchant', women: 'Women', rural: 'Rural planter' },
  lang: { switch: '中文' },
  common: { loading: 'Loading…', error: 'Something went wrong' },
};
