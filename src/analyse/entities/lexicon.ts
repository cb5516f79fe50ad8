/**
 * Small hand-written lexicons for titles, nominal heads, pronouns and demonyms. Written for Lede
 * (no outside source); extend freely.
 */

/** Words that head a title before a name ("President", "envoy", "Gen."). Lower-case. */
export const TITLE_HEADS: ReadonlySet<string> = new Set(
  (
    "president president-elect premier chancellor minister secretary secretary-general envoy ambassador " +
    "spokesman spokeswoman spokesperson leader king queen prince princess pope emperor sultan emir sheikh " +
    "general gen. gen sen. sen senator rep. rep representative congressman congresswoman governor gov. gov mayor " +
    "judge justice chief ceo chairman chairwoman chair director commander lt. col. colonel captain capt. admiral " +
    "adm. major maj. sergeant sgt. lieutenant coach manager dr. dr professor prof. speaker archbishop bishop " +
    "cardinal rabbi imam ayatollah officer official head founder executive diplomat negotiator adviser advisor " +
    "prosecutor attorney mr. mrs. ms. mr mrs ms sir dame lord lady"
  ).split(" "),
);

/** Titles that only ever stand before a person's name ("President Berg"), never start another name. */
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    "president pres. senator sen. gov. rep. gen. mr. mrs. ms. dr. prof. king queen pope prince princess chancellor " +
    "premier minister ambassador envoy judge sheikh emir ayatollah cardinal archbishop bishop rabbi lt. col. capt. " +
    "sgt. adm. maj. mr mrs ms dr"
  ).split(" "),
);

/** Words that may stand before a title head inside a title ("special envoy", "Prime Minister"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(
  (
    "prime foreign defence defense interior finance economy trade home health justice deputy vice special " +
    "acting interim senior top chief executive general state supreme crown grand first opposition " +
    "national security military army navy air force police party union team head of the"
  ).split(" "),
);

/** Titles that do not carry over to the person as a role ("Mr", "Dr"): kept as mentions, not titles. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  "mr. mrs. ms. mr mrs ms sir dame lord lady dr. dr".split(" "),
);

/** Nominal heads that name a role held by one person ("the Russian president"). */
export const NOMINAL_HEADS: ReadonlySet<string> = new Set(
  "president premier chancellor leader king queen pope prime minister envoy secretary governor mayor".split(
    " ",
  ),
);

/** Heads that stand for whoever leads a country ("the Russian leader" = its president). */
export const LEADER_HEADS: ReadonlySet<string> = new Set(["leader"]);

/** Third-person singular personal pronouns resolved to people. */
export const PRONOUNS: ReadonlySet<string> = new Set([
  "he",
  "she",
  "him",
  "her",
  "his",
  "hers",
  "himself",
  "herself",
]);

/** Demonym or adjective → country, for linking "Ukrainian" to Ukraine and "the Russian president" to titles. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    afghan: "Afghanistan",
    american: "United States",
    us: "United States",
    "u.s.": "United States",
    argentine: "Argentina",
    australian: "Australia",
    austrian: "Austria",
    belgian: "Belgium",
    brazilian: "Brazil",
    british: "United Kingdom",
    uk: "United Kingdom",
    canadian: "Canada",
    chinese: "China",
    colombian: "Colombia",
    cuban: "Cuba",
    czech: "Czech Republic",
    danish: "Denmark",
    dutch: "Netherlands",
    egyptian: "Egypt",
    finnish: "Finland",
    french: "France",
    german: "Germany",
    greek: "Greece",
    hungarian: "Hungary",
    indian: "India",
    indonesian: "Indonesia",
    iranian: "Iran",
    iraqi: "Iraq",
    irish: "Ireland",
    israeli: "Israel",
    italian: "Italy",
    japanese: "Japan",
    jordanian: "Jordan",
    kenyan: "Kenya",
    korean: "Korea",
    lebanese: "Lebanon",
    mexican: "Mexico",
    nigerian: "Nigeria",
    "north korean": "North Korea",
    "south korean": "South Korea",
    norwegian: "Norway",
    pakistani: "Pakistan",
    palestinian: "Palestine",
    polish: "Poland",
    portuguese: "Portugal",
    romanian: "Romania",
    russian: "Russia",
    saudi: "Saudi Arabia",
    serbian: "Serbia",
    "south african": "South Africa",
    spanish: "Spain",
    swedish: "Sweden",
    swiss: "Switzerland",
    syrian: "Syria",
    taiwanese: "Taiwan",
    thai: "Thailand",
    turkish: "Turkey",
    ukrainian: "Ukraine",
    venezuelan: "Venezuela",
    vietnamese: "Vietnam",
    yemeni: "Yemen",
  }),
);

/** The country a demonym names ("Ukrainian" → "Ukraine"), or undefined. */
export function countryOf(demonym: string): string | undefined {
  return DEMONYMS.get(demonym.toLowerCase());
}

/** Country names and short forms (lower-case): always places (LOC), as the contract says. */
export const COUNTRIES: ReadonlySet<string> = new Set([
  ...[...DEMONYMS.values()].map((c) => c.toLowerCase()),
  ..."us u.s. usa u.s.a. america uk u.k. britain great britain england scotland wales".split(" "),
]);

/** Capital → country, for a capital used for its government ("Oslo has yet to confirm"). */
export const CAPITALS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    moscow: "Russia",
    kyiv: "Ukraine",
    kiev: "Ukraine",
    washington: "United States",
    "washington dc": "United States",
    "washington d.c.": "United States",
    beijing: "China",
    london: "United Kingdom",
    paris: "France",
    berlin: "Germany",
    tokyo: "Japan",
    "new delhi": "India",
    delhi: "India",
    tehran: "Iran",
    jerusalem: "Israel",
    ankara: "Turkey",
    brussels: "Belgium",
    rome: "Italy",
    madrid: "Spain",
    warsaw: "Poland",
    damascus: "Syria",
    baghdad: "Iraq",
    kabul: "Afghanistan",
    islamabad: "Pakistan",
    pyongyang: "North Korea",
    seoul: "South Korea",
    taipei: "Taiwan",
    riyadh: "Saudi Arabia",
    cairo: "Egypt",
    ottawa: "Canada",
    canberra: "Australia",
    caracas: "Venezuela",
    havana: "Cuba",
    minsk: "Belarus",
    budapest: "Hungary",
    vienna: "Austria",
    "mexico city": "Mexico",
    brasilia: "Brazil",
    "buenos aires": "Argentina",
    ramallah: "Palestine",
  }),
);

/** The country whose capital this is ("Oslo" → "Russia"), or undefined. */
export function countryOfCapital(city: string): string | undefined {
  return CAPITALS.get(city.toLowerCase().trim());
}

/** Other names of countries (lower-case) → the name used in keys. */
const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ["us", "united states"],
  ["u.s.", "united states"],
  ["usa", "united states"],
  ["u.s.a.", "united states"],
  ["america", "united states"],
  ["uk", "united kingdom"],
  ["u.k.", "united kingdom"],
  ["britain", "united kingdom"],
  ["great britain", "united kingdom"],
]);

/**
 * A stable key for an entity across articles: its type and its canonical name normalised
 * (accents and punctuation dropped, lower-case, country aliases unified).
 *
 * @example entityKey({ type: "LOC", name: "U.S." }) // "LOC:united states"
 */
export function entityKey(entity: { readonly type: string; readonly name: string }): string {
  const lower = entity.name.toLowerCase().trim();
  const alias = COUNTRY_ALIASES.get(lower);
  const name = (alias ?? lower)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s$/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return `${entity.type}:${name}`;
}
