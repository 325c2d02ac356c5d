/**
 * The build:data command as a user runs it: exit codes, atomic output, the main file plus its per-year text chunks
 * (texts and evidence),
 * and byte-identical output whatever the file order, time zone or locale.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetWithTexts } from '../../scripts/dataset-files.ts';
import type { StoredEvent, StoredSource } from '../../src/lib/dataset/types.ts';
import { validateDataset } from '../../src/lib/dataset/validate.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

function seedCopy(names?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  for (const name of names ?? readdirSync('seeds')) copyFileSync(join('seeds', name), join(dir, name));
  return dir;
}

describe('build:data command line', { timeout: 60_000 }, () => {
  it('exits 2 on an unknown option or a missing seeds folder, naming the problem', () => {
    const unknown = run(['--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --frobnicate');
    const missing = run(['--seeds', '/nonexistent/seeds']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });

  it('writes the dataset and a per-file summary; --strict turns an error into exit 1 without writing', () => {
    const dir = seedCopy();
    const out = join(dir, 'out', 'contacts.json');
    const ok = run(['--seeds', dir, '--out', out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('000_6a64a41c4db9d813.txt: relevant');
    const main = JSON.parse(readFileSync(out, 'utf8'));
    expect(main.schemaVersion).toBe(3);
    // No article text in the main file: each document names its per-year chunk beside it, and every chunk is used.
    expect(main.documents.every((d: { text?: string }) => d.text === undefined)).toBe(true);
    const files = main.documents.map((d: { textFile: string }) => d.textFile);
    expect(files.every((f: string) => /^contacts\.texts\/\d{4}-[0-9a-f]{8}\.json$/.test(f))).toBe(true);
    expect(readdirSync(join(dir, 'out', 'contacts.texts')).sort()).toEqual(
      [...new Set(files.map((f: string) => f.split('/')[1]))].sort(),
    );
    // Nor any evidence: each source keeps document and status, its evidence sits in its document's chunk.
    const sources = main.events.flatMap((e: StoredEvent) => e.sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s: StoredSource) => Object.keys(s).sort().join() === 'document,status')).toBe(true);
    const withTexts = readDatasetWithTexts(out);
    expect(validateDataset(withTexts).errors).toEqual([]);
    expect(withTexts.documents.every((d) => d.text.length > 100)).toBe(true);
    const evidence = withTexts.events.flatMap((e) => e.sources.flatMap((s) => s.evidence));
    expect(evidence.length).toBeGreaterThan(sources.length);

    writeFileSync(join(dir, 'broken.txt'), 'Lawrow traf Wang Yi.');
    writeFileSync(join(dir, 'broken.meta.yaml'), 'date: [2021\n');
    const lenient = run(['--seeds', dir, '--out', out]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/broken\.meta\.yaml:\d+: invalid YAML/);

    const strictOut = join(dir, 'strict.json');
    const strict = run(['--seeds', dir, '--out', strictOut, '--strict']);
    expect(strict.status).toBe(1);
    expect(existsSync(strictOut)).toBe(false);
  });

  it('writes a machine-readable report with --report', () => {
    const dir = seedCopy();
    const report = join(dir, 'report.json');
    expect(run(['--seeds', dir, '--out', join(dir, 'c.json'), '--report', report]).status).toBe(0);
    const parsed = JSON.parse(readFileSync(report, 'utf8'));
    expect(parsed.files.map((f: { file: string }) => f.file)).toEqual([
      '000_6a64a41c4db9d813.txt',
      '002_782dbdbe799640d8.txt',
    ]);
  });

  it('is byte-identical across file order, time zones and locales', () => {
    const a = seedCopy();
    const b = seedCopy([...readdirSync('seeds')].reverse());
    const outputs = [
      run(['--seeds', a, '--out', join(a, '1', 'contacts.json'), '--quiet'], {
        TZ: 'Pacific/Kiritimati',
        LANG: 'de_DE.UTF-8',
      }),
      run(['--seeds', b, '--out', join(b, '2', 'contacts.json'), '--quiet'], {
        TZ: 'America/Los_Angeles',
        LANG: 'tr_TR.UTF-8',
        LC_ALL: 'tr_TR.UTF-8',
      }),
      run(['--seeds', a, '--out', join(a, '3', 'contacts.json'), '--quiet'], { TZ: 'UTC', LANG: 'C' }),
    ];
    for (const o of outputs) expect(o.status, o.stderr).toBe(0);
    // Same file name in three folders: the main file names its chunk folder after itself (contacts.texts/).
    const outs = [join(a, '1'), join(b, '2'), join(a, '3')];
    const [one, two, three] = outs.map((d) => readFileSync(join(d, 'contacts.json')));
    expect(one!.equals(two!)).toBe(true);
    expect(one!.equals(three!)).toBe(true);
    // The chunk files too (texts and evidence): same names (content hashes), same bytes.
    const chunks = (folder: string) =>
      readdirSync(folder)
        .sort()
        .map((name) => [name, readFileSync(join(folder, name)).toString('base64')]);
    const [c1, c2, c3] = outs.map((d) => chunks(join(d, 'contacts.texts')));
    expect(c1!.length).toBeGreaterThan(0);
    const parsed = c1!.map(([, bytes]) => JSON.parse(Buffer.from(bytes!, 'base64').toString('utf8')));
    expect(parsed.some((c) => Object.keys(c.evidence).length > 0)).toBe(true);
    expect(c2).toEqual(c1);
    expect(c3).toEqual(c1);
  });
});
