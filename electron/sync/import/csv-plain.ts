/**
 * CSV without a single quote character, split by hand: what core-banking batch exports are. csv-parse
 * takes 3.5 s for a million customer rows, a plain split 1 s (P4 in BENCH.md). The output is
 * csv-parse's for the options source.ts uses (bom, relax_column_count, relax_quotes, no
 * skip_empty_lines): records end at the first newline style met (\r\n, \n or \r), an empty line is
 * one empty field, a last newline does not start a record. A file with any quote goes to csv-parse.
 */
export class PlainCsvSplitter {
  private rest = '';
  private newline: string | null = null;
  private started = false;

  constructor(private readonly delimiter: string) {}

  /** Text decoded so far; answers the records it completes. */
  push(text: string): string[][] {
    let s = this.rest + text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    if (this.newline === null) {
      const cr = s.indexOf('\r');
      const lf = s.indexOf('\n');
      if (cr < 0 && lf < 0) {
        this.rest = s;
        return [];
      }
      // A \r as the last character may be the first half of \r\n: wait for the next chunk.
      if (lf < 0 && cr === s.length - 1) {
        this.rest = s;
        return [];
      }
      this.newline = lf >= 0 && (cr < 0 || lf < cr) ? '\n' : s[cr + 1] === '\n' ? '\r\n' : '\r';
    }
    const lines = s.split(this.newline);
    this.rest = lines.pop() ?? '';
    const d = this.delimiter;
    const out = new Array<string[]>(lines.length);
    for (let i = 0; i < lines.length; i++) out[i] = (lines[i] as string).split(d);
    return out;
  }

  /** End of input: the last record when the text did not end with a newline. */
  end(): string[][] {
    let last = this.rest;
    this.rest = '';
    // A lone \r held back in case a \n followed: the file's (only) newline.
    if (this.newline === null && last.endsWith('\r')) last = last.slice(0, -1);
    if (last === '') return [];
    return [last.split(this.delimiter)];
  }
}
