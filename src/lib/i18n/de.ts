/** German UI strings: the reference table. Every other language must provide the same keys (see ./messages.ts). */
import type { ExpectedValue, UrlNotice } from '../url/state.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function expectedDe(expected: Exclude<ExpectedValue, 'event-id'>): string {
  if (typeof expected === 'object') return new Intl.ListFormat('de', { type: 'disjunction' }).format(expected.options);
  return {
    'forum-keys': 'Forumsschlüssel wie sco oder bilateral',
    'person-keys': 'Personenschlüssel wie lavrov',
    'topic-keys': 'Themenschlüssel wie afghanistan',
    flag: '1 oder 0',
    'year-or-month': 'ein Jahr (2021) oder einen Monat (2021-07)',
    'day-range': 'zwei Tage wie 2021-01-01..2021-12-31',
  }[expected];
}

export const de = {
  appTitle: 'Kontakt-Zeitleiste',
  loading: 'Daten werden geladen …',
  titleLine: (n: number, m: number, years: string) =>
    `${plural(n, 'Kontakt', 'Kontakte')} aus ${plural(m, 'Artikel', 'Artikeln')}${years ? `, ${years}` : ''}`,
  loadFailed: 'Die Daten konnten nicht geladen werden.',
  loadFailedNetwork: 'Der Server war nicht erreichbar.',
  loadFailedHttp: 'Die Datendatei fehlt oder ist nicht abrufbar.',
  loadFailedJson: 'Die Datendatei ist kein gültiges JSON (abgeschnitten oder beschädigt).',
  loadFailedSchema: 'Die Datendatei passt nicht zu dieser Version der App.',
  loadFailedHint: 'Führen Sie „npm run build:data“ aus und laden Sie die Seite neu.',
  retry: 'Erneut versuchen',
  dataWarnings: (n: number) => plural(n, 'Hinweis', 'Hinweise') + ' zu den Daten',
  language: 'Sprache',
  otherLanguage: 'English',
  otherLanguageCode: 'en',

  // timeline
  timeline: 'Zeitleiste',
  timelineHelp:
    'Zeitleiste der Kontakte. Pfeiltasten wechseln chronologisch zwischen Kontakten, Eingabe öffnet die Details, Escape schließt sie. Plus und Minus zoomen.',
  resultCount: (shown: number, total: number) =>
    shown === total ? plural(total, 'Kontakt', 'Kontakte') : `${shown} von ${plural(total, 'Kontakt', 'Kontakten')}`,
  inWindow: (n: number) => `${n} im sichtbaren Zeitraum`,
  zoomIn: 'Hineinzoomen',
  zoomOut: 'Herauszoomen',
  fitAll: 'Alles zeigen',
  presetAll: 'Alle',
  preset5y: '5 Jahre',
  preset1y: '1 Jahr',
  lanesBy: 'Spuren nach',
  laneModes: { forum: 'Forum', kind: 'Art', level: 'Ebene' },
  overview: 'Übersicht: Kontakte pro Monat. Ziehen Sie den Ausschnitt, um den sichtbaren Zeitraum zu wählen.',
  today: 'Heute',
  cluster: (n: number) => `${n} Kontakte – zum Vergrößern aktivieren`,
  undated: 'Ohne Datum',
  legend: 'Legende',
  legendStatus: 'Status',
  legendPrecision: 'Datumsgenauigkeit',
  precisionLabels: { day: 'Tag', month: 'Monat', year: 'Jahr', range: 'Zeitraum' },
  lanes: {
    bilateral: 'Bilateral',
    sco: 'SOZ',
    brics: 'BRICS',
    un: 'UN',
    g20: 'G20',
    apec: 'APEC',
    other: 'Andere',
    'head-of-state': 'Staatsoberhäupter',
    'head-of-government': 'Regierungschefs',
    'foreign-minister': 'Außenminister',
  } as Record<string, string>,
  kinds: {
    meeting: 'Treffen',
    'phone-call': 'Telefonat',
    'video-call': 'Videokonferenz',
    visit: 'Besuch',
    summit: 'Gipfel',
    signing: 'Unterzeichnung',
  } as Record<string, string>,
  statuses: { reported: 'berichtet', mentioned: 'erwähnt', planned: 'angekündigt' } as Record<string, string>,
  statusLong: {
    reported: 'berichtet (Gegenstand des Artikels)',
    mentioned: 'erwähnt (früherer Kontakt)',
    planned: 'angekündigt (geplanter Kontakt)',
  } as Record<string, string>,

  // list and detail
  list: 'Kontakte in chronologischer Reihenfolge',
  noEvents: 'Keine Kontakte.',
  detail: 'Details',
  close: 'Schließen',
  date: 'Datum',
  dateBasis: 'Grundlage',
  kind: 'Art',
  status: 'Status',
  place: 'Ort',
  participants: 'Teilnehmende',
  forum: 'Forum',
  bilateral: 'bilateral',
  forumsMentioned: 'Erwähnte Foren',
  topics: 'Themen',
  quotes: 'Zitate',
  unattributed: 'ohne Zuordnung',
  sources: 'Quellen',
  evidence: 'Belege',
  evidenceLoading: 'Belegsätze werden geladen …',
  evidenceFailed: 'Die Belegsätze konnten nicht geladen werden.',
  evidenceFailedHint:
    'Prüfen Sie die Verbindung und öffnen Sie den Kontakt erneut; hilft das nicht, führen Sie „npm run build:data“ aus und laden Sie die Seite neu.',
  evidenceFields: {
    kind: 'Art',
    status: 'Status',
    date: 'Datum',
    place: 'Ort',
    participants: 'Teilnehmende',
    forum: 'Forum',
    forumsMentioned: 'erwähnte Foren',
    topics: 'Themen',
  } as Record<string, string>,
  related: 'Verbundene Kontakte',
  warnings: 'Hinweise',
  openSource: 'Artikel öffnen',
  file: 'Datei',
  selected: (title: string, date: string) => `Ausgewählt: ${title}, ${date}`,

  // explore: search, facets, link
  search: 'Suche',
  searchPlaceholder: 'Personen, Orte, Foren, Themen … (Taste /)',
  clearSearch: 'Suche löschen',
  filters: 'Filter',
  facetNames: { forum: 'Forum', kind: 'Art', person: 'Teilnehmende', topic: 'Themen', status: 'Status' } as Record<
    string,
    string
  >,
  includeMentioned: 'auch erwähnte Foren',
  dateRange: 'Zeitraum',
  from: 'von',
  to: 'bis',
  useVisiblePeriod: 'Sichtbaren Ausschnitt übernehmen',
  resetAll: 'Alle Filter zurücksetzen',
  activeFilters: (n: number) => (n === 0 ? 'keine Filter aktiv' : plural(n, 'Filter', 'Filter') + ' aktiv'),
  showMore: (n: number) => `${n} weitere anzeigen`,
  showLess: 'weniger anzeigen',
  copyLink: 'Link kopieren',
  linkCopied: 'Link kopiert',
  copyFailed: 'Kopieren nicht möglich – bitte die Adresse aus der Adresszeile kopieren.',
  emptyTitle: 'Keine Kontakte passen zu dieser Auswahl.',
  emptyBecause: (parts: string) => `Gesucht wurde ${parts}.`,
  emptySearchPart: (q: string) => `nach „${q}“`,
  emptyFilterPart: (n: number) => `mit ${plural(n, 'aktivem Filter', 'aktiven Filtern')}`,
  relaxSearch: 'Suche löschen',
  relaxFilters: 'Filter zurücksetzen',
  // export and embed
  exportLabel: 'Exportieren',
  exportSvg: 'SVG',
  exportPng: 'PNG (2×)',
  exportCsv: 'CSV',
  exportJson: 'JSON',
  print: 'Drucken',
  cite: 'Diese Ansicht zitieren',
  copy: 'Kopieren',
  copied: 'Kopiert',
  embed: 'Einbetten',
  embedTitle: 'Diese Ansicht einbetten',
  embedWidth: 'Breite (px)',
  embedHeight: 'Höhe (px)',
  embedResponsive: 'Responsiv (volle Breite, Höhe passt sich an)',
  embedControls: 'Mit Bedienelementen',
  embedLanguage: 'Sprache',
  embedSnippet: 'HTML-Code',
  embedPreview: 'Vorschau',
  embedScriptHint: 'Für automatische Höhe: embed.js einmal auf der Seite einbinden.',
  openFullView: 'Vollansicht öffnen',
  sourceLine: (title: string, url: string) => `Quelle: ${title} · Contact Timeline · ${url}`,
  printTable: 'Kontakte dieser Ansicht',
  notices: 'Hinweise zur Adresse',
  urlNotice: (n: UrlNotice): string => {
    switch (n.kind) {
      case 'unreadable':
        return 'Die Parameter der Adresse konnten nicht gelesen werden und wurden ignoriert.';
      case 'unknown-param':
        return `Unbekannter Parameter „${n.param}“ ignoriert.`;
      case 'repeated':
        return `„${n.param}=${n.value}“ ignoriert: mehrfach angegeben.`;
      case 'too-long':
        return `„${n.param}“ ignoriert: länger als ${n.max} Zeichen.`;
      case 'invalid':
        return n.expected === 'event-id'
          ? `„${n.param}=${n.value}“ ignoriert: keine Kontakt-ID.`
          : `„${n.param}=${n.value}“ ignoriert: erwartet ${expectedDe(n.expected)}.`;
      case 'reversed-range':
        return `„from=${n.from}&to=${n.to}“ ignoriert: Der Zeitraum endet vor seinem Beginn.`;
      case 'reversed-window':
        return `„view=${n.value}“ ignoriert: Der Ausschnitt endet vor seinem Beginn.`;
      case 'foreign-data':
        return '„data“ ignoriert: Nur Datensätze von dieser Website können geladen werden.';
    }
  },
  dismiss: 'Ausblenden',
  partsMissing:
    'Ein Teil der Seite konnte nicht geladen werden: Die Verbindung fehlt, oder die Website wurde seit dem Öffnen dieser Seite aktualisiert. Was ihn braucht (etwa die Suche), funktioniert erst nach dem Neuladen.',
  reload: 'Seite neu laden',
};

export type Messages = typeof de;
