/**
 * Input as people type it. A Chinese input method in full-width mode (全角) types `３３０１０６…`, `１３８…` or an ID
 * ending in `Ｘ`, and separates with the ideographic space or `－`; a card reader and a half-width keyboard type
 * ASCII. Both must mean the same number, so every typed ID, card and phone goes through here first, in the
 * renderer (the field shows what will be searched) and on the server (an API caller may send either).
 */

/** U+FF01–U+FF5E are the full-width forms of ASCII U+0021–U+007E, at a fixed offset. */
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
/** The ideographic space U+3000 an IME types for Space. */
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Full-width ASCII (digits, letters such as the ID's `Ｘ`, `＋`, `－`) becomes half-width and the ideographic space
 * a plain space. Chinese characters and everything else stay as typed (a name is searched as written).
 */
export function toHalfWidth(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) as number;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END)
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

/** A typed key (one character) as its half-width form: `１` on a full-width keyboard is the `1` key. */
export function halfWidthKey(key: string): string {
  return key.length === 1 ? toHalfWidth(key) : key;
}

/**
 * A typed number with the separators people put in it removed (spaces, hyphens, the full-width forms of both):
 * `６２２２ ０２１２－３４` → `6222021234`. Letters stay (an ID's X, a customer number's prefix).
 */
export function compactNumber(raw: string): string {
  return toHalfWidth(raw).trim().replace(/[\s-]/g, '');
}
