import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PlainCsvSplitter } from './csv-plain';

/** What source.ts gets from csv-parse for the same text. */
function reference(text: string, delimiter: string): string[][] {
  return parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}

function split(text: string, delimiter: string, chunk: number): string[][] {
  const s = new PlainCsvSplitter(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...s.push(text.slice(i, i + chunk)));
  out.push(...s.end());
  return out;
}

const CASES: [string, string, string][] = [
  ['LF, final newline', ',', 'a,b,c\n1,2,3\n'],
  ['LF, no final newline', ',', 'a,b,c\n1,2,3'],
  ['CRLF', ',', '客户号,客户姓名\r\nC100000001,陈建华\r\nC100000002,张伟\r\n'],
  ['CR only (old Mac Excel)', ',', 'a,b\r1,2\r3,4'],
  ['a single line with a lone CR', ',', 'a,b\r'],
  ['empty lines and ragged rows', ',', 'a,b,c\n\n1,2\n,,,\n\n'],
  ['BOM', ',', '\ufeffcustomer_no,name\nC1,张三\n'],
  ['tab', '\t', 'a\tb\n1\t2\n'],
  ['semicolon with commas inside', ';', 'a;b\n1,5;2\n'],
  ['pipe', '|', 'a|b|c\r\n1||3\r\n'],
  ['LF file with a stray CR in a field', ',', 'a,b\nx\ry,2\n'],
  ['CRLF file with a stray LF in a field', ',', 'a,b\r\nx\ny,2\r\n'],
  ['nothing', ',', ''],
  ['only a BOM', ',', '\ufeff'],
  ['one field, no newline', ',', 'x'],
];

describe('PlainCsvSplitter gives what csv-parse gives for text without quotes', () => {
  it.each(CASES)('%s', (_name, delimiter, text) => {
    const want = reference(text, delimiter);
    for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) expect(split(text, delimiter, chunk)).toEqual(want);
  });

  it('on a generated export of 2,000 rows cut into random chunks', () => {
    const rows: string[] = ['customer_no,name,phone,segments,opened_at'];
    for (let i = 0; i < 2000; i++)
      rows.push(
        `C1${String(i).padStart(8, '0')},客户${i},138${String(i).padStart(8, '0')},${i % 3 ? '' : 'elderly;women'},2020-01-0${(i % 9) + 1}`,
      );
    const text = rows.join('\r\n') + '\r\n';
    const want = reference(text, ',');
    let seed = 42;
    const s = new PlainCsvSplitter(',');
    const got: string[][] = [];
    for (let i = 0; i < text.length;) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const n = 1 + (seed % 5000);
      got.push(...s.push(text.slice(i, i + n)));
      i += n;
    }
    got.push(...s.end());
    expect(got).toEqual(want);
  });
});
