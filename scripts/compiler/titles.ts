/**
 * Generated event titles in every UI language, from structured fields only (never from article prose), so a German
 * article's meeting reads "Meeting of Sergey Lavrov and Wang Yi in Beijing" in the English UI.
 */
import type { ContactEvent, EventKind } from '../../src/lib/dataset/types.ts';

type Label = (table: 'people' | 'places' | 'forums', key: string, lang: string) => string;

const KIND_WORDS: Record<string, Record<EventKind, string>> = {
  en: {
    meeting: 'Meeting',
    'phone-call': 'Phone call',
    'video-call': 'Video call',
    visit: 'Visit',
    summit: 'Summit',
    signing: 'Signing',
  },
  de: {
    meeting: 'Treffen',
    'phone-call': 'Telefonat',
    'video-call': 'Videokonferenz',
    visit: 'Besuch',
    summit: 'Gipfel',
    signing: 'Unterzeichnung',
  },
};
const JOIN: Record<string, { of: string; and: string; in: string; at: string }> = {
  en: { of: 'of', and: 'and', in: 'in', at: 'at the' },
  de: { of: 'von', and: 'und', in: 'in', at: '–' },
};

export function buildTitles(
  event: Pick<ContactEvent, 'kind' | 'participants' | 'place' | 'forum'>,
  label: Label,
): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const lang of Object.keys(KIND_WORDS)) {
    const words = JOIN[lang]!;
    const names = event.participants.map((p) => label('people', p, lang));
    const people =
      names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${words.and} ${names[names.length - 1]}`;
    let title = KIND_WORDS[lang]![event.kind];
    if (people) title += ` ${words.of} ${people}`;
    if (event.place) title += ` ${words.in} ${label('places', event.place, lang)}`;
    if (event.forum) title += ` (${label('forums', event.forum, lang)})`;
    titles[lang] = title;
  }
  return titles;
}
