import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSource, SourceError, type SourceRow } from './source';

const dir = mkdtempSync(join(tmpdir(), 'source-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer): string {
  const f = join(dir, `f${++n}.csv`);
  writeFileSync(f, content);
  return f;
}

async function rows(f: string): Promise<SourceRow[]> {
  const s = openSource(f);
  const out: SourceRow[] = [];
  try {
    for await (const b of s.rows()) out.push(...b);
  } finally {
    s.close();
  }
  return out;
}

describe('CSV source', () => {
  it('reads a file without quotes (split by hand) and with quotes (csv-parse) to the same rows and lines', async () => {
    const plain = await rows(file('客户号,姓名,手机号\r\nC1,张三,13800000000\r\n\r\nC2,李四,\r\n'));
    const quoted = await rows(file('客户号,姓名,手机号\r\nC1,"张三",13800000000\r\n\r\nC2,"李四",\r\n'));
    expect(plain).toEqual([
      { line: 1, cells: ['客户号', '姓名', '手机号'] },
      { line: 2, cells: ['C1', '张三', '13800000000'] },
      { line: 4, cells: ['C2', '李四', ''] },
    ]);
    expect(quoted).toEqual(plain);
  });

  it('keeps commas, escaped quotes and newlines inside quoted cells, counting the lines', async () => {
    const r = await rows(file('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,row\n'));
    expect(r).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });

  it('reads GBK without quotes, a BOM, and the delimiter it finds', async () => {
    const gbk = await rows(file(iconv.encode('客户号;姓名\n C9;王五\n', 'gb18030')));
    expect(gbk).toEqual([
      { line: 1, cells: ['客户号', '姓名'] },
      { line: 2, cells: [' C9', '王五'] },
    ]);
    const bom = await rows(file('\ufeffcustomer_no\tname\nC1\tx'));
    expect(bom).toEqual([
      { line: 1, cells: ['customer_no', 'name'] },
      { line: 2, cells: ['C1', 'x'] },
    ]);
  });

  it('reports a quote that is never closed as a file problem with its line', async () => {
    const err = await rows(file('a,b\n1,2\n"open,3\n4,5\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).code).toBe('csv_format');
    expect((err as SourceError).zh).toContain('引号未闭合');
  });

  it('reads a large quote-free file in batches of at most 2,000 rows, counting bytes', async () => {
    const lines = ['customer_no,name'];
    for (let i = 0; i < 4500; i++) lines.push(`C${i},客户${i}`);
    const f = file(lines.join('\n'));
    const s = openSource(f);
    const sizes: number[] = [];
    let last: SourceRow | undefined;
    for await (const b of s.rows()) {
      sizes.push(b.length);
      last = b.at(-1);
    }
    s.close();
    expect(sizes).toEqual([2000, 2000, 501]);
    expect(last).toEqual({ line: 4501, cells: ['C4499', '客户4499'] });
    expect(s.bytesRead()).toBe(s.totalBytes);
  });
});
