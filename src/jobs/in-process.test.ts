import { createInProcessRunner } from "./in-process.ts";
import { runnerContract } from "./runner-contract.ts";

runnerContract("in-process", async () => createInProcessRunner({ retry: { attempts: 3, backoffMs: 10 } }));
