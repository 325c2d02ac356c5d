/**
 * UI strings for every language the interface speaks (one message file per language). German is the reference:
 * the English table has the same type, so a missing translation is a compile error, not a blank label.
 *
 * Both tables ship with the first view's code (about 2 KB each, gzipped), so a language switch is instant and cannot
 * fail. Each was its own lazily loaded file for a while; but Chromium (150) remembers a failed dynamic import, so a
 * language whose download failed once could not be loaded again without reloading the page. The loading interface
 * (`loadMessages` before `messagesFor`) stays, so a language may be loaded on demand again if the tables grow.
 */
import { de, type Messages } from './de.ts';
import { en } from './en.ts';

export type { Messages };
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOADERS: Record<Language, () => Promise<Messages>> = {
  de: async () => de,
  en: async () => en,
};
const loaded: Partial<Record<Language, Messages>> = {};
const loading: Partial<Record<Language, Promise<Messages>>> = {};

/** Loads a language's texts (once; a failed download is tried again on the next call). */
export function loadMessages(lang: Language): Promise<Messages> {
  if (loaded[lang]) return Promise.resolve(loaded[lang]);
  return (loading[lang] ??= LOADERS[lang]().then(
    (messages) => (loaded[lang] = messages),
    (e: unknown) => {
      delete loading[lang];
      throw e;
    },
  ));
}

/** True once `loadMessages(lang)` has finished: `messagesFor(lang)` then answers. */
export function hasMessages(lang: Language): boolean {
  return loaded[lang] !== undefined;
}

/** A loaded language's texts; throws (naming the fix) for one not loaded yet rather than showing another language. */
export function messagesFor(lang: Language): Messages {
  const messages = loaded[lang];
  if (!messages) throw new Error(`The "${lang}" interface texts are not loaded: await loadMessages("${lang}") first.`);
  return messages;
}

/** `lang=` from the URL wins, then the browser's preferred languages, then German (the seeds' language). */
export function pickLanguage(param: string | null, preferred: readonly string[]): Language {
  const candidates = [param ?? '', ...preferred].map((l) => l.toLowerCase().slice(0, 2));
  return (candidates.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l)) ?? 'de') as Language;
}

/** The language the page opens in, from its URL's `lang` (as parsed by parseViewState) and the browser. */
export function pageLanguage(viewLang: string | null): Language {
  return pickLanguage(viewLang, navigator.languages ?? [navigator.language]);
}

/** An entity's label in the UI language, falling back to English, then its canonical name. */
export function entityLabel(
  entity: { name: string; labels: Record<string, string> } | undefined,
  lang: Language,
  key = '',
): string {
  return entity?.labels[lang] ?? entity?.labels.en ?? entity?.name ?? key;
}
