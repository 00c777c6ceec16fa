import { maskCard, maskMobile, maskResidentId, scrubPii } from '@shared/customer/mask';

/**
 * Log lines are JSON; scrubbing them as flat text masked pino's own `time` (13-digit epoch ms) as if it
 * were a card number. So the line is walked token by token: every string is scrubbed, and a bare number is
 * scrubbed unless its key holds a time (`time`, `at`, `…At`, `…_at`, `ms`).
 */
const TIME_KEY = /^(time|at|ms|elapsed|responseTime|[a-z]+At|[a-z]+_at)$/;

/**
 * Digits written in groups ("6222 0212 3456 7890", "138-1234-5678") escape the plain patterns. A run of
 * groups is masked as a whole by its digit count; a run too long to be one number (two numbers written next
 * to each other) keeps only its first 3 and last 4 digits. At most 8 groups per match (real numbers have up to 6),
 * so a crafted "1 1 1 1 …" line cannot make the pattern backtrack quadratically.
 */
const GROUPED = /(?<![\dA-Za-z*-])\d+(?:[ -]\d+){1,7}[Xx]?(?![\dA-Za-z*-])/g;

function maskGrouped(m: string): string {
  const digits = m.replace(/[ -]/g, '').toUpperCase();
  if (digits.length < 11) return m;
  if (/^\d{17}[\dX]$/.test(digits)) return maskResidentId(digits);
  if (/^1[3-9]\d{9}$/.test(digits)) return maskMobile(digits);
  if (/^\d{13,19}$/.test(digits)) return maskCard(digits);
  let seen = 0;
  return m.replace(/[\dXx]/g, (d) => (++seen <= 3 || seen > digits.length - 4 ? d : '*'));
}

/** Free text of a log: ID, phone and card numbers masked, also when written in groups. */
export function scrubLogText(text: string): string {
  return scrubPii(text).replace(GROUPED, maskGrouped);
}

const TOKEN = /"((?:[^"\\]|\\.)*)"(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function scrubLogLine(line: string): string {
  let key = '';
  return line.replace(TOKEN, (m: string, str: string | undefined, colon: string | undefined) => {
    if (str !== undefined) {
      if (colon) {
        key = str;
        return `"${scrubLogText(str)}"${colon}`;
      }
      return `"${scrubLogText(str)}"`;
    }
    if (TIME_KEY.test(key)) return m;
    const s = scrubLogText(m);
    // A masked number is no longer a number: quote it so the line stays JSON.
    return s === m ? m : `"${s}"`;
  });
}

const SECRET_PARAM = /token|password|secret|sid/i;

/** A request URL for the log: secrets in the query dropped, PII masked (also percent-encoded or grouped). */
export function scrubUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  const cleanPath = scrubLogText(decode(path));
  if (q < 0) return cleanPath;
  const parts = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const eq = kv.indexOf('=');
      const k = decode(eq < 0 ? kv : kv.slice(0, eq));
      if (eq < 0) return scrubLogText(k);
      return SECRET_PARAM.test(k)
        ? `${k}=[redacted]`
        : `${scrubLogText(k)}=${scrubLogText(decode(kv.slice(eq + 1)))}`;
    });
  return `${cleanPath}?${parts.join('&')}`;
}
