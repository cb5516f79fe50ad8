/**
 * Lines that player widgets, share bars and ad slots leave in a saved page: not article text.
 * Each pattern matches a whole (short) line, so a sentence that merely mentions audio stays.
 */
const WIDGET_PATTERNS: readonly RegExp[] = [
  /^(?:audio|narration|narrated|voiced|read aloud|text to speech)\b.{0,20}\b(?:by|with|powered by)\b.{1,40}$/i,
  /^(?:listen|hear)\b.{0,12}\b(?:this|the|to)\b.{0,20}\b(?:article|story|news|page)\b.{0,30}$/i,
  /^(?:play|pause|stop|download)(?:\s+(?:audio|now|article))?$/i,
  /^\d+(?::\d\d)?\s*(?:min(?:ute)?s?|sec(?:ond)?s?)(?:\s+(?:read|listen|audio))?$/i,
  /^(?:advertisement|sponsored(?: content)?|ad|ads by \w+|promoted|paid content)$/i,
  /^(?:share|share this(?: article| story| post)?|share on \w+|print|email|tweet|save|bookmark|copy link|comments?|\d+ comments?)$/i,
  /^(?:skip to (?:main )?content|skip navigation|back to top|scroll to top|menu|search|close)$/i,
  /^(?:powered by|brought to you by)\s.{1,40}$/i,
  /^(?:subscribe|sign up|sign in|log in|register)(?:\s.{0,40})?$/i,
  /^(?:follow us|join us|like us)\b.{0,50}$/i,
  /^(?:click here|tap here)\b.{0,60}$/i,
  /^(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email)(?:\s*[|•·,/]\s*(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email))*$/i,
];

/** Longest line a widget credit is taken to be. */
const MAX_WIDGET_LENGTH = 80;

/**
 * Whether a line is a widget credit or a control label rather than text.
 *
 * @example isWidgetLine("Audio By Voxly") // true
 * @example isWidgetLine("Listen to this article") // true
 * @example isWidgetLine("The audio was recorded by a witness.") // false
 */
export function isWidgetLine(line: string): boolean {
  const s = line.trim();
  if (s.length === 0 || s.length > MAX_WIDGET_LENGTH) return false;
  if (/[.!?]["'”’)]?$/.test(s) && s.split(/\s+/).length > 4) return false;
  return WIDGET_PATTERNS.some((re) => re.test(s));
}
