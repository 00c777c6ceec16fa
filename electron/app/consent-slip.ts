import { ApiError } from '@shared/api/errors';
import type { RulesConfig } from '@shared/config/schema';
import type { ConsentEvent, ConsentPurpose } from '@shared/customer/consent';
import type { ConsentSlip } from '@shared/prospect/api';
import type { Bilingual } from '@shared/suggest/text';
import type { ProspectConsent } from '../db/convert/prospects';
import type { ConsentTextTable } from '../db/schema-prospects';

export interface ConsentSlipDeps {
  customerEvent: (id: string) => ConsentEvent | undefined;
  prospectEvent: (id: string) => ProspectConsent | undefined;
  subjectOfCustomer: (
    id: string,
  ) => { name: string; phoneMasked: string | null; customerNo: string } | undefined;
  subjectOfProspect: (id: string) => { name: string; phoneMasked: string | null } | undefined;
  text: (version: string, purpose: string) => ConsentTextTable | undefined;
  keep: (t: ConsentTextTable) => void;
  staffName: (id: string) => string | null;
  rules: () => Pick<RulesConfig, 'consent' | 'branch'>;
}

/**
 * The printed consent slip (Step 15): the exact words of the text version the customer read, in Chinese and English,
 * with what they chose, when, how and who recorded it; or, before they decide, the text in force to read.
 */
export class ConsentSlips {
  constructor(private readonly d: ConsentSlipDeps) {}

  /** Keeps the words of `version` the first time it is used, when it is the version in force. */
  keep(version: string, purpose: ConsentPurpose, at: number): void {
    const cfg = this.d.rules().consent;
    if (version !== cfg.version) return;
    const w = cfg.purposes[purpose];
    this.d.keep({
      version,
      purpose,
      title_zh: w.title.zh,
      title_en: w.title.en,
      text_zh: w.text.zh,
      text_en: w.text.en,
      first_used_at: at,
    });
  }

  /** The text in force, to read before deciding. */
  current(purpose: ConsentPurpose): ConsentSlip {
    const cfg = this.d.rules().consent;
    const w = cfg.purposes[purpose];
    return {
      branchName: this.d.rules().branch.name,
      event: null,
      purpose,
      version: cfg.version,
      title: w.title,
      text: w.text,
    };
  }

  /** A recorded grant or withdrawal (a customer's or a prospect's), with the words of the version read. */
  forEvent(id: string): ConsentSlip {
    const ce = this.d.customerEvent(id);
    const pe = ce ? undefined : this.d.prospectEvent(id);
    const e = ce ?? pe;
    if (!e) throw new ApiError(404, 'consent_not_found', '授权记录不存在', 'No such consent record');
    const subject = ce
      ? this.d.subjectOfCustomer(ce.customerId)
      : pe
        ? { ...this.d.subjectOfProspect(pe.prospectId), customerNo: null }
        : undefined;
    const words = this.words(e.textVersion, e.purpose);
    const scope = this.d.rules().consent.purposes[e.purpose].scopes.find((s) => s.key === e.scope);
    return {
      branchName: this.d.rules().branch.name,
      event: {
        id: e.id,
        granted: e.granted,
        at: e.at,
        channel: e.channel,
        scope: scope?.label ?? null,
        staffName: this.d.staffName(e.staffId),
        subject: {
          name: subject?.name ?? '—',
          phoneMasked: subject?.phoneMasked ?? null,
          customerNo: subject?.customerNo ?? null,
        },
      },
      purpose: e.purpose,
      version: e.textVersion,
      ...words,
    };
  }

  private words(version: string, purpose: ConsentPurpose): { title: Bilingual; text: Bilingual } {
    const kept = this.d.text(version, purpose);
    if (kept) {
      return {
        title: { zh: kept.title_zh, en: kept.title_en },
        text: { zh: kept.text_zh, en: kept.text_en },
      };
    }
    const cfg = this.d.rules().consent;
    if (cfg.version === version) return cfg.purposes[purpose];
    throw new ApiError(
      404,
      'consent_text_missing',
      `未保存授权文本版本 ${version} 的原文`,
      `The words of consent text version ${version} were not kept here`,
    );
  }
}
