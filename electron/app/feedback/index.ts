import { createHmac } from 'node:crypto';
import type { LiveMessage } from '@shared/api/queue';
import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../../db/connection';
import type { Pii } from '../../db/pii';
import { CounterRepo } from '../../db/repos/counters';
import { FeedbackRepo } from '../../db/repos/feedback';
import type { AuditRepo } from '../../db/repos/settings';
import type { VisitRepo } from '../../db/repos/visits';
import { FeedbackFiguresApp } from './figures';
import { PadsApp } from './pads';
import { RatingsApp, type FeedbackOutbox } from './ratings';

export { FeedbackFiguresApp, PadsApp, RatingsApp };

/** The feedback domain's application modules (评价器): pads, answers and escalations, figures. */
export interface FeedbackModules {
  pads: PadsApp;
  ratings: RatingsApp;
  figures: FeedbackFiguresApp;
}

export interface FeedbackModuleDeps {
  store: Store;
  pii: Pii;
  visits: Pick<VisitRepo, 'addComplaint' | 'addFollowUp'>;
  audit: Pick<AuditRepo, 'append'>;
  outbox: FeedbackOutbox;
  now: () => number;
  rules: () => RulesConfig;
  emit: (m: LiveMessage) => void;
}

export function feedbackModules(d: FeedbackModuleDeps): FeedbackModules {
  const repo = new FeedbackRepo(d.store);
  const counterRepo = new CounterRepo(d.store);
  const counters = () => counterRepo.all();
  const tx = <T>(fn: () => T): T => d.store.tx(fn);
  // Derived from the install's key, for this one purpose: survey links survive a restart, and name no PII.
  const surveyKey = createHmac('sha256', d.pii.keyMaterial().hmac).update('survey-link-v1').digest();
  const pads = new PadsApp({ repo, counters, audit: d.audit, tx, now: d.now });
  return {
    pads,
    ratings: new RatingsApp({
      repo,
      pads,
      counters,
      visits: d.visits,
      outbox: d.outbox,
      tx,
      now: d.now,
      rules: d.rules,
      emit: d.emit,
      surveyKey: () => surveyKey,
    }),
    figures: new FeedbackFiguresApp({ repo, now: d.now, rules: d.rules }),
  };
}
