/**
 * Required words of a regular expression: `requiredLetters(source)` returns strings of letters of which at least one
 * occurs in every match of the pattern (or null when it cannot tell). "Vorjahr(?:s|es)?" → ["vorjahr"],
 * "(?<m>januar|februar|…)\s+\d{4}" → ["januar", "februar", …]. A sentence that contains none of them cannot match,
 * so the expensive pattern need not run (see dates.ts). This is the prefilter idea of code search engines,
 * restricted to the regex syntax the compiler's rules use.
 *
 * It only ever answers what is certain: anything it does not model (character classes, escapes, back-references,
 * non-letters) counts as "could be anything", which makes the answer weaker, never wrong. Letters are compared as
 * the pattern compares them, by matching the strings with the pattern's own flags.
 */

interface Info {
  /** Every string the sub-pattern can match, when there are few and all consist of letters. */
  exact: string[] | null;
  /** At least one of these occurs in every match of the sub-pattern. */
  required: string[] | null;
}

const UNKNOWN: Info = { exact: null, required: null };
const EMPTY: Info = { exact: [''], required: null };
/** Exact sets larger than this are given up (they would make the prefilter as slow as the pattern). */
const MAX_EXACT = 64;
const LETTER = /^\p{L}$/u;

export function requiredLetters(source: string): string[] | null {
  const parser = new Parser(source);
  const info = parser.alternation();
  if (parser.pos !== source.length) return null; // something it does not understand: no answer
  const found = better(info.required, asRequired(info.exact));
  return found && found.every((s) => s.length > 0) ? found : null;
}

/** An exact set is a requirement unless it allows the empty string. */
function asRequired(exact: string[] | null): string[] | null {
  return exact && !exact.includes('') ? exact : null;
}

/** The more selective of two requirements: longer shortest string, then fewer strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return b.length < a.length ? b : a;
}

function alternatives(options: Info[]): Info {
  let exact: string[] | null = [];
  for (const o of options) exact = exact && o.exact ? [...exact, ...o.exact] : null;
  if (exact) exact = [...new Set(exact)];
  if (exact && exact.length > MAX_EXACT) exact = null;
  let required: string[] | null = [];
  for (const o of options) {
    const r = better(o.required, asRequired(o.exact));
    required = required && r ? [...required, ...r] : null;
  }
  return { exact, required: required ? [...new Set(required)] : null };
}

function repeat(a: Info, min: number, max: number): Info {
  if (min === 0) return { exact: max === 1 && a.exact ? [...new Set(['', ...a.exact])] : null, required: null };
  return { exact: min === 1 && max === 1 ? a.exact : null, required: better(a.required, asRequired(a.exact)) };
}

class Parser {
  pos = 0;
  constructor(private src: string) {}

  alternation(): Info {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : alternatives(options);
  }

  /**
   * Atoms one after another: the exact strings of each run of known atoms are a requirement (they stand side by side
   * in every match); an unknown atom ends a run. The most selective requirement of all wins.
   */
  private sequence(): Info {
    let run: string[] = [''];
    // Letters of a plain word are collected first and appended to the run's strings at once.
    let suffix = '';
    const flush = () => {
      if (suffix) run = run.map((x) => x + suffix);
      suffix = '';
    };
    let whole = true;
    let required: string[] | null = null;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const part = this.quantified(this.atom());
      required = better(required, part.required);
      if (part.exact?.length === 1) {
        suffix += part.exact[0];
        continue;
      }
      flush();
      if (part.exact && run.length * part.exact.length <= MAX_EXACT) {
        run = [...new Set(run.flatMap((x) => part.exact!.map((y) => x + y)))];
        continue;
      }
      required = better(required, asRequired(run));
      run = part.exact ?? [''];
      whole = false;
    }
    flush();
    return { exact: whole ? run : null, required: better(required, asRequired(run)) };
  }

  private quantified(atom: Info): Info {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.pos];
    if (c === '?' || c === '*' || c === '+') {
      this.pos++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.pos));
      if (!m) return atom; // a literal '{'
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else return atom;
    if (s[this.pos] === '?') this.pos++; // lazy: matches the same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const s = this.src;
    const c = s[this.pos]!;
    if (c === '(') {
      const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(s.slice(this.pos));
      const group = /^\(\?(?::|<[A-Za-z_$][\w$]*>)/.exec(s.slice(this.pos));
      this.pos += lookaround ? lookaround[0].length : group ? group[0].length : 1;
      const inner = this.alternation();
      if (s[this.pos] !== ')') throw new Error('unbalanced group');
      this.pos++;
      return lookaround ? EMPTY : inner; // a lookaround consumes nothing
    }
    if (c === '[') {
      this.pos++;
      if (s[this.pos] === '^') this.pos++;
      while (this.pos < s.length && s[this.pos] !== ']') this.pos += s[this.pos] === '\\' ? 2 : 1;
      this.pos++;
      return UNKNOWN;
    }
    if (c === '\\') {
      const next = s[this.pos + 1] ?? '';
      if (next === 'p' || next === 'P') {
        const close = s.indexOf('}', this.pos);
        this.pos = close < 0 ? s.length : close + 1;
        return UNKNOWN;
      }
      this.pos += 2;
      if (next === 'b' || next === 'B') return EMPTY;
      if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(s.slice(this.pos, this.pos + 4))) {
        const ch = String.fromCharCode(parseInt(s.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
        return LETTER.test(ch) ? { exact: [ch], required: null } : UNKNOWN;
      }
      if (next === 'u' && s[this.pos] === '{') this.pos = s.indexOf('}', this.pos) + 1;
      // \d, \s, \w, \1, \u{…}, escaped punctuation: not letters, or not modelled.
      return UNKNOWN;
    }
    if (c === '^' || c === '$') {
      this.pos++;
      return EMPTY;
    }
    const ch = String.fromCodePoint(s.codePointAt(this.pos)!);
    this.pos += ch.length;
    return LETTER.test(ch) ? { exact: [ch], required: null } : UNKNOWN;
  }
}
