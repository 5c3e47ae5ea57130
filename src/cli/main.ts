#!/usr/bin/env node
// The `dms-kafka-reset-offset` bin: the command line (command.ts) with this process's arguments,
// environment and streams.
import { runCommand } from './command.js';

process.exitCode = await runCommand(process.argv.slice(2), process);
