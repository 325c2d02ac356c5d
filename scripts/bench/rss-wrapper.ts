/**
 * Fallback for machines without GNU time: `node --import tsx scripts/bench/rss-wrapper.ts SCRIPT ARGS…` runs SCRIPT
 * in this process and, on exit, prints its peak resident set size as `bench:maxrss-kb=N` on stderr.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: rss-wrapper.ts SCRIPT [ARGS…]');
  process.exit(2);
}
process.argv = [process.argv[0]!, resolve(script), ...args];
process.on('exit', () => process.stderr.write(`bench:maxrss-kb=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
