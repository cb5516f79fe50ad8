import assert from "node:assert/strict";
import { test } from "node:test";
import { isAffiliateDisclosure, isConsentPrompt, isPaywallNotice } from "./consent.ts";

test("consent prompts of embeds, comment forms and sign-up boxes", () => {
  assert.equal(isConsentPrompt("By clicking to watch this video, you agree to our privacy policy."), true);
  assert.equal(
    isConsentPrompt(
      "By clicking “Accept”, you agree to the storing of cookies on your device to analyse usage.",
    ),
    true,
  );
  assert.equal(
    isConsentPrompt("By posting a comment, you consent to have your details used in line with our policy."),
    true,
  );
  assert.equal(
    isConsentPrompt("Ich bin damit einverstanden, dass mir Inhalte von Videoportalen angezeigt werden."),
    true,
  );
  assert.equal(
    isConsentPrompt("Dabei können personenbezogene Daten an Drittplattformen übermittelt werden."),
    true,
  );
  assert.equal(
    isConsentPrompt(
      "Hier steht ein externer Inhalt, der den Artikel ergänzt. Mit einem Klick wird er angezeigt.",
    ),
    true,
  );
  assert.equal(isConsentPrompt("En cliquant sur ce bouton, vous acceptez le dépôt de traceurs."), true);
});

test("sentences about privacy and cookies are not prompts", () => {
  assert.equal(
    isConsentPrompt("The regulator said the site stored cookies without asking its users."),
    false,
  );
  assert.equal(isConsentPrompt("Users agree to the terms without reading them, the study found."), false);
  assert.equal(
    isConsentPrompt("Die Behörde prüft, ob personenbezogene Daten gespeichert wurden, sagte ein Sprecher."),
    false,
  );
  assert.equal(isConsentPrompt(`We use cookies. ${"x".repeat(500)}`), false);
});

test("affiliate disclosures are the page speaking of its links", () => {
  assert.equal(isAffiliateDisclosure("This post contains affiliate links. Read my full disclosure."), true);
  assert.equal(
    isAffiliateDisclosure("If you buy something using links in our stories, we may earn a commission."),
    true,
  );
  assert.equal(isAffiliateDisclosure("We may earn commission from links on this page."), true);
  assert.equal(
    isAffiliateDisclosure("Examplesite.org is supported by commissions from providers listed."),
    true,
  );
  assert.equal(
    isAffiliateDisclosure("Streamers earn a commission when viewers buy games via affiliate links."),
    false,
  );
  assert.equal(
    isAffiliateDisclosure("Implement affiliate links and tracking codes for each campaign."),
    false,
  );
});

test("subscription notices are the page asking to be paid", () => {
  assert.equal(isPaywallNotice("This article is exclusive to Daily+ subscribers"), true);
  assert.equal(
    isPaywallNotice("Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."),
    true,
  );
  assert.equal(
    isPaywallNotice("Become a paid subscriber to The Letter to unlock this piece and learn about:"),
    true,
  );
  assert.equal(isPaywallNotice("The service has 20 million subscribers who pay monthly."), false);
  assert.equal(isPaywallNotice("Subscribers to the plan can read the report online."), false);
});
