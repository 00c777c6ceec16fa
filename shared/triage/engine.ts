import { ageOn } from '../customer/age';
import type { Bilingual, Channel } from './channel';
import type { ChannelConfig, IntentConfig, TriageConfig, TriageFlag, TriageRule } from './config';
import { closedReason } from './availability';
import { fill, MESSAGES } from './messages';
import type {
  TriageAlternative,
  TriageContext,
  TriageCustomer,
  TriageDecision,
  TriageFlags,
  TriageInput,
  TriageReason,
} from './types';

/*
 * How a decision is made (all from the config):
 *  1. Facts: flags ticked by the lobby manager, `elderly` derived from the birth date (age ≥ elderlyAge) or an
 *     elderly segment, `highRisk` from the profile.
 *  2. Intents: the channels that can do every intent of the visit. If no single channel can, the channel(s)
 *     doing the most intents; the rest are `pending` (another ticket).
 *  3. Rules, in order: a matching rule may prefer a channel, raise the priority class, forbid channels, ask for
 *     lobby care or stricter review, or stop the evaluation.
 *  4. Channel: the rules' preferences in rule order, then `fallbackOrder`; the first one the intents allow, no rule
 *     forbids and that has an open (and, if the config says so, staffed) service point wins. A skipped preference becomes a reason ("贵宾室已满，柜台优先办理").
 */

interface Compiled {
  intents: Map<string, IntentConfig>;
  channels: ChannelConfig[];
  channelByKey: Map<Channel, ChannelConfig>;
  rules: TriageRule[];
  baseLevel: number;
  /** Preference order after the rules: fallbackOrder, then any other configured channel. */
  defaults: Channel[];
}

const compiledCache = new WeakMap<TriageConfig, Compiled>();

/** Index the config once per config object (configs are immutable values; a new settings version is a new object). */
function compile(config: TriageConfig): Compiled {
  const hit = compiledCache.get(config);
  if (hit) return hit;
  const channelByKey = new Map(config.channels.map((c) => [c.key, c] as const));
  const defaults: Channel[] = [];
  for (const c of [...config.fallbackOrder, ...config.channels.map((ch) => ch.key)]) {
    if (channelByKey.has(c) && !defaults.includes(c)) defaults.push(c);
  }
  const compiled: Compiled = {
    intents: new Map(config.intents.map((i) => [i.key, i] as const)),
    channels: config.channels,
    channelByKey,
    rules: config.rules.filter((r) => r.enabled !== false),
    baseLevel: Math.min(...config.priorities.map((p) => p.level)),
    defaults,
  };
  compiledCache.set(config, compiled);
  return compiled;
}

const DAY_MS = 86_400_000;
const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function ageOnUtcDate(by: number, bm: number, bd: number, at: number): number {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
}

/**
 * age(birthDate) ≥ years on the branch's calendar date. Every timezone's date is within one day of the UTC date,
 * so the answer is settled without Intl unless `now` is within a day of the birthday; only then `ageOn` (slow:
 * it builds an Intl formatter) decides.
 */
export function isAtLeastAge(birthDate: string, years: number, now: number, timeZone: string): boolean {
  const m = BIRTH_DATE.exec(birthDate);
  if (!m) return false;
  const by = Number(m[1]);
  const bm = Number(m[2]);
  const bd = Number(m[3]);
  if (ageOnUtcDate(by, bm, bd, now - DAY_MS) >= years) return true;
  if (ageOnUtcDate(by, bm, bd, now + DAY_MS) < years) return false;
  return ageOn(birthDate, now, timeZone) >= years;
}

function deriveFlags(
  customer: TriageCustomer | null,
  flags: TriageFlags,
  config: TriageConfig,
  ctx: TriageContext,
): Set<TriageFlag> {
  const set = new Set<TriageFlag>();
  if (flags.elderly) set.add('elderly');
  if (flags.disability) set.add('disability');
  if (flags.pregnant) set.add('pregnant');
  if (flags.withChild) set.add('withChild');
  if (flags.needsHelp) set.add('needsHelp');
  if (flags.highRisk || customer?.highRisk) set.add('highRisk');
  if (customer && !set.has('elderly')) {
    if (
      (customer.birthDate !== null &&
        isAtLeastAge(customer.birthDate, ctx.elderlyAge, ctx.now, ctx.timeZone)) ||
      customer.segments.some((s) => config.elderlySegments.includes(s))
    ) {
      set.add('elderly');
    }
  }
  return set;
}

interface VisitFacts {
  customer: TriageCustomer | null;
  flags: Set<TriageFlag>;
  intents: IntentConfig[];
  allSelfServiceable: boolean;
  anyCorporateOnly: boolean;
}

function anyIn<T>(list: readonly T[] | undefined, test: (v: T) => boolean): boolean {
  if (!list) return true;
  for (const v of list) if (test(v)) return true;
  return false;
}

function matches(rule: TriageRule, f: VisitFacts): boolean {
  const c = rule.conditions;
  const cust = f.customer;
  if (c.customer !== undefined && (c.customer === 'known') !== (cust !== null)) return false;
  if (c.kinds && !(cust && c.kinds.includes(cust.kind))) return false;
  if (c.notKinds && cust && c.notKinds.includes(cust.kind)) return false;
  if (c.tiers && !(cust && c.tiers.includes(cust.tier))) return false;
  if (c.notTiers && cust && c.notTiers.includes(cust.tier)) return false;
  if (c.segments && !(cust && anyIn(c.segments, (s) => cust.segments.includes(s)))) return false;
  if (c.corporateGrades && !(cust?.corporateGrade && c.corporateGrades.includes(cust.corporateGrade)))
    return false;
  if (c.flags && !anyIn(c.flags, (fl) => f.flags.has(fl))) return false;
  if (c.notFlags && anyIn(c.notFlags, (fl) => f.flags.has(fl))) return false;
  if (c.intents && !anyIn(c.intents, (key) => f.intents.some((i) => i.key === key))) return false;
  if (c.allSelfServiceable !== undefined && c.allSelfServiceable !== f.allSelfServiceable) return false;
  if (c.anyCorporateOnly !== undefined && c.anyCorporateOnly !== f.anyCorporateOnly) return false;
  return true;
}

function joinLabels(items: readonly Bilingual[], lang: 'zh' | 'en'): string {
  return items.map((i) => i[lang]).join(MESSAGES.listSeparator[lang]);
}

interface ChannelView {
  ch: ChannelConfig;
  /** Why the intents exclude it. */
  intentBlock: Bilingual | null;
  /** The first rule that forbids it. */
  forbiddenBy: TriageRule | null;
  closed: Bilingual | null;
}

export function triage(input: TriageInput, config: TriageConfig, ctx: TriageContext): TriageDecision {
  const c = compile(config);
  const reasons: TriageReason[] = [];
  const tail: TriageReason[] = [];

  // 1. Facts and intents.
  const flags = deriveFlags(input.customer, input.flags, config, ctx);
  const intents: IntentConfig[] = [];
  const unknown: string[] = [];
  for (const key of input.intents) {
    const intent = c.intents.get(key);
    if (!intent) unknown.push(key);
    else if (!intents.includes(intent)) intents.push(intent);
  }
  if (unknown.length > 0) {
    const list = unknown.join(', ');
    tail.push({
      ruleId: 'unknown-intent',
      zh: fill(MESSAGES.unknownIntent.zh, { intents: list }),
      en: fill(MESSAGES.unknownIntent.en, { intents: list }),
    });
  }

  // 2. Channels that can do the visit: all intents, else the most intents.
  const coverage = new Map<Channel, number>();
  for (const ch of c.channels) coverage.set(ch.key, 0);
  for (const intent of intents) {
    for (const ch of intent.channels) coverage.set(ch, (coverage.get(ch) ?? 0) + 1);
  }
  let best = 0;
  for (const n of coverage.values()) best = Math.max(best, n);
  const canDo = (ch: Channel) => intents.length === 0 || coverage.get(ch) === best;

  // 3. Rules.
  const facts: VisitFacts = {
    customer: input.customer,
    flags,
    intents,
    allSelfServiceable: intents.length > 0 && intents.every((i) => i.selfServiceable),
    anyCorporateOnly: intents.some((i) => i.corporateOnly),
  };
  const matched: TriageRule[] = [];
  const preferred: { channel: Channel; rule: TriageRule }[] = [];
  const forbiddenBy = new Map<Channel, TriageRule>();
  let priority = c.baseLevel;
  let care = false;
  let review = false;
  for (const rule of c.rules) {
    if (!matches(rule, facts)) continue;
    matched.push(rule);
    const e = rule.effect;
    if (e.prefer !== undefined && !preferred.some((p) => p.channel === e.prefer)) {
      preferred.push({ channel: e.prefer, rule });
    }
    if (e.forbid) for (const ch of e.forbid) if (!forbiddenBy.has(ch)) forbiddenBy.set(ch, rule);
    if (e.priority !== undefined && e.priority > priority) priority = e.priority;
    if (e.care) care = true;
    if (e.review) review = true;
    if (e.stop) break;
  }

  // 4. Channel choice.
  const views = new Map<Channel, ChannelView>();
  const view = (key: Channel): ChannelView | null => {
    const cached = views.get(key);
    if (cached) return cached;
    const ch = c.channelByKey.get(key);
    if (!ch) return null;
    let intentBlock: Bilingual | null = null;
    if (!canDo(key)) {
      const blocking = intents.filter((i) => !i.channels.includes(key));
      const values = (lang: 'zh' | 'en') => ({ channel: ch[lang], intent: joinLabels(blocking, lang) });
      intentBlock = {
        zh: fill(MESSAGES.notForIntent.zh, values('zh')),
        en: fill(MESSAGES.notForIntent.en, values('en')),
      };
    }
    const v: ChannelView = {
      ch,
      intentBlock,
      forbiddenBy: forbiddenBy.get(key) ?? null,
      closed: closedReason(ch, input.branch, config.staffedChannels),
    };
    views.set(key, v);
    return v;
  };
  const permitted = (v: ChannelView) => v.intentBlock === null && v.forbiddenBy === null;
  const whyBlocked = (v: ChannelView): Bilingual | null =>
    v.intentBlock ?? (v.forbiddenBy ? v.forbiddenBy.reason : null) ?? v.closed;

  const candidates: Channel[] = preferred.map((p) => p.channel);
  for (const ch of c.defaults) if (!candidates.includes(ch)) candidates.push(ch);

  let chosen: ChannelView | null = null;
  const skipped: { v: ChannelView; why: Bilingual }[] = [];
  for (const key of candidates) {
    const v = view(key);
    if (!v) continue;
    const why = whyBlocked(v);
    if (why === null) {
      chosen = v;
      break;
    }
    if (preferred.some((p) => p.channel === key)) skipped.push({ v, why });
  }
  let available = true;
  if (!chosen) {
    // Nothing permitted is open: keep the best permitted channel (else the best the intents allow) and say so.
    available = false;
    care = true;
    for (const key of candidates) {
      const v = view(key);
      if (v && permitted(v)) {
        chosen = v;
        break;
      }
    }
    if (!chosen) {
      for (const key of candidates) {
        const v = view(key);
        if (v && v.intentBlock === null) {
          chosen = v;
          break;
        }
      }
    }
    chosen ??= view(candidates[0] as Channel) as ChannelView;
    skipped.length = 0;
    tail.unshift({ ruleId: 'no-service-point', ...MESSAGES.noServicePoint });
  }

  // Reasons: the rules that shaped the decision, then the skipped preferences, then engine notes.
  const chosenKey = chosen.ch.key;
  const fromPreference = preferred.some((p) => p.channel === chosenKey);
  for (const rule of matched) {
    const e = rule.effect;
    if (
      e.prefer === chosenKey ||
      (e.priority !== undefined && e.priority > c.baseLevel) ||
      e.care === true ||
      e.review === true
    ) {
      reasons.push({ ruleId: rule.id, zh: rule.reason.zh, en: rule.reason.en });
    }
  }
  if (skipped.length > 0) {
    const tpl = priority > c.baseLevel ? MESSAGES.fallbackPriority : MESSAGES.fallback;
    for (const s of skipped) {
      reasons.push({
        ruleId: `unavailable:${s.v.ch.key}`,
        zh: fill(tpl.zh, { why: s.why.zh, next: chosen.ch.zh }),
        en: fill(tpl.en, { why: s.why.en, next: chosen.ch.en }),
      });
    }
  }
  if (available && !fromPreference && skipped.length === 0) {
    const allowed = c.channels.filter((ch) => {
      const v = view(ch.key);
      return v !== null && permitted(v);
    });
    const values = (lang: 'zh' | 'en') => ({
      intents: joinLabels(intents, lang),
      allowed: joinLabels(allowed, lang),
      chosen: chosen.ch[lang],
    });
    reasons.push({
      ruleId: 'default',
      zh: fill(MESSAGES.default.zh, values('zh')),
      en: fill(MESSAGES.default.en, values('en')),
    });
  }
  const pending = intents.filter((i) => !i.channels.includes(chosenKey));
  if (pending.length > 0) {
    reasons.push({
      ruleId: 'split-visit',
      zh: fill(MESSAGES.splitVisit.zh, { pending: joinLabels(pending, 'zh') }),
      en: fill(MESSAGES.splitVisit.en, { pending: joinLabels(pending, 'en') }),
    });
  }
  reasons.push(...tail);

  // Alternatives: every other configured channel, with why not.
  const alternatives: TriageAlternative[] = [];
  for (const ch of c.channels) {
    if (ch.key === chosenKey) continue;
    const v = view(ch.key) as ChannelView;
    const blocked = whyBlocked(v);
    const alt: TriageAlternative = {
      channel: ch.key,
      queue: ch.queue,
      available: blocked === null,
      whyNot: blocked ?? {
        zh: fill(MESSAGES.notChosen.zh, { chosen: chosen.ch.zh }),
        en: fill(MESSAGES.notChosen.en, { chosen: chosen.ch.en }),
      },
    };
    const waiting = input.branch.waiting?.[ch.queue];
    if (waiting !== undefined) alt.waiting = waiting;
    alternatives.push(alt);
  }

  return {
    channel: chosenKey,
    queue: chosen.ch.queue,
    priority,
    reasons,
    alternatives,
    care,
    review,
    available,
    pending: pending.map((i) => i.key),
    matchedRules: matched.map((r) => r.id),
    facts: { elderly: flags.has('elderly'), highRisk: flags.has('highRisk') },
  };
}
