/**
 * Pages whose UTF-8 was decoded as Latin-1 once too often ("Investorâ\x80\x99s" for "Investor’s"): a
 * server or CMS that re-encoded stored text. Such a page has no character above U+00FF and many pairs
 * of a UTF-8 lead byte and a continuation byte; read as UTF-8 again it decodes cleanly.
 */

/** A UTF-8 lead byte of a 2–4 byte sequence followed by a continuation byte, read as Latin-1. */
const PAIR = /[\u00c2-\u00f4][\u0080-\u00bf]/g;
/** Fewest such pairs for a page to be repaired (one pair can be real Latin-1 text: "Â«"). */
const MIN_PAIRS = 3;

/**
 * Undo one layer of UTF-8-as-Latin-1 decoding when the whole text shows it.
 *
 * @param text a decoded page or string
 * @returns the repaired text, or `text` itself when it is not double-decoded
 * @example repairDoubleUtf8("caf\u00c3\u00a9 caf\u00c3\u00a9 caf\u00c3\u00a9") // "café café café"
 */
export function repairDoubleUtf8(text: string): string {
  // Any character above U+00FF means the text was not read as Latin-1.
  if (/[^\x00-\xff]/.test(text)) return text;
  let pairs = 0;
  PAIR.lastIndex = 0;
  while (PAIR.exec(text) !== null) if (++pairs >= MIN_PAIRS) break;
  if (pairs < MIN_PAIRS) return text;
  const fixed = Buffer.from(text, "latin1").toString("utf8");
  // Genuine Latin-1 text (a lone "é" before a space) does not decode as UTF-8.
  return fixed.includes("\ufffd") ? text : fixed;
}
