/**
 * Dates as feeds write them: RFC 822 (RSS), ISO 8601 / RFC 3339 (Atom, JSON Feed), and the broken
 * variants seen in the wild (two-digit years, missing seconds, named zones, a space for `T`).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Named zones and their offsets in minutes (RFC 822 plus common North American and European ones). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.trim().toLowerCase().replace(/[()]/g, "");
  if (z === "") return 0;
  const num = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (num) {
    const sign = num[1] === "-" ? -1 : 1;
    return sign * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  }
  const named = ZONES[z];
  return named === undefined ? null : named;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMin: number,
): string | null {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMin * 60_000;
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace(".000Z", "Z");
}

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[Tt\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;
const RFC822 =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;
/** "Jan 1, 2004 10:00 GMT" and "Thursday, January 1 2004" forms. */
const MONTH_FIRST =
  /^(?:[A-Za-z]+,?\s*)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(.*)$/;

/**
 * Parse a feed date into an ISO 8601 UTC string.
 *
 * @param value the date text as the feed gives it
 * @returns e.g. `2004-01-01T19:48:21Z`, or null when it cannot be understood
 * @example parseFeedDate("Thu, 01 Jan 2004 19:48:21 GMT") // "2004-01-01T19:48:21Z"
 */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/\s+/g, " ");
  if (v === "" || v.length > 100) return null;
  let m = ISO.exec(v);
  if (m) {
    const off = zoneOffset(m[7]);
    if (off !== null) return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off);
  }
  m = RFC822.exec(v);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const off = zoneOffset(m[7]);
    if (mo && off !== null) return build(+m[3]!, mo, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off);
  }
  m = MONTH_FIRST.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const off = zoneOffset(m[8]);
    let h = +(m[4] ?? 0);
    const ampm = m[7]?.toLowerCase();
    if (ampm === "pm" && h < 12) h += 12;
    if (ampm === "am" && h === 12) h = 0;
    if (mo && off !== null) return build(+m[3]!, mo, +m[2]!, h, +(m[5] ?? 0), +(m[6] ?? 0), off);
  }
  const t = Date.parse(v);
  if (!Number.isNaN(t)) {
    const y = new Date(t).getUTCFullYear();
    if (y >= 1970 && y <= 2200) return new Date(t).toISOString().replace(".000Z", "Z");
  }
  return null;
}
