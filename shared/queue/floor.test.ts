import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { TicketStatus } from './events';
import { checkOneLiveTicket, floorOrder, isSelfServiceQueue, liveTicketsOf, selfServicePoint } from './floor';

const t = (id: string, status: TicketStatus, arrivedAt: number, customerId: string | null = null) => ({
  id,
  status,
  arrivedAt,
  customerId,
  displayNo: id,
});

describe('one customer, one live ticket', () => {
  const board = [t('A001', 'done', 1, 'c1'), t('A002', 'waiting', 2, 'c1'), t('A003', 'no_show', 3, 'c2')];

  it('finds the tickets a customer still holds', () => {
    expect(liveTicketsOf(board, 'c1').map((x) => x.id)).toEqual(['A002']);
    expect(liveTicketsOf(board, 'c2')).toEqual([]);
  });

  it('refuses a second live ticket without a reason, bilingual', () => {
    const r = checkOneLiveTicket(board, 'c1', undefined);
    expect(r).toMatchObject({ ok: false, code: 'live_ticket_exists' });
    if (!r.ok) {
      expect(r.zh).toContain('A002');
      expect(r.en).toContain('A002');
    }
    expect(checkOneLiveTicket(board, 'c1', '  ')).toMatchObject({ ok: false });
  });

  it('allows it with a reason, for a walk-in, and after a done or no-show ticket', () => {
    expect(checkOneLiveTicket(board, 'c1', '对公和个人业务分开办理').ok).toBe(true);
    expect(checkOneLiveTicket(board, null, undefined).ok).toBe(true);
    expect(checkOneLiveTicket(board, 'c2', undefined).ok).toBe(true);
  });

  it.each(['called', 'serving', 'held'] as const)('counts a %s ticket as live', (status) => {
    expect(checkOneLiveTicket([t('A9', status, 1, 'c3')], 'c3', null).ok).toBe(false);
  });
});

describe('floor order', () => {
  it('puts the longest wait on top, then counters, parked and no-shows, and drops closed ones', () => {
    const order = floorOrder([
      t('x-served', 'serving', 1),
      t('x-late', 'waiting', 30),
      t('x-noshow', 'no_show', 0),
      t('x-done', 'done', 0),
      t('x-early', 'waiting', 10),
      t('x-called', 'called', 5),
    ]);
    expect(order.map((x) => x.id)).toEqual(['x-early', 'x-late', 'x-called', 'x-served', 'x-noshow']);
  });
});

describe('self-service', () => {
  it('knows the self-service queue from the config', () => {
    expect(isSelfServiceQueue(defaultQueueConfig, 'self')).toBe(true);
    expect(isSelfServiceQueue(defaultQueueConfig, 'individual')).toBe(false);
  });

  it('records at an open self-service point of that queue first', () => {
    const c = (id: string, channel: string, open: boolean, queues = ['self']) => ({
      id,
      channel,
      open,
      queues,
    });
    expect(
      selfServicePoint([c('1', 'counter', true), c('9', 'self', false), c('10', 'self', true)], 'self')?.id,
    ).toBe('10');
    expect(selfServicePoint([c('9', 'self', false)], 'self')?.id).toBe('9');
    expect(selfServicePoint([c('1', 'counter', true, ['individual'])], 'self')).toBeNull();
  });
});
