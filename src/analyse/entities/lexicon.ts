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

/** Titles that only ever stand before a person's name ("President Trump"), never start another name. */
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
