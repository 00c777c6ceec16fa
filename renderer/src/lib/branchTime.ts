/**
 * The branch's clock. The server keeps the timezone in its rules but does not expose it yet, so the renderer uses
 * the default (DOMAIN: branches in mainland China); staff PCs and the lobby TV may be set to any zone.
 */
export const BRANCH_TIME_ZONE = 'Asia/Shanghai';

const time = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BRANCH_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const timeSec = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BRANCH_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const date = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BRANCH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const formatTime = (ms: number): string => time.format(ms);
export const formatTimeSec = (ms: number): string => timeSec.format(ms);
export const formatDate = (ms: number): string => date.format(ms);
export const formatDateTime = (ms: number): string => `${date.format(ms)} ${time.format(ms)}`;
