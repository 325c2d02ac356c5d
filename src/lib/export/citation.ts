/** "Cite this view": title, dataset date, the view's URL and the access date, in the UI language. */
import type { Language } from '../i18n/messages.ts';

export function citation(
  lang: Language,
  parts: { title: string; dataDate: string | null; url: string; accessed: string; filterSummary: string },
): string {
  const filters = parts.filterSummary ? ` (${parts.filterSummary})` : '';
  return lang === 'de'
    ? `Contact Timeline: ${parts.title}${filters}. Datenstand ${parts.dataDate ?? 'unbekannt'}. ${parts.url} (abgerufen am ${parts.accessed}).`
    : `Contact Timeline: ${parts.title}${filters}. Data as of ${parts.dataDate ?? 'unknown'}. ${parts.url} (accessed ${parts.accessed}).`;
}
