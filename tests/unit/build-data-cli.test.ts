/**
 * The build:data command as a user runs it: exit codes, atomic output, and byte-identical output whatever the file
 * order, time zone or locale.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);

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
      run(['--seeds', a, '--out', join(a, '1.json'), '--quiet'], { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' }),
      run(['--seeds', b, '--out', join(b, '2.json'), '--quiet'], {
        TZ: 'America/Los_Angeles',
        LANG: 'tr_TR.UTF-8',
        LC_ALL: 'tr_TR.UTF-8',
      }),
      run(['--seeds', a, '--out', join(a, '3.json'), '--quiet'], { TZ: 'UTC', LANG: 'C' }),
    ];
    for (const o of outputs) expect(o.status, o.stderr).toBe(0);
    const [one, two, three] = [join(a, '1.json'), join(b, '2.json'), join(a, '3.json')].map((f) => readFileSync(f));
    expect(one!.equals(two!)).toBe(true);
    expect(one!.equals(three!)).toBe(true);
  });
});
