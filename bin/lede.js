#!/usr/bin/env node
// The `lede` command: load TypeScript through tsx (a runtime dependency) and run the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
