/**
 * One fuzz target in its own process (forked by fuzz-main), so a parser that hangs synchronously
 * can be killed by the parent's watchdog: it reports before every input and once at the end.
 */
import { fuzzTargets } from './fuzz-targets';
import { mkdirSync, rmSync } from 'node:fs';
import { FAILURE_DIR, currentInputFile, runTarget } from './fuzz-runner';

const [index, count, seed] = process.argv.slice(2).map(Number) as [number, number, number];
const send = (m: unknown) => process.send?.(m);

process.on('uncaughtException', (e) => {
  send({ type: 'uncaught', detail: `${e.name}: ${e.message.slice(0, 200)}` });
  process.exit(3);
});

const target = fuzzTargets[index]!;
send({ type: 'setup', name: target.name });
mkdirSync(FAILURE_DIR, { recursive: true });
const stats = await runTarget(target, { count, seed, keepCurrentIn: currentInputFile(target.name), onInput: (i, input) => send({ type: 'input', i, input }) });
rmSync(currentInputFile(target.name), { force: true });
send({ type: 'done', stats });
process.exit(0);
