/**
 * The public face of text: sentences and tokens with offsets into the article text.
 *
 * @example
 * const sentences = splitSentences(text);
 * const tokens = tokenize(text, sentences[0]);
 */
export { splitSentences } from "./sentences.ts";
export { ABBREVIATIONS, type Token, tokenize } from "./tokenize.ts";
