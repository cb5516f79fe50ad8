/**
 * A corpus of XSS payloads, written for Lede's tests (not copied from a list): each one, if it ever ran,
 * would call `__ledePwned(N)` (a binding the browser test exposes) or load `BEACON/N...` (a server that
 * records hits), so a test can tell which payload got through. `N` is the payload's number.
 *
 * `viaCsp` marks payloads the Content-Security-Policy alone must stop even if escaping failed; the rest
 * (a meta refresh to an http URL, a plain link) are navigation, which CSP does not govern: for those
 * escaping is the defence, and the rendered-page test proves it.
 */

export interface Payload {
  readonly n: number;
  readonly kind: string;
  /** The payload text with its number and the beacon origin filled in. */
  readonly text: string;
  readonly viaCsp: boolean;
}

type Template = readonly [kind: string, make: (fire: string, beacon: string) => string, viaCsp?: boolean];

/** `fire` is the call `__ledePwned(N)`; `beacon` is `http://127.0.0.1:PORT/beacon/N`. */
const TEMPLATES: readonly Template[] = [
  ["script tag", (f) => `<script>${f}</script>`],
  ["script tag, upper case", (f) => `<SCRIPT>${f}</SCRIPT>`],
  ["external script", (_, b) => `<script src="${b}.js"></script>`],
  ["split script tag", (f) => `<scr<script>ipt>${f}</scr</script>ipt>`],
  ["comment in script", (f) => `<script>/*</script>*/${f}</script>`],
  ["title break-out", (f) => `</title><script>${f}</script>`],
  ["textarea break-out", (f) => `</textarea><script>${f}</script>`],
  ["script break-out", (f) => `</script><script>${f}</script>`],
  ["style break-out", (f) => `</style><script>${f}</script>`],
  ["attribute break-out", (f) => `"><img src=x onerror=${f}>`],
  ["single-quote break-out", (f) => `'><svg onload=${f}>`],
  ["img onerror", (f) => `<img src=x onerror=${f}>`],
  ["img onerror quoted", (f) => `<img src="x" onerror="${f}">`],
  ["img onerror with entities", (f) => `<img src=x:x onerror=${f.replace(/_/g, "&#95;")}>`],
  ["svg onload", (f) => `<svg onload=${f}>`],
  ["svg script", (f) => `<svg><script>${f}</script></svg>`],
  ["svg animate onbegin", (f) => `<svg><animate onbegin=${f} attributeName=x dur=1s></svg>`],
  [
    "svg set href",
    (f) => `<svg><a><set attributeName=href to="javascript:${f}"/><text x=9 y=9>x</text></a></svg>`,
  ],
  ["svg xlink javascript", (f) => `<svg><a xlink:href="javascript:${f}"><text x=9 y=9>x</text></a></svg>`],
  ["svg foreignObject", (f) => `<svg><foreignObject><img src=x onerror=${f}></foreignObject></svg>`],
  ["svg image", (_, b) => `<svg><image href="${b}.svg"/></svg>`],
  ["math href", (f) => `<math href="javascript:${f}">click</math>`],
  [
    "math maction",
    (f) => `<math><maction actiontype=statusline xlink:href="javascript:${f}">x</maction></math>`,
  ],
  ["math mXSS", (f) => `<math><mtext><table><mglyph><style><img src=x onerror=${f}>`],
  ["noscript mXSS", (f) => `<noscript><p title="</noscript><img src=x onerror=${f}>">`],
  ["comment mXSS", (f) => `<!--<img src="--><img src=x onerror=${f}//">`],
  ["cdata", (f) => `<![CDATA[<script>${f}</script>]]>`],
  ["template", (f) => `<template><img src=x onerror=${f}></template><img src=y onerror=${f}>`],
  ["iframe srcdoc", (f) => `<iframe srcdoc="<script>parent.${f}</script>"></iframe>`],
  ["iframe javascript", (f) => `<iframe src="javascript:parent.${f}"></iframe>`],
  ["iframe data", (f) => `<iframe src="data:text/html,<script>parent.${f}</script>"></iframe>`],
  ["object javascript", (f) => `<object data="javascript:${f}"></object>`],
  ["object beacon", (_, b) => `<object data="${b}.swf" type="application/x-shockwave-flash"></object>`],
  ["embed data", (f) => `<embed src="data:text/html,<script>${f}</script>">`],
  ["link javascript", (f) => `<a href="javascript:${f}">read more</a>`],
  ["link JaVaScRiPt", (f) => `<a href="JaVaScRiPt:${f}">read more</a>`],
  ["link entity-encoded", (f) => `<a href="&#106;avascript:${f}">read more</a>`],
  ["link with tab", (f) => `<a href="java&#x09;script:${f}">read more</a>`],
  ["link data base64", (f) => `<a href="data:text/html;base64,${btoa(`<script>${f}</script>`)}">x</a>`],
  ["link vbscript", () => `<a href="vbscript:msgbox(1)">read more</a>`],
  ["body onload", (f) => `<body onload=${f}>`],
  ["div onmouseover", (f) => `<div onmouseover="${f}" style="position:fixed;inset:0">hover</div>`],
  ["input autofocus", (f) => `<input autofocus onfocus=${f}>`],
  ["details ontoggle", (f) => `<details open ontoggle=${f}>`],
  ["video source onerror", (f) => `<video><source onerror=${f}></video>`],
  ["audio onerror", (f) => `<audio src=x onerror=${f}>`],
  ["marquee onstart", (f) => `<marquee onstart=${f}>x</marquee>`],
  ["custom element pointer", (f) => `<x-y onpointerenter=${f} style=display:block;position:fixed;inset:0>`],
  ["animation start", (f) => `<style>@keyframes k{}</style><p style="animation:k" onanimationstart=${f}>`],
  ["eval atob", (f) => `<img src=x onerror="eval(atob('${btoa(f)}'))">`],
  ["style import", (_, b) => `<style>@import '${b}.css';</style>`],
  ["style url", (_, b) => `<div style="background:url(${b}.png)">x</div>`],
  ["css expression", (f) => `<div style="width:expression(${f})">x</div>`],
  ["stylesheet link", (_, b) => `<link rel=stylesheet href="${b}.css">`],
  ["img beacon", (_, b) => `<img src="${b}.png">`],
  ["img srcset beacon", (_, b) => `<img srcset="${b}.png 1x">`],
  ["meta refresh javascript", (f) => `<meta http-equiv="refresh" content="0;url=javascript:${f}">`],
  ["meta refresh http", (_, b) => `<meta http-equiv="refresh" content="0;url=${b}">`, false],
  ["base href", (_, b) => `<base href="${b}/">`],
  ["form javascript", (f) => `<form action="javascript:${f}"><button>go</button></form>`],
  ["button formaction", (f) => `<form><button formaction="javascript:${f}">go</button></form>`],
  ["isindex", (f) => `<isindex action="javascript:${f}" type=image>`],
  ["JSON string break-out", (f) => `"};${f};//`],
  ["template injection", (f) => `{{constructor.constructor('${f}')()}}`],
  ["template literal", (f) => `\${${f}}`],
  ["bare javascript URL", (f) => `javascript:${f}`],
  ["bare data URL", (f) => `data:text/html,<script>${f}</script>`],
  ["unicode escaped", (f) => `\\u003cscript\\u003e${f}\\u003c/script\\u003e`],
];

/**
 * Every payload with its number and beacon filled in.
 *
 * @param beaconOrigin the origin of the server that records hits (`http://127.0.0.1:PORT`)
 */
export function payloads(beaconOrigin: string): Payload[] {
  return TEMPLATES.map(([kind, make, viaCsp], i) => {
    const n = i + 1;
    return {
      n,
      kind,
      text: make(`__ledePwned(${n})`, `${beaconOrigin}/beacon/${n}`),
      viaCsp: viaCsp ?? true,
    };
  });
}

/** `s` with HTML's special characters escaped, so a page carries it as text (it decodes back to `s`). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Invented filler, so that extraction finds an article around the payloads. */
export const FILLER = [
  "The harbour board of Varnholm met on Tuesday and agreed to widen the eastern quay before the winter storms.",
  "Council member Idris Quell said the work would cost about 4 million crowns and take eleven weeks.",
  "Fishing crews who use the quay said they had waited three years for the repairs and welcomed the decision.",
  "The board will publish the contractor's schedule next month, a spokesperson for the port authority said.",
];
