/**
 * Publication and modification dates as the page gives them: ISO 8601 with the page's own offset kept
 * (never converted to UTC), or a bare day when the page gives no time.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janvier: 1,
  januar: 1,
  enero: 1,
  gennaio: 1,
  janeiro: 1,
  januari: 1,
  jänner: 1,
  feb: 2,
  february: 2,
  février: 2,
  fevrier: 2,
  februar: 2,
  febrero: 2,
  febbraio: 2,
  fevereiro: 2,
  februari: 2,
  mar: 3,
  march: 3,
  mars: 3,
  märz: 3,
  maerz: 3,
  marzo: 3,
  março: 3,
  maart: 3,
  apr: 4,
  april: 4,
  avril: 4,
  abril: 4,
  aprile: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  maggio: 5,
  maio: 5,
  mei: 5,
  jun: 6,
  june: 6,
  juin: 6,
  juni: 6,
  junio: 6,
  giugno: 6,
  junho: 6,
  jul: 7,
  july: 7,
  juillet: 7,
  juli: 7,
  julio: 7,
  luglio: 7,
  julho: 7,
  aug: 8,
  august: 8,
  août: 8,
  aout: 8,
  agosto: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  septiembre: 9,
  settembre: 9,
  setembro: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  oktober: 10,
  octubre: 10,
  ottobre: 10,
  outubro: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  noviembre: 11,
  novembro: 11,
  dec: 12,
  december: 12,
  décembre: 12,
  decembre: 12,
  dezember: 12,
  diciembre: 12,
  dicembre: 12,
  dezembro: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const ISO =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T\s]+(\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?)?/i;

/**
 * Normalise a date string to ISO 8601, keeping the offset the page gives.
 *
 * @param raw a date as found in metadata or markup
 * @returns `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or with `Z`/`±HH:MM`; null when it is not a date
 * @example normaliseDate("2023-04-28 17:40:08+0200") // "2023-04-28T17:40:08+02:00"
 * @example normaliseDate("May 3, 2024") // "2024-05-03"
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    if (!validDay(Number(y), Number(mo), Number(d))) return null;
    const day = `${y}-${mo}-${d}`;
    if (h === undefined) return day;
    let z = "";
    if (zone) {
      const u = zone.toUpperCase();
      if (u === "Z" || u === "UTC" || u === "GMT") z = "Z";
      else {
        const zm = /^([+-])(\d\d):?(\d\d)?$/.exec(zone)!;
        z = `${zm[1]}${zm[2]}:${zm[3] ?? "00"}`;
      }
    }
    return `${day}T${h}:${mi}:${sec ?? "00"}${z}`;
  }
  if (/^\d{10,13}$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  return parseLooseDate(s);
}

/**
 * A day from a date written out ("3 May 2024", "May 3, 2024", "03.05.2024", "2024/05/03"), or null.
 *
 * @example parseLooseDate("Friday, 3 May 2024 10:00") // "2024-05-03"
 */
export function parseLooseDate(text: string, dayFirst = false): string | null {
  const s = text.toLowerCase().replace(/\s+/g, " ");
  let m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m && validDay(+m[1]!, +m[2]!, +m[3]!)) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  m = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(s);
  if (m && validDay(+m[3]!, +m[2]!, +m[1]!)) return `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`;
  m = /\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?([\p{L}]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b/u.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!];
    if (mo && validDay(+m[3]!, mo, +m[1]!)) return `${m[3]}-${pad(mo)}-${pad(+m[1]!)}`;
  }
  m = /\b([\p{L}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/u.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!];
    if (mo && validDay(+m[3]!, mo, +m[2]!)) return `${m[3]}-${pad(mo)}-${pad(+m[2]!)}`;
  }
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s);
  if (m) {
    // Month first (US) unless the first number is over 12 or the page's language writes the day first.
    const a = +m[1]!;
    const b = +m[2]!;
    const [mo, d] = a > 12 || (dayFirst && b <= 12) ? [b, a] : [a, b];
    if (validDay(+m[3]!, mo, d)) return `${m[3]}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/**
 * A day from a URL path (`/2024/05/03/`, `/20240503/`), or null.
 *
 * @example dateFromUrl("https://example.com/2024/05/03/story") // "2024-05-03"
 * @example dateFromUrl("https://example.com/2024/may/03/story") // "2024-05-03"
 */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:\/|$|[-_])/.exec(path);
  if (m && validDay(+m[1]!, +m[2]!, +m[3]!)) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  m = /\/((?:19|20)\d\d)\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i.exec(path);
  const named = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (m && named && validDay(+m[1]!, named, +m[3]!)) return `${m[1]}-${pad(named)}-${pad(+m[3]!)}`;
  m = /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)/.exec(path);
  if (m && validDay(+m[1]!, +m[2]!, +m[3]!)) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}
