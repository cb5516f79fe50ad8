/**
 * Short news texts written for the link unit tests (invented events; no real reporting).
 * Two events of the same kind (a ferry sinking in two places) and one unrelated story.
 */

export const FERRY_A1 = `A passenger ferry carrying 212 people sank off the coast of Varnholm on Tuesday night, coastguard officials said.

Rescue boats pulled 180 survivors from the water near Kessel Point before dawn, according to Captain Idris Malone of the Varnholm coastguard.

The ferry, the Northern Gull, had left Port Aldane two hours earlier bound for the island of Skerra.

Relatives gathered at the terminal in Port Aldane waiting for news of the missing.`;

export const FERRY_A2 = `Divers searched on Wednesday for 32 people still missing after the Northern Gull ferry went down near Kessel Point off Varnholm.

Captain Idris Malone said the coastguard had recovered four bodies and would continue the search through the night.

The operator, Skerra Lines, said the Northern Gull had passed its last inspection in March and declined to comment on the cause.

Families in Port Aldane criticised the pace of the rescue.`;

export const FERRY_A3 = `Investigators in Varnholm said on Thursday that the Northern Gull ferry was carrying more passengers than allowed when it sank near Kessel Point.

Skerra Lines chief executive Tomas Brannigan apologised to the families and promised full co-operation with the inquiry.

Captain Idris Malone confirmed the death toll had risen to 19, with 13 people still missing.`;

export const FERRY_B1 = `A ferry capsized on Lake Orwen in Dellamar province on Saturday, leaving at least 40 passengers missing, provincial governor Ana Pereira said.

The overcrowded boat, the Santa Lucia, overturned in strong winds shortly after leaving the port of Rio Calvo.

Fishermen from Rio Calvo rescued 65 people and brought them to the hospital in Dellamar.`;

export const FERRY_B2 = `Rescuers on Lake Orwen found 12 more bodies on Sunday as hopes faded for the passengers of the Santa Lucia ferry in Dellamar province.

Governor Ana Pereira declared three days of mourning and ordered an inquiry into why the boat had sailed in a storm warning from Rio Calvo.

Survivors said the Santa Lucia had been carrying sacks of rice and cement as well as passengers.`;

export const ELECTION = `Voters in the city of Marrowby elected Helena Oduya as mayor on Sunday, ending twelve years of rule by the Civic Alliance.

Oduya, a former schoolteacher, won 54 percent of the vote and promised to expand the tram network and build affordable housing.

Her rival, incumbent mayor Gregor Hallam, conceded defeat in a speech to supporters at the Marrowby town hall.`;
