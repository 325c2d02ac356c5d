/**
 * The build's disk I/O: reading a seeds folder (articles and their sidecars) and writing a file atomically.
 * Unreadable entries become messages naming the file, never exceptions.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { SeedFile } from './compiler/compile.ts';

/** Every *.txt below the seeds folder, with its sidecar; unreadable entries become messages, not crashes. */
export function readSeeds(dir: string): { seeds: SeedFile[]; problems: string[] } {
  const seeds: SeedFile[] = [];
  const problems: string[] = [];
  const walk = (folder: string) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (e) {
      problems.push(
        `${folder}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      );
      return;
    }
    const names = new Set(entries);
    for (const name of entries) {
      const path = join(folder, name);
      const rel = relative(dir, path).split(sep).join('/');
      let info;
      try {
        info = statSync(path);
      } catch {
        problems.push(`${rel}: broken link or unreadable entry; fix or remove it.`);
        continue;
      }
      if (info.isDirectory()) {
        if (!lstatSync(path).isSymbolicLink()) walk(path);
        continue;
      }
      if (name.endsWith('.meta.yaml')) {
        if (!names.has(name.replace(/\.meta\.yaml$/, '.txt')))
          problems.push(
            `${rel}: sidecar without an article (${name.replace(/\.meta\.yaml$/, '.txt')} is missing); rename or delete it.`,
          );
        continue;
      }
      if (!name.endsWith('.txt')) continue;
      // Reading a named pipe blocks forever and a device (/dev/zero) never ends: only regular files are articles.
      if (!info.isFile()) {
        problems.push(
          `${rel}: not a regular file (a pipe, device or socket); remove it or save the article as a file.`,
        );
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        problems.push(
          `${rel}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check its permissions.`,
        );
        continue;
      }
      const seed: SeedFile = { file: rel, bytes };
      const sidecarName = name.replace(/\.txt$/, '.meta.yaml');
      if (names.has(sidecarName)) {
        try {
          const sidecarPath = join(folder, sidecarName);
          if (!statSync(sidecarPath).isFile()) throw new Error('not a regular file');
          seed.sidecar = { file: rel.replace(/\.txt$/, '.meta.yaml'), text: readFileSync(sidecarPath, 'utf8') };
        } catch (e) {
          problems.push(
            `${rel.replace(/\.txt$/, '.meta.yaml')}: cannot read the sidecar (${(e as Error).message}); fix or delete it.`,
          );
        }
      }
      seeds.push(seed);
    }
  };
  walk(dir);
  return { seeds, problems };
}

/** Write to a temporary file beside the target, then rename: readers never see half a file. */
export function writeAtomically(file: string, content: string | Uint8Array) {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    // A failed write (disk full, target is a folder) must not leave a stray temporary file behind.
    rmSync(temp, { force: true });
    throw e;
  }
}
