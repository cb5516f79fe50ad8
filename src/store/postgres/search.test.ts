import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuery } from "../query.ts";
import { toTsQuery } from "./search.ts";

test("terms become bound phraseto_tsquery calls with FTS5 precedence", () => {
  assert.deepEqual(toTsQuery(parseQuery('putin "peace talks" -crimea'), 1), {
    sql: "(((phraseto_tsquery('lede', $1) && phraseto_tsquery('lede', $2))) && !!(phraseto_tsquery('lede', $3)))",
    params: ["putin", "peace talks", "crimea"],
  });
  assert.deepEqual(
    toTsQuery(parseQuery("a b OR c"), 3)?.sql,
    "(((phraseto_tsquery('lede', $3) && phraseto_tsquery('lede', $4)) || (phraseto_tsquery('lede', $5))))",
  );
});

test("nothing positive matches nothing; user text never reaches the SQL", () => {
  assert.equal(toTsQuery(parseQuery("-crimea"), 1), null);
  assert.equal(toTsQuery(parseQuery(""), 1), null);
  const q = toTsQuery(parseQuery("'); DROP TABLE articles; --"), 1);
  assert.ok(q && !q.sql.includes("DROP"));
  assert.deepEqual(q?.params, ["drop", "table", "articles"]);
});
