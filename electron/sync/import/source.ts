/**
 * Reads an import file as batches of rows, streaming: CSV (UTF-8, GBK/GB18030 or UTF-16, with
 * any of , ; tab | as delimiter) through csv-parse, XLSX through exceljs's streaming reader (the
 * workbook's first tab; see xlsx-source.ts). Never holds the whole file: memory stays flat
 * whatever the file size.
 */
import { parse as csvParse, type Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { PlainCsvSplitter } from './csv-plain';
import { BATCH, SourceError, type Source, type SourceEncoding, type SourceRow } from './source-types';
import { openXlsx } from './xlsx-source';

export {
  SourceError,
  type Source,
  type SourceEncoding,
  type SourceInfo,
  type SourceRow,
} from './source-types';
export { xlsxCell } from './xlsx-source';

/**
 * A line break inside an unquoted cell: the file mixes newline styles (a bare LF in a CRLF file,
 * a bare CR in an LF file). The reader splits records at the file's first newline style, as csv-parse
 * does, so the stray break joins two lines into one record; taking its cells would give one customer
 * the next one's number as a name and drop the other.
 */
function strayBreak(line: number): NonNullable<SourceRow['problem']> {
  return {
    code: 'line_break_in_field',
    zh: `第 ${line} 行含有引号外的换行符（文件混用了换行方式），该行与下一行被合并，无法导入；请统一换行符后重新导入`,
    en: `Line ${line} has a line break outside quotes (the file mixes newline styles), so it ran into the next line; fix the line endings and import again`,
  };
}

function hasBreak(f: string): boolean {
  return f.length > 0 && (f.includes('\n') || f.includes('\r'));
}

const SAMPLE = 64 * 1024;

function readSample(file: string): { head: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(SAMPLE, size));
    readSync(fd, head, 0, head.length, 0);
    return { head, size };
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 if the sample decodes as UTF-8 (a cut multi-byte character at its end is fine), else GB18030 (GBK's superset). */
export function detectEncoding(head: Buffer): SourceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The candidate that splits the first lines into the most cells. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 12).slice(0, 10);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = Math.max(0, ...lines.map((l) => l.split(d).length - 1));
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function decodeSample(head: Buffer, enc: SourceEncoding): string {
  return iconv.decode(head, enc === 'utf-8' ? 'utf8' : enc);
}

export function openSource(file: string, opts: { encoding?: SourceEncoding | 'auto' } = {}): Source {
  const { head, size } = readSample(file);
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return openXlsx(file, size);
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new SourceError(
      'xls_unsupported',
      '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后导入',
      'Old Excel (.xls) files are not supported; save as .xlsx or CSV and import again',
    );
  }
  if (head.includes(0) && !(head[0] === 0xff || head[0] === 0xfe)) {
    throw new SourceError(
      'not_text',
      '文件不是 CSV 文本或 XLSX 表格',
      'The file is neither CSV text nor an XLSX workbook',
    );
  }
  const encoding = opts.encoding && opts.encoding !== 'auto' ? opts.encoding : detectEncoding(head);
  const delimiter = detectDelimiter(decodeSample(head, encoding));
  return openCsv(file, size, encoding, delimiter);
}

/** Reads the objects a stream has buffered, in batches, without one promise per record. */
async function* drain<T>(stream: Readable, max: number): AsyncGenerator<T[]> {
  let ended = false;
  let failed: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', poke);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (err) => {
    failed = err;
    poke();
  });
  try {
    for (;;) {
      if (failed) throw failed;
      const batch: T[] = [];
      let item: T | null;
      while (batch.length < max && (item = stream.read() as T | null) !== null) batch.push(item);
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (failed || ended || stream.readableLength > 0) poke();
      });
    }
  } finally {
    stream.off('readable', poke);
  }
}

const CSV_ERRORS: Record<string, [string, string]> = {
  CSV_QUOTE_NOT_CLOSED: ['引号未闭合', 'a quote is not closed'],
  CSV_INVALID_CLOSING_QUOTE: ['引号后有多余字符', 'unexpected characters after a closing quote'],
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: ['列数不一致', 'inconsistent number of columns'],
};

/** True when the file has no `"` byte: no quoted fields, so the plain splitter reads it exactly as csv-parse would. */
async function quoteFree(file: string): Promise<boolean> {
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    // 0x22 is `"` in UTF-8 and GB18030 and never part of another character there; in UTF-16 it
    // may be, which only sends such a file to csv-parse.
    for await (const chunk of stream) if ((chunk as Buffer).includes(0x22)) return false;
    return true;
  } finally {
    stream.destroy();
  }
}

function openCsv(file: string, size: number, encoding: SourceEncoding, delimiter: string): Source {
  let read = 0;
  let stop: (() => void) | null = null;
  // Records csv-parse read with a line break in a cell that was not quoted (see strayBreak).
  const unquotedBreaks = new WeakSet<string[]>();

  /** Records as csv-parse gives them (quoted fields, escaped quotes, newlines inside cells). */
  async function* parsed(): AsyncGenerator<string[][]> {
    const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    stream.on('data', (chunk) => {
      read += chunk.length;
    });
    const parser: Parser = csvParse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
    });
    const input: Readable =
      encoding === 'utf-8'
        ? stream
        : stream.pipe(iconv.decodeStream(encoding) as unknown as NodeJS.WritableStream & Readable);
    input.on('error', (err) => parser.destroy(err));
    input.pipe(parser);
    stop = () => {
      stream.destroy();
      parser.destroy();
    };
    try {
      for await (const batch of drain<{ record: string[]; raw: string }>(parser, BATCH)) {
        const out = new Array<string[]>(batch.length);
        for (let i = 0; i < batch.length; i++) {
          const { record, raw } = batch[i] as { record: string[]; raw: string };
          out[i] = record;
          // A cell's line break is data only when the cell was quoted; its quoted form is then in the raw text.
          for (const f of record) {
            if (hasBreak(f) && !raw.includes(`"${f.replace(/"/g, '""')}"`)) {
              unquotedBreaks.add(record);
              break;
            }
          }
        }
        yield out;
      }
    } finally {
      stop();
    }
  }

  /** Records of a file without quotes, split by hand (see csv-plain.ts). */
  async function* plain(): AsyncGenerator<string[][]> {
    const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    stop = () => stream.destroy();
    const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8') : null;
    const other = utf8 ? null : iconv.getDecoder(encoding);
    const splitter = new PlainCsvSplitter(delimiter);
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        read += buf.length;
        const records = splitter.push(utf8 ? utf8.decode(buf, { stream: true }) : (other?.write(buf) ?? ''));
        if (records.length > 0) yield records;
      }
      const last = splitter.push(utf8 ? utf8.decode() : (other?.end() ?? ''));
      last.push(...splitter.end());
      if (last.length > 0) yield last;
    } finally {
      stream.destroy();
    }
  }

  return {
    info: { format: 'csv', encoding, delimiter },
    totalBytes: size,
    bytesRead: () => read,
    async *rows() {
      let line = 1;
      try {
        const quoteless = await quoteFree(file);
        const batches = quoteless ? plain() : parsed();
        let out: SourceRow[] = [];
        for await (const records of batches) {
          for (const rec of records) {
            const at = line;
            line += 1;
            let blank = true;
            let broken = false;
            for (const f of rec) {
              if (f !== '') blank = false;
              if (hasBreak(f)) {
                broken = true;
                for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
              }
            }
            // Without a quote in the file, any line break in a cell is a stray one.
            if (broken && (quoteless || unquotedBreaks.has(rec)))
              out.push({ line: at, cells: rec, problem: strayBreak(at) });
            else if (!blank) out.push({ line: at, cells: rec });
            if (out.length >= BATCH) {
              yield out;
              out = [];
            }
          }
        }
        if (out.length > 0) yield out;
      } catch (err) {
        const e = err as { code?: string; lines?: number; message?: string };
        const known = e.code ? CSV_ERRORS[e.code] : undefined;
        throw new SourceError(
          'csv_format',
          `CSV 格式错误（第 ${e.lines ?? line} 行附近）：${known?.[0] ?? e.message ?? ''}`,
          `Malformed CSV near line ${e.lines ?? line}: ${known?.[1] ?? e.message ?? ''}`,
          e.lines ?? line,
        );
      }
    },
    close() {
      stop?.();
    },
  };
}
