import i18n from '../../i18n';

/** Texts of the dashboard's booking card, joined into i18n under `dashBookings`. */
const zh = {
  dashBookings: {
    title: '今日预约',
    bookings: '预约（未取消）',
    checkedIn: '已签到',
    noShows: '未到',
    nextHour: '一小时内到店',
    cancellations: '已取消',
    daysAhead: '平均提前（天）',
    calledEarly: '早于预约时间叫号',
    calledLate: '晚于预约时间叫号',
    open: '查看预约',
  },
};

const en: typeof zh = {
  dashBookings: {
    title: 'Bookings today',
    bookings: 'Booked (not cancelled)',
    checkedIn: 'Checked in',
    noShows: 'No-shows',
    nextHour: 'Due in the next hour',
    cancellations: 'Cancelled',
    daysAhead: 'Booked ahead (days, avg.)',
    calledEarly: 'Called before the booked time',
    calledLate: 'Called after the booked time',
    open: 'Open bookings',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
