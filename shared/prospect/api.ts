import type { Bilingual } from '../suggest/text';
import type { ConsentChannel, ConsentPurpose } from '../customer/consent';
import type { ProspectStatus } from './rules';

/** A prospect as staff see it: the phone masked (the full number only through the audited reveal). */
export interface ProspectView {
  id: string;
  name: string;
  phoneMasked: string | null;
  intent: string | null;
  note: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: number;
  overdue: boolean;
  status: ProspectStatus;
  /** Set once the same phone is a customer (imported or identified). */
  customer: { id: string; customerNo: string; name: string } | null;
  createdAt: number;
  createdByName: string | null;
  /** The consent that stands (latest event) and the event to print. */
  consent: { granted: boolean; textVersion: string; at: number; eventId: string } | null;
}

export interface ProspectList {
  prospects: ProspectView[];
}

/** What the consent slip prints: the exact words of the version read, both languages, when and by whom. */
export interface ConsentSlip {
  branchName: string;
  /** Null: the text in force, printed for the customer to read before deciding. */
  event: {
    id: string;
    granted: boolean;
    at: number;
    channel: ConsentChannel;
    scope: Bilingual | null;
    staffName: string | null;
    /** Masked: the slip is the customer's copy, it may be left on the desk. */
    subject: { name: string; phoneMasked: string | null; customerNo: string | null };
  } | null;
  purpose: ConsentPurpose;
  version: string;
  title: Bilingual;
  text: Bilingual;
}
