import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportIssue } from '@shared/import/types';
import { ImportStage, REPORT_ROW_CAP } from './import-stage';

let dir: string;
let stage: ImportStage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stage-test-'));
  stage = new ImportStage(join(dir, 'stage.db'), 'customers');
});
afterEach(() => {
  stage.close();
  rmSync(dir, { recursive: true, force: true });
});

const issue = (line: number, code = 'bad'): ImportIssue => ({
  line,
  field: 'x',
  column: 'x',
  code,
  zh: '坏',
  en: 'bad',
  value: null,
});

async function reported(): Promise<ImportIssue[]> {
  const out: ImportIssue[] = [];
  for await (const page of stage.reportPages(777)) out.push(...page);
  return out;
}

describe('ImportStage issues', () => {
  it('keeps every issue of a small file, in line order', async () => {
    stage.batch(() => {
      for (const l of [5, 3, 3, 9]) stage.issue(issue(l));
    });
    expect(stage.capped).toBe(false);
    expect(stage.rejectedRows()).toBe(3);
    expect(stage.issueCount).toBe(4);
    expect((await reported()).map((i) => i.line)).toEqual([3, 3, 5, 9]);
    expect(stage.issuePage(2).map((i) => i.line)).toEqual([3, 3]);
  });

  it('counts every bad row but keeps the issues of the first REPORT_ROW_CAP only, whatever the order they come in', async () => {
    const total = 3 * REPORT_ROW_CAP;
    stage.batch(() => {
      // Rows read in order, two issues each…
      for (let l = 2; l < 2 + total; l += 2) {
        stage.issue(issue(l, 'a'));
        stage.issue(issue(l, 'b'));
      }
      // …then set-check issues in any order, some on lines before the cut, some on bad rows already.
      for (let l = 2 * total + 1; l > 0; l -= 2) stage.issue(issue(l, 'dup'));
      stage.issue(issue(4, 'dup'));
    });
    expect(stage.issueCount).toBe(total + (total + 1) + 1);
    expect(stage.rejectedRows()).toBe(total / 2 + (total + 1));
    expect(stage.capped).toBe(true);
    expect(stage.issueCounts()).toEqual([
      { code: 'dup', issues: total + 2 },
      { code: 'a', issues: total / 2 },
      { code: 'b', issues: total / 2 },
    ]);
    const r = await reported();
    const lines = [...new Set(r.map((i) => i.line))];
    // Bad lines are 1, 2, 3, 4, …: the first REPORT_ROW_CAP of them, every issue of each.
    expect(lines).toEqual(Array.from({ length: REPORT_ROW_CAP }, (_, i) => i + 1));
    expect(r.filter((i) => i.line === 4).map((i) => i.code)).toEqual(['a', 'b', 'dup']);
    expect(r).toHaveLength(REPORT_ROW_CAP + REPORT_ROW_CAP / 2 + 1);
  });
});
