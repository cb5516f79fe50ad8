import assert from "node:assert/strict";
import { test } from "node:test";
import { detectLanguage } from "./language.ts";

test("news sentences in several languages", () => {
  assert.equal(
    detectLanguage(
      "The council said on Monday that the bridge would reopen in the spring, and that the work was on time.",
    ),
    "en",
  );
  assert.equal(
    detectLanguage(
      "Der Stadtrat hat am Montag beschlossen, dass die Brücke im Frühjahr wieder geöffnet wird und die Arbeiten nicht verzögert sind.",
    ),
    "de",
  );
  assert.equal(
    detectLanguage(
      "Le conseil a annoncé lundi que le pont sera rouvert au printemps et que les travaux sont dans les temps.",
    ),
    "fr",
  );
  assert.equal(
    detectLanguage(
      "El ayuntamiento dijo el lunes que el puente se abrirá en la primavera y que las obras van según lo previsto.",
    ),
    "es",
  );
  assert.equal(detectLanguage("시의회는 월요일 다리가 봄에 다시 개통될 것이라고 밝혔다."), "ko");
  assert.equal(detectLanguage("市議会は月曜日、橋が春に再開通すると発表した。"), "ja");
  assert.equal(detectLanguage("市议会周一表示，这座桥将在春季重新开放。"), "zh");
  assert.equal(detectLanguage("Городской совет в понедельник заявил, что мост откроется весной."), "ru");
});

test("too little text, or numbers only, gives no verdict", () => {
  assert.equal(detectLanguage("Hello"), null);
  assert.equal(detectLanguage("12 34 56 78 90 12 34 56 78 90 12 34 56"), null);
});
