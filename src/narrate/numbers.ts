/**
 * Numbers as words, the way a newsreader says them: cardinals, ordinals and years.
 */

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: ReadonlyArray<[number, string]> = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
  [1e3, "thousand"],
];

function below100(n: number): string {
  if (n < 20) return ONES[n]!;
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? t : `${t}-${ONES[n % 10]}`;
}

function below1000(n: number): string {
  if (n < 100) return below100(n);
  const rest = n % 100;
  return `${ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${below100(rest)}` : ""}`;
}

/**
 * A whole number in words (British style, with "and").
 *
 * @example cardinal(629) // "six hundred and twenty-nine"
 */
export function cardinal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `minus ${cardinal(-n)}`;
  if (!Number.isInteger(n)) {
    const [i, f] = String(n).split(".");
    return `${cardinal(Number(i))} point ${[...(f ?? "")].map((d) => ONES[Number(d)]).join(" ")}`;
  }
  if (n >= 1e15) return [...String(n)].map((d) => ONES[Number(d)]).join(" ");
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of SCALES) {
    if (rest >= value) {
      parts.push(`${below1000(Math.floor(rest / value))} ${name}`);
      rest %= value;
    }
  }
  if (rest > 0 || parts.length === 0)
    parts.push(parts.length > 0 && rest < 100 ? `and ${below1000(rest)}` : below1000(rest));
  return parts.join(" ");
}

const IRREGULAR_ORDINALS: Record<string, string> = {
  one: "first",
  two: "second",
  three: "third",
  five: "fifth",
  eight: "eighth",
  nine: "ninth",
  twelve: "twelfth",
};

/**
 * An ordinal in words.
 *
 * @example ordinal(22) // "twenty-second"
 */
export function ordinal(n: number): string {
  const words = cardinal(n);
  const m = /([a-z]+)$/.exec(words)!;
  const last = m[1]!;
  const head = words.slice(0, m.index);
  if (IRREGULAR_ORDINALS[last]) return head + IRREGULAR_ORDINALS[last];
  if (last.endsWith("y")) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

/**
 * A year as it is spoken.
 *
 * @example year(2014) // "twenty fourteen"
 * @example year(2005) // "two thousand and five"
 */
export function year(n: number): string {
  if (n >= 2000 && n < 2010) return cardinal(n);
  if (n >= 1100 && n < 2100 && n % 100 !== 0) {
    const lo = n % 100;
    return `${below100(Math.floor(n / 100))} ${lo < 10 ? `oh ${ONES[lo]}` : below100(lo)}`;
  }
  if (n % 100 === 0 && n >= 1100 && n < 2000) return `${below100(n / 100)} hundred`;
  return cardinal(n);
}
