/** List items for analysis hits (quotes, claims, deadlines, events) shown across articles. */
import type { ItemHit } from "../../store/index.ts";
import { countdown } from "../dates.ts";
import { html, type SafeHtml } from "../html.ts";
import { entityLink, outletOf, titleOf } from "./parts.ts";

function source(h: ItemHit<"quote" | "claim" | "deadline" | "event">, anchor: string): SafeHtml {
  return html`<a href="/articles/${h.article.id}#${anchor}">${titleOf(h.article)}</a> <span class="meta">${outletOf(h.article)}${h.article.published ? ` · ${h.article.published}` : ""}</span>`;
}

/** A quote with its speaker (linked) and the article it is in. */
export function quoteHit(h: ItemHit<"quote">): SafeHtml {
  const q = h.item;
  const who = q.speakerName ?? (q.speakerEntity ? h.names[q.speakerEntity] : null) ?? q.speaker?.text ?? null;
  return html`<li class="quote-item"><blockquote>${q.text}</blockquote>
<p class="meta">— ${who ? entityLink(who) : "unattributed"} · ${q.kind} · ${source(h, `q${h.index + 1}`)}</p></li>`;
}

/** A claim with its status. */
export function claimHit(h: ItemHit<"claim">): SafeHtml {
  const c = h.item;
  return html`<li class="claim-item"><p><span class="status ${c.status}">${c.status}</span> ${c.text}</p>
<p class="meta">${c.claimant ? html`claimed by ${entityLink(h.names[c.claimant])} · ` : ""}${source(h, `c${h.index + 1}`)}</p></li>`;
}

/** A deadline with its countdown. */
export function deadlineHit(h: ItemHit<"deadline">, now: Date): SafeHtml {
  const d = h.item;
  const due = d.due ?? d.window?.to ?? null;
  const cd = countdown(due, now);
  return html`<li class="deadline-item ${cd.state}"><p><time class="countdown ${cd.state}" datetime="${due ?? ""}">${cd.label}</time> <strong>${d.demand ?? d.text}</strong></p>
<p class="meta">${d.setter ? html`set by ${entityLink(h.names[d.setter])} ` : ""}${d.target ? html`for ${entityLink(h.names[d.target])} ` : ""}· due ${d.approximate ? "about " : ""}${due ?? "unknown"}</p>
<p class="meta">${source(h, "deadlines")}</p></li>`;
}

/** An event with its date. */
export function eventHit(h: ItemHit<"event">): SafeHtml {
  const e = h.item;
  return html`<li class="event-item"><p><span class="etype">${e.type}</span> ${h.date ? html`<time>${h.date}</time> ` : ""}${e.text}</p>
<p class="meta">${e.actors.map((id) => html`${entityLink(h.names[id])} `)}${e.killed !== null ? `· ${e.killed} killed ` : ""}· ${source(h, "events")}</p></li>`;
}
