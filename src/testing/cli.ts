#!/usr/bin/env node
// The `dms-kafka-reset-offset-mock` bin: `dms-kafka-reset-offset-mock [--port N] [--host H]`.
import { runMockCli } from './run-cli.js';

process.exitCode = await runMockCli(process.argv.slice(2));
