/**
 * The optional first line of a seed: ` date 2021-07 von https://de.rt.com` (leading space, `date` and a date at
 * month or day precision, optionally `von`/`from`/`от` and the article's URL).
 */
import { parseIsoPartial, type PartialDate } from './dates.ts';

export interface SeedHeader {
  /** Character offset where the article body starts (after the header line). */
  bodyStart: number;
  /** Span of the header line, the evidence for any date taken from it. */
  span: [number, number];
  date: PartialDate | null;
  url?: string;
  warnings: string[];
}

const HEADER = /^[ \t]*date[ \t]+(\S+)(?:[ \t]+(?:von|from|от|source:?|quelle:?)[ \t]+(\S+))?[ \t]*$/iu;

export function parseHeader(text: string): SeedHeader | null {
  const lineEnd = text.indexOf('\n');
  const line = lineEnd < 0 ? text : text.slice(0, lineEnd);
  const m = HEADER.exec(line);
  if (!m) return null;
  const warnings: string[] = [];
  const date = parseIsoPartial(m[1]!);
  if (!date)
    warnings.push(
      `line 1: header date "${m[1]}" is not a valid date; write it as YYYY-MM or YYYY-MM-DD (the article is treated as undated).`,
    );
  let url: string | undefined;
  if (m[2]) {
    url = safeHttpUrl(m[2]);
    if (!url)
      warnings.push(
        `line 1: header URL "${m[2]}" is not an http(s) address and was ignored; write the article's https:// address there or leave it out.`,
      );
  }
  return { bodyStart: lineEnd < 0 ? text.length : lineEnd + 1, span: [0, line.trimEnd().length], date, url, warnings };
}

/** Only absolute http(s) URLs are kept: anything else (javascript:, data:, relative paths) could be dangerous as a link. */
export function safeHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The publisher a URL stands for, as its host name without "www." (de.rt.com, tass.ru). */
export function publisherFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
