/**
 * UI strings for every language the interface speaks (one message file per language). German is the reference:
 * the English table has the same type, so a missing translation is a compile error, not a blank label.
 */
import { de, type Messages } from './de.ts';
import { en } from './en.ts';

export type { Messages };
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: Record<Language, Messages> = { de, en };

/** `lang=` from the URL wins, then the browser's preferred languages, then German (the seeds' language). */
export function pickLanguage(param: string | null, preferred: readonly string[]): Language {
  const candidates = [param ?? '', ...preferred].map((l) => l.toLowerCase().slice(0, 2));
  return (candidates.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l)) ?? 'de') as Language;
}

/** An entity's label in the UI language, falling back to English, then its canonical name. */
export function entityLabel(
  entity: { name: string; labels: Record<string, string> } | undefined,
  lang: Language,
  key = '',
): string {
  return entity?.labels[lang] ?? entity?.labels.en ?? entity?.name ?? key;
}
