import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { openSqliteStore } from "../../src/store/index.ts";
import { storeContract } from "./contract.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));

storeContract("sqlite (file, WAL)", async () => openSqliteStore(join(dir, "lede.db")));
