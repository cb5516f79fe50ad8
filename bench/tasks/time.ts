/**
 * `npm run bench -- time`: time expressions per document, Lede's `findTimes` (recognise and resolve to TIMEX3
 * values) against chrono-node's `parse` used plainly, on the TempEval-3 TBAQ-cleaned texts (256 documents,
 * each with its creation date as the reference).
 */
import * as chrono from "chrono-node";
import { findTimes } from "../../src/analyse/time/index.ts";
import { loadTimeDocs } from "../../test/eval/tasks/time.ts";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

interface TimeInput {
  readonly text: string;
  readonly dct: string;
}

const task: BenchTask = {
  name: "time",
  description: "time expressions per document: Lede findTimes vs chrono-node parse (TBAQ-cleaned texts)",
  systems: ["lede", "chrono"],
  async inputs(ctx) {
    return loadTimeDocs(ctx.dataDir, ctx.limit).map((d) => ({
      id: d.id,
      data: { text: d.text, dct: d.dct },
    }));
  },
  async system(name): Promise<BenchSystem> {
    if (name === "lede") {
      return {
        name,
        run: (input: BenchInput) =>
          findTimes((input.data as TimeInput).text, [], (input.data as TimeInput).dct),
      };
    }
    return {
      name,
      run: (input: BenchInput) => {
        const d = input.data as TimeInput;
        return chrono.parse(d.text, new Date(`${d.dct}T12:00:00Z`));
      },
    };
  },
};

export default task;
