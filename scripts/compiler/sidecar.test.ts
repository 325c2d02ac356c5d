import { describe, expect, it } from 'vitest';
import { parseSidecar } from './sidecar.ts';

describe('parseSidecar', () => {
  it('reads every known key', () => {
    const { sidecar, errors, warnings } = parseSidecar(
      'date: 2025-07-13\nurl: https://mid.ru/x\npublisher: MID\nlanguage: de\nreported:\n  place: beijing\n  forum: sco\n  participants: [lavrov, wang-yi]\n',
      'a.meta.yaml',
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(sidecar).toEqual({
      date: { start: '2025-07-13', precision: 'day' },
      url: 'https://mid.ru/x',
      publisher: 'MID',
      language: 'de',
      reported: { place: 'beijing', forum: 'sco', participants: ['lavrov', 'wang-yi'] },
    });
  });

  it.each([
    ['date: [1, 2\n', 'a.meta.yaml:', 'invalid YAML'],
    ['date: 2025-07-13\n  bad: indent: here\n', 'a.meta.yaml:', 'invalid YAML'],
    ['- a\n- b\n', 'a.meta.yaml:1', 'mapping'],
  ])('broken YAML %j is an error naming the file and line', (source, where, what) => {
    const { errors, sidecar } = parseSidecar(source, 'a.meta.yaml');
    expect(sidecar).toEqual({});
    expect(errors[0]).toContain(where);
    expect(errors[0]).toContain(what);
  });

  it.each([
    ['date: 2021-13\n', 'line', '1', 'not a date'],
    ['language: de\ncolour: blue\n', 'line', '2', 'unknown key "colour"'],
    ['url: javascript:alert(1)\n', 'line', '1', 'http(s)'],
    ['reported:\n  kind: party\n', 'line', '1', 'not one of'],
    ['relevant: maybe\n', 'line', '1', 'true or false'],
  ])('bad value %j is a warning with its line', (source, _l, line, what) => {
    const { warnings, errors } = parseSidecar(source, 'a.meta.yaml');
    expect(errors).toEqual([]);
    expect(warnings[0]).toContain(`a.meta.yaml:${line}:`);
    expect(warnings[0]).toContain(what);
  });

  it('accepts an empty sidecar', () => {
    expect(parseSidecar('', 'a.meta.yaml')).toEqual({ sidecar: {}, errors: [], warnings: [] });
  });
});
