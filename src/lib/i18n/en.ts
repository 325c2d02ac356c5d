/** English UI strings; the type makes a missing key a compile error. */
import type { Messages } from './de.ts';
import type { ExpectedValue } from '../url/state.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function expectedEn(expected: Exclude<ExpectedValue, 'event-id'>): string {
  // en-GB: "a, b or c", without the serial comma, as everywhere else in this interface.
  if (typeof expected === 'object')
    return new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(expected.options);
  return {
    'forum-keys': 'forum keys like sco or bilateral',
    'person-keys': 'person keys like lavrov',
    'topic-keys': 'topic keys like afghanistan',
    flag: '1 or 0',
    'year-or-month': 'a year (2021) or month (2021-07)',
    'day-range': 'two days like 2021-01-01..2021-12-31',
  }[expected];
}

export const en: Messages = {
  appTitle: 'Contact Timeline',
  loading: 'Loading data …',
  titleLine: (n, m, years) =>
    `${plural(n, 'contact', 'contacts')} from ${plural(m, 'article', 'articles')}${years ? `, ${years}` : ''}`,
  loadFailed: 'The data could not be loaded.',
  loadFailedNetwork: 'The server could not be reached.',
  loadFailedHttp: 'The data file is missing or cannot be fetched.',
  loadFailedJson: 'The data file is not valid JSON (truncated or damaged).',
  loadFailedSchema: 'The data file does not match this version of the app.',
  loadFailedHint: 'Run “npm run build:data” and reload the page.',
  retry: 'Try again',
  dataWarnings: (n) => `${plural(n, 'data notice', 'data notices')}`,
  language: 'Language',
  otherLanguage: 'Deutsch',
  otherLanguageCode: 'de',

  timeline: 'Timeline',
  timelineHelp:
    'Timeline of contacts. Arrow keys move between contacts in time order, Enter opens the details, Escape closes them. Plus and minus zoom.',
  resultCount: (shown, total) =>
    shown === total ? plural(total, 'contact', 'contacts') : `${shown} of ${plural(total, 'contact', 'contacts')}`,
  inWindow: (n) => `${n} in the visible period`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitAll: 'Show all',
  presetAll: 'All',
  preset5y: '5 years',
  preset1y: '1 year',
  lanesBy: 'Lanes by',
  laneModes: { forum: 'Forum', kind: 'Kind', level: 'Level' },
  overview: 'Overview: contacts per month. Drag the window to choose the visible period.',
  today: 'Today',
  cluster: (n) => `${n} contacts – activate to zoom in`,
  undated: 'Undated',
  legend: 'Legend',
  legendStatus: 'Status',
  legendPrecision: 'Date precision',
  precisionLabels: { day: 'Day', month: 'Month', year: 'Year', range: 'Period' },
  lanes: {
    bilateral: 'Bilateral',
    sco: 'SCO',
    brics: 'BRICS',
    un: 'UN',
    g20: 'G20',
    apec: 'APEC',
    other: 'Other',
    'head-of-state': 'Heads of state',
    'head-of-government': 'Heads of government',
    'foreign-minister': 'Foreign ministers',
  },
  kinds: {
    meeting: 'Meeting',
    'phone-call': 'Phone call',
    'video-call': 'Video call',
    visit: 'Visit',
    summit: 'Summit',
    signing: 'Signing',
  },
  statuses: { reported: 'reported', mentioned: 'mentioned', planned: 'planned' },
  statusLong: {
    reported: 'reported (the article’s news)',
    mentioned: 'mentioned (an earlier contact)',
    planned: 'planned (an announced contact)',
  },

  list: 'Contacts in chronological order',
  noEvents: 'No contacts.',
  detail: 'Details',
  close: 'Close',
  date: 'Date',
  dateBasis: 'Basis',
  kind: 'Kind',
  status: 'Status',
  place: 'Place',
  participants: 'Participants',
  forum: 'Forum',
  bilateral: 'bilateral',
  forumsMentioned: 'Forums mentioned',
  topics: 'Topics',
  quotes: 'Quotes',
  unattributed: 'unattributed',
  sources: 'Sources',
  evidence: 'Evidence',
  evidenceLoading: 'Loading the evidence sentences …',
  evidenceFailed: 'The evidence sentences could not be loaded.',
  evidenceFailedHint:
    'Check the connection and open the contact again; if that does not help, run “npm run build:data” and reload the page.',
  evidenceFields: {
    kind: 'kind',
    status: 'status',
    date: 'date',
    place: 'place',
    participants: 'participants',
    forum: 'forum',
    forumsMentioned: 'forums mentioned',
    topics: 'topics',
  },
  related: 'Related contacts',
  warnings: 'Notices',
  openSource: 'Open article',
  file: 'File',
  selected: (title, date) => `Selected: ${title}, ${date}`,

  search: 'Search',
  searchPlaceholder: 'People, places, forums, topics … (press /)',
  clearSearch: 'Clear search',
  filters: 'Filters',
  facetNames: { forum: 'Forum', kind: 'Kind', person: 'Participants', topic: 'Topics', status: 'Status' },
  includeMentioned: 'include mentioned forums',
  dateRange: 'Period',
  from: 'from',
  to: 'to',
  useVisiblePeriod: 'Use the visible period',
  resetAll: 'Reset all filters',
  activeFilters: (n) => (n === 0 ? 'no filters active' : `${plural(n, 'filter', 'filters')} active`),
  showMore: (n) => `show ${n} more`,
  showLess: 'show less',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Copying is not possible here – please copy the address from the address bar.',
  emptyTitle: 'No contacts match this selection.',
  emptyBecause: (parts) => `You searched ${parts}.`,
  emptySearchPart: (q) => `for “${q}”`,
  emptyFilterPart: (n) => `with ${plural(n, 'active filter', 'active filters')}`,
  relaxSearch: 'Clear the search',
  relaxFilters: 'Reset the filters',
  exportLabel: 'Export',
  exportSvg: 'SVG',
  exportPng: 'PNG (2×)',
  exportCsv: 'CSV',
  exportJson: 'JSON',
  print: 'Print',
  cite: 'Cite this view',
  copy: 'Copy',
  copied: 'Copied',
  embed: 'Embed',
  embedTitle: 'Embed this view',
  embedWidth: 'Width (px)',
  embedHeight: 'Height (px)',
  embedResponsive: 'Responsive (full width, height follows content)',
  embedControls: 'With controls',
  embedLanguage: 'Language',
  embedSnippet: 'HTML code',
  embedPreview: 'Preview',
  embedScriptHint: 'For automatic height, include embed.js once on the page.',
  openFullView: 'Open full view',
  sourceLine: (title, url) => `Source: ${title} · Contact Timeline · ${url}`,
  printTable: 'Contacts in this view',
  notices: 'Notices about the address',
  urlNotice: (n) => {
    switch (n.kind) {
      case 'unreadable':
        return 'Ignored the query string: it could not be read.';
      case 'unknown-param':
        return `Ignored unknown parameter "${n.param}".`;
      case 'repeated':
        return `Ignored "${n.param}=${n.value}": given more than once.`;
      case 'too-long':
        return `Ignored "${n.param}": longer than ${n.max} characters.`;
      case 'invalid':
        return n.expected === 'event-id'
          ? `Ignored "${n.param}=${n.value}": not an event id.`
          : `Ignored "${n.param}=${n.value}": expected ${expectedEn(n.expected)}.`;
      case 'reversed-range':
        return `Ignored "from=${n.from}&to=${n.to}": the range ends before it starts.`;
      case 'reversed-window':
        return `Ignored "view=${n.value}": the window ends before it starts.`;
      case 'foreign-data':
        return 'Ignored "data": only datasets from this site can be loaded.';
    }
  },
  dismiss: 'Dismiss',
  partsMissing:
    'Part of the page could not be loaded: the connection is gone, or the site was updated since this page was opened. What needs it (search, for one) works again after a reload.',
  reload: 'Reload page',
};
