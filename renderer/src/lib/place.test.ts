import { describe, expect, it } from 'vitest';
import { placeLabel } from './place';

const vipRoom = { zh: '贵宾室', en: 'VIP room' };
const vipQueue = { zh: '贵宾', en: 'VIP' };
const counter = { zh: '柜台', en: 'counter' };
const personal = { zh: '个人业务', en: 'Personal' };

describe('placeLabel', () => {
  it('names the queue when it adds something', () => {
    expect(placeLabel(counter, personal, 'zh-CN')).toBe('柜台 · 个人业务');
    expect(placeLabel(counter, personal, 'en')).toBe('counter · Personal');
  });
  it('leaves out a queue named like its channel', () => {
    expect(placeLabel(vipRoom, vipQueue, 'zh-CN')).toBe('贵宾室');
    expect(placeLabel(vipRoom, vipQueue, 'en')).toBe('VIP room');
  });
  it('falls back to whichever is known', () => {
    expect(placeLabel(undefined, personal, 'zh-CN')).toBe('个人业务');
    expect(placeLabel(counter, undefined, 'zh-CN')).toBe('柜台');
  });
});
