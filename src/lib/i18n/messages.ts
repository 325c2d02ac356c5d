/**
 * UI strings for every language the interface speaks. German is the reference: the English table must have the same
 * keys (checked by the type system), so a missing translation is a compile error, not a blank label.
 */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const de = {
  appTitle: 'Kontakt-Zeitleiste',
  loading: 'Daten werden geladen …',
  titleLine: (n: number, m: number, years: string) =>
    `${n} ${n === 1 ? 'Kontakt' : 'Kontakte'} aus ${m} ${m === 1 ? 'Artikel' : 'Artikeln'}${years ? `, ${years}` : ''}`,
  loadFailed: 'Die Daten konnten nicht geladen werden.',
  loadFailedNetwork: 'Der Server war nicht erreichbar.',
  loadFailedHttp: 'Die Datei data/contacts.json fehlt oder ist nicht abrufbar.',
  loadFailedJson: 'Die Datendatei ist kein gültiges JSON (abgeschnitten oder beschädigt).',
  loadFailedSchema: 'Die Datendatei passt nicht zu dieser Version der App.',
  loadFailedHint: 'Führen Sie „npm run build:data“ aus und laden Sie die Seite neu.',
  retry: 'Erneut versuchen',
  dataWarnings: (n: number) => `${n} ${n === 1 ? 'Hinweis' : 'Hinweise'} zu den Daten`,
  language: 'Sprache',
};

export type Messages = typeof de;

const en: Messages = {
  appTitle: 'Contact Timeline',
  loading: 'Loading data …',
  titleLine: (n, m, years) =>
    `${n} ${n === 1 ? 'contact' : 'contacts'} from ${m} ${m === 1 ? 'article' : 'articles'}${years ? `, ${years}` : ''}`,
  loadFailed: 'The data could not be loaded.',
  loadFailedNetwork: 'The server could not be reached.',
  loadFailedHttp: 'The file data/contacts.json is missing or cannot be fetched.',
  loadFailedJson: 'The data file is not valid JSON (truncated or damaged).',
  loadFailedSchema: 'The data file does not match this version of the app.',
  loadFailedHint: 'Run “npm run build:data” and reload the page.',
  retry: 'Try again',
  dataWarnings: (n) => `${n} data ${n === 1 ? 'notice' : 'notices'}`,
  language: 'Language',
};

export const MESSAGES: Record<Language, Messages> = { de, en };

/** `lang=` from the URL wins, then the browser's preferred languages, then German (the seeds' language). */
export function pickLanguage(param: string | null, preferred: readonly string[]): Language {
  const candidates = [param ?? '', ...preferred].map((l) => l.toLowerCase().slice(0, 2));
  return (candidates.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l)) ?? 'de') as Language;
}
