/**
 * The language of a text when the page does not declare it: the script for scripts used by one
 * language (Hangul, kana, Thai ...), else the language whose most common words occur most often.
 * Small profiles of function words are enough for news text of a few sentences; returns null when
 * no profile fits clearly.
 */

/** Function words per language (ISO 639-1), the most frequent in news text. */
const PROFILES: Record<string, readonly string[]> = {
  en: "the of and to in is that for it with as was on are be by this have from or at but not which they you has were their an said been".split(
    " ",
  ),
  de: "der die und das ist nicht mit den von zu sich auf für dem ein eine auch im es als an wird werden hat sind nach bei aus wie noch".split(
    " ",
  ),
  fr: "le la les de des et est une un du en que qui dans pour pas sur au avec par ce il elle sont plus ont été aux cette".split(
    " ",
  ),
  es: "el la los las de del y que en un una es por con para se no al lo como más su sus fue ha este esta pero".split(
    " ",
  ),
  it: "il la di che e è un una per non del della con sono si nel da alla le gli dei più anche come ha questo".split(
    " ",
  ),
  pt: "o a os as de do da dos das e que em um uma para com não no na por se mais foi ao como mas são seu sua".split(
    " ",
  ),
  nl: "de het een en van in is dat op te voor met zijn niet die aan er ook als bij door maar om was worden heeft".split(
    " ",
  ),
  sv: "och att det som en på är av för med den till inte har de om ett var men jag från så kan vid eller också".split(
    " ",
  ),
  no: "og i det som en på er av for med at til ikke har de om et var men fra så kan ved eller også skal vil".split(
    " ",
  ),
  da: "og i at det som en på er af for med til ikke har de om et var men fra så kan ved eller også skal vil".split(
    " ",
  ),
  pl: "i w nie na się z że do jest to jak o po ale od tak za przez być dla czy są jego już który oraz".split(
    " ",
  ),
  tr: "ve bir bu da de için ile olarak olan çok daha gibi ne ama en kadar sonra değil var her şey ancak".split(
    " ",
  ),
  id: "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada oleh atau sudah bisa mereka".split(
    " ",
  ),
  fi: "ja on ei että se oli hän ovat myös kun mutta tai ole jo niin kuin sen hänen olla mukaan vain".split(
    " ",
  ),
  cs: "a se na je že v to s z do o jako ale pro jsou by jeho tak které po už jak při".split(" "),
  ro: "și de la în a cu pe din că nu este un o care mai pentru se au fost sau ale lui".split(" "),
  hu: "a az és hogy nem is egy van de meg már csak ez mint volt még el ki azt".split(" "),
};

/** Scripts that name a language by themselves. */
const SCRIPTS: readonly [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, "ja"],
  [/[\uac00-\ud7af]/g, "ko"],
  [/[\u0e00-\u0e7f]/g, "th"],
  [/[\u0370-\u03ff]/g, "el"],
  [/[\u0590-\u05ff]/g, "he"],
  [/[\u0900-\u097f]/g, "hi"],
  [/[\u0600-\u06ff]/g, "ar"],
  [/[\u4e00-\u9fff]/g, "zh"],
  [/[\u0400-\u04ff]/g, "ru"],
];

const LOOKUP = new Map<string, Set<string>>();
for (const [lang, words] of Object.entries(PROFILES)) {
  for (const w of words) {
    let set = LOOKUP.get(w);
    if (!set) LOOKUP.set(w, (set = new Set()));
    set.add(lang);
  }
}

/** Characters of text looked at. */
const SAMPLE_CHARS = 20_000;
/** Fewest function-word hits for a verdict. */
const MIN_HITS = 5;

/**
 * Detect the language of a text.
 *
 * @param text the article's text
 * @returns an ISO 639-1 code, or null when the text is too short or no profile fits clearly
 * @example detectLanguage("The council said on Monday that the bridge would reopen in the spring.") // "en"
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 10) return null;
  // Japanese uses Han characters too; kana decides. Han without kana is Chinese.
  for (const [re, lang] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    if (n / letters > (lang === "ja" ? 0.05 : 0.3)) return lang;
  }
  const scores = new Map<string, number>();
  let words = 0;
  for (const w of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    words++;
    const langs = LOOKUP.get(w);
    if (!langs) continue;
    // A word shared by several languages counts for each, a little.
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + 1 / langs.size);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_HITS || best[1] < words * 0.05) return null;
  if (second && second[1] > best[1] * 0.8) return null;
  return best[0];
}
