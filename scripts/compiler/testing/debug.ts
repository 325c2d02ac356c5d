/**
 * Developer aid: `DEBUG_EXTRACT=1 npx tsx scripts/compiler/testing/debug.ts "article text"` (or a file path)
 * prints the cues the extractor saw and the events it built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compileTexts } from './context.ts';

const arg = process.argv[2] ?? '';
const text = existsSync(arg) ? readFileSync(arg) : arg.replace(/\\n/g, '\n');
const sidecar = process.argv[3];
const { dataset, files } = compileTexts([
  { file: 'debug.txt', text: typeof text === 'string' ? text : new Uint8Array(text), sidecar },
]);
const doc = dataset.documents[0]!;
console.log(
  `relevant=${doc.relevant} ${doc.reason ?? ''} lang=${doc.language} warnings=${files[0]!.warnings.join(' | ')}`,
);
for (const e of dataset.events) {
  console.log(
    `${e.status} ${e.kind} ${JSON.stringify(e.date)} place=${e.place} forum=${e.forum} people=${e.participants} topics=${e.topics}`,
  );
  for (const q of e.quotes) console.log(`   quote ${q.speaker}: ${q.text.slice(0, 60)}`);
}
