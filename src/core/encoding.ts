/**
 * Decode bytes from the web into a string, the way browsers do: byte-order mark first, then the
 * charset of the Content-Type header, then `<meta charset>` / `<?xml encoding?>` in the first bytes,
 * then UTF-8 if it is valid, else windows-1252. Labels follow the WHATWG Encoding Standard
 * (Node's `TextDecoder` with full ICU implements it: Shift_JIS, GB18030, KOI8-R, ...).
 */

/** How many leading bytes are searched for a `<meta charset>` or XML declaration. */
const SNIFF_BYTES = 4096;

export interface Decoded {
  readonly text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`. */
  readonly encoding: string;
  /** Where the encoding came from. */
  readonly from: "bom" | "header" | "meta" | "utf8-valid" | "fallback";
}

function normalise(label: string | undefined | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, "")).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return normalise(m?.[1]);
}

/** The charset declared in the first bytes of an HTML or XML document, if any. */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  const enc = normalise(meta?.[1]);
  // A page that says UTF-16 in ASCII-compatible bytes cannot be UTF-16 (WHATWG rule).
  if (enc === "utf-16le" || enc === "utf-16be") return "utf-8";
  return enc;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Decode bytes to text.
 *
 * @param bytes the body
 * @param contentType the Content-Type header value, if known
 * @returns the text (without a byte-order mark), the encoding and how it was chosen
 * @example decodeBytes(new TextEncoder().encode("héllo"), "text/plain").text // "héllo"
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      from: "bom",
    };
  }
  const header = charsetFromContentType(contentType);
  if (header) return { text: new TextDecoder(header).decode(bytes), encoding: header, from: "header" };
  const meta = charsetFromMarkup(bytes);
  if (meta) return { text: new TextDecoder(meta).decode(bytes), encoding: meta, from: "meta" };
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
      from: "utf8-valid",
    };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(bytes),
      encoding: "windows-1252",
      from: "fallback",
    };
  }
}

/**
 * Whether bytes look binary (an image, a PDF, an archive) rather than text: NUL bytes or many
 * control characters in the first few kilobytes.
 */
export function looksBinary(bytes: Uint8Array, ratio = 0.1): boolean {
  if (bomEncoding(bytes)?.encoding.startsWith("utf-16")) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > ratio;
}
