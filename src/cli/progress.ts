import type { IngestSummary } from "../pipeline/ingest.ts";

/** One line of counts: "12 added, 3 updated, 0 unchanged, 1 failed" (and ", 4 listing pages skipped"). */
export function counts(s: IngestSummary): string {
  const skipped = s.skipped > 0 ? `, ${s.skipped} listing page${s.skipped === 1 ? "" : "s"} skipped` : "";
  return `${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed${skipped}`;
}

/** The summary printed at the end of a batch, with failures by stage/code. */
export function summaryText(s: IngestSummary): string {
  const by = Object.entries(s.failedBy)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `  ${k}: ${n}`)
    .join("\n");
  return `${s.total} inputs: ${counts(s)}${by ? `\nfailed by stage/code:\n${by}` : ""}\n`;
}

/** A progress line rewritten in place on a terminal; silent elsewhere. */
export function progressLine(stream: NodeJS.WritableStream, isTTY: boolean): (s: IngestSummary) => void {
  let last = 0;
  return (s) => {
    if (!isTTY) return;
    const t = Date.now();
    if (t - last < 100) return;
    last = t;
    stream.write(`\r\x1b[K[${s.total}] ${counts(s)}`);
  };
}
