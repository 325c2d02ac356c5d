import { describe, it, expect, afterAll } from 'vitest';
import { compatible, findDates, morePrecise, parseIsoPartial, sortKey } from './dates.ts';
import type { DateMention, PartialDate } from './dates.ts';

type Lang = 'de' | 'en' | 'ru';
interface Expected {
  text: string;
  /** Resolved value start; null when the value cannot be resolved. */
  start: string | null;
  end?: string;
  precision?: PartialDate['precision'];
  relation: DateMention['relation'];
  direction: DateMention['direction'];
}
interface Row {
  sentence: string;
  reference: string | null;
  lang: Lang;
  expected: Expected[];
}

// Shorthands keep the table readable: abs/rel/wd/ana(text, start, precision, direction?, end?).
type P = PartialDate['precision'];
const abs = (text: string, start: string | null, precision?: P, end?: string): Expected => ({
  text,
  start,
  ...(end !== undefined ? { end } : {}),
  ...(precision ? { precision } : {}),
  relation: 'absolute',
  direction: 'unknown',
});
const mk =
  (relation: DateMention['relation']) =>
  (
    text: string,
    start: string | null,
    precision: P | undefined,
    direction: DateMention['direction'],
    end?: string,
  ): Expected => ({
    text,
    start,
    ...(end !== undefined ? { end } : {}),
    ...(precision ? { precision } : {}),
    relation,
    direction,
  });
const rel = mk('relative');
const wd = mk('weekday');
const ana = mk('anaphoric');

// Weekday anchors: 2024-04-10 and 2025-07-16 are Wednesdays, 2024-04-12 is a Friday.
const rows: Row[] = [
  // --- German: weekdays (rule 6)
  {
    sentence: 'Am Montag traf Putin Xi.',
    reference: '2024-04',
    lang: 'de',
    expected: [wd('Montag', '2024-04', 'month', 'unknown')],
  },
  {
    sentence: 'Am Montag traf Putin Xi.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('Montag', '2024-04-08', 'day', 'unknown')],
  },
  {
    sentence: 'Am Montag traf Putin Xi.',
    reference: '2024',
    lang: 'de',
    expected: [wd('Montag', '2024', 'year', 'unknown')],
  },
  {
    sentence: 'Am Montag traf Putin Xi.',
    reference: null,
    lang: 'de',
    expected: [wd('Montag', null, undefined, 'unknown')],
  },
  {
    sentence: 'Am vergangenen Dienstag telefonierten beide.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('vergangenen Dienstag', '2024-04-09', 'day', 'past')],
  },
  {
    sentence: 'Am vergangenen Mittwoch telefonierten beide.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('vergangenen Mittwoch', '2024-04-03', 'day', 'past')],
  },
  {
    sentence: 'Am kommenden Freitag reist Xi an.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('kommenden Freitag', '2024-04-12', 'day', 'future')],
  },
  {
    sentence: 'Am Mittwoch soll das Treffen stattfinden.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('Mittwoch', '2024-04-10', 'day', 'future')],
  },
  {
    sentence: 'Am Sonntagabend landete Lawrow.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('Sonntagabend', '2024-04-07', 'day', 'unknown')],
  },
  // --- German: bare months and day+month without a year (rule 4)
  {
    sentence: 'Im Mai war Lawrow in Peking.',
    reference: '2025-07',
    lang: 'de',
    expected: [rel('Mai', '2025-05', 'month', 'unknown')],
  },
  {
    sentence: 'Im Mai war Lawrow in Peking.',
    reference: '2025-02-03',
    lang: 'de',
    expected: [rel('Mai', '2024-05', 'month', 'unknown')],
  },
  {
    sentence: 'Im Mai war Lawrow in Peking.',
    reference: null,
    lang: 'de',
    expected: [rel('Mai', null, undefined, 'unknown')],
  },
  {
    sentence: 'Putin soll im Oktober nach Peking reisen',
    reference: '2025-07',
    lang: 'de',
    expected: [rel('Oktober', '2025-10', 'month', 'future')],
  },
  {
    sentence: 'Xi wird im Februar erwartet.',
    reference: '2025-07-01',
    lang: 'de',
    expected: [rel('Februar', '2026-02', 'month', 'future')],
  },
  {
    sentence: 'Im kommenden Mai ist ein Gipfel geplant.',
    reference: '2025-05-10',
    lang: 'de',
    expected: [rel('kommenden Mai', '2026-05', 'month', 'future')],
  },
  {
    sentence: 'Das Abkommen vom 3. Januar gilt weiter.',
    reference: '2021-07-16',
    lang: 'de',
    expected: [rel('3. Januar', '2021-01-03', 'day', 'unknown')],
  },
  {
    sentence: 'Am 20. Dezember kam es zum Treffen.',
    reference: '2022-02-01',
    lang: 'de',
    expected: [rel('20. Dezember', '2021-12-20', 'day', 'unknown')],
  },
  {
    sentence: 'Anfang Juli trafen sich die Minister.',
    reference: '2021-08-02',
    lang: 'de',
    expected: [rel('Anfang Juli', '2021-07', 'month', 'unknown')],
  },
  {
    sentence: 'Im Juli vergangenen Jahres begann der Dialog.',
    reference: '2025-03',
    lang: 'de',
    expected: [rel('Juli vergangenen Jahres', '2024-07', 'month', 'past')],
  },
  {
    sentence: 'Im Oktober wird Putin nach Peking reisen.',
    reference: '2025-11-20',
    lang: 'de',
    expected: [rel('Oktober', '2026-10', 'month', 'future')],
  },
  {
    sentence: 'Lawrow sagte am Montag, dass Xi im Mai kommen werde.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [wd('Montag', '2024-04-08', 'day', 'unknown'), rel('Mai', '2024-05', 'month', 'future')],
  },
  {
    sentence: 'Am 16.07. unterzeichneten sie.',
    reference: '2021-08-01',
    lang: 'de',
    expected: [rel('16.07.', '2021-07-16', 'day', 'unknown')],
  },
  // --- German: full dates, month+year, ranges (rules 1–3)
  {
    sentence: 'Am 16. Juli 2021 unterzeichneten beide den Vertrag.',
    reference: null,
    lang: 'de',
    expected: [abs('16. Juli 2021', '2021-07-16', 'day')],
  },
  {
    sentence: 'Das Dokument vom 16.07.2021 liegt vor.',
    reference: null,
    lang: 'de',
    expected: [abs('16.07.2021', '2021-07-16', 'day')],
  },
  {
    sentence: 'Am 16.7.21 war es so weit.',
    reference: null,
    lang: 'de',
    expected: [abs('16.7.21', '2021-07-16', 'day')],
  },
  {
    sentence: 'Im Juli 2021 besuchte Wang Moskau.',
    reference: '2024-01-01',
    lang: 'de',
    expected: [abs('Juli 2021', '2021-07', 'month')],
  },
  {
    sentence: 'Ende Juli 2021 kam Wang nach Moskau.',
    reference: null,
    lang: 'de',
    expected: [abs('Ende Juli 2021', '2021-07', 'month')],
  },
  {
    sentence: 'Im M?rz 2022 und im Maerz 2023',
    reference: null,
    lang: 'de',
    expected: [abs('M?rz 2022', '2022-03', 'month'), abs('Maerz 2023', '2023-03', 'month')],
  },
  {
    sentence: 'Seit Jänner 2020 gilt das.',
    reference: null,
    lang: 'de',
    expected: [abs('Jänner 2020', '2020-01', 'month')],
  },
  {
    sentence: 'Der Gipfel vom 16. bis 17. September 2024 in Kasan.',
    reference: null,
    lang: 'de',
    expected: [abs('16. bis 17. September 2024', '2024-09-16', 'day', '2024-09-17')],
  },
  {
    sentence: 'Die Gespräche am 16.–17. September verliefen gut.',
    reference: '2024-10-01',
    lang: 'de',
    expected: [rel('16.–17. September', '2024-09-16', 'day', 'unknown', '2024-09-17')],
  },
  {
    sentence: 'Vom 16. bis 18. Juli tagte die Kommission.',
    reference: '2024-08',
    lang: 'de',
    expected: [rel('16. bis 18. Juli', '2024-07-16', 'day', 'unknown', '2024-07-18')],
  },
  {
    sentence: 'Am 16. und 17. Juli fanden Manöver statt.',
    reference: '2024-08',
    lang: 'de',
    expected: [rel('16. und 17. Juli', '2024-07-16', 'day', 'unknown', '2024-07-17')],
  },
  {
    sentence: 'Xi war vom 20. bis 22. März 2023 in Moskau.',
    reference: null,
    lang: 'de',
    expected: [abs('20. bis 22. März 2023', '2023-03-20', 'day', '2023-03-22')],
  },
  {
    sentence: 'Vom 30. Dezember bis 2. Januar 2024 ruhten die Gespräche.',
    reference: null,
    lang: 'de',
    expected: [abs('30. Dezember bis 2. Januar 2024', '2023-12-30', 'day', '2024-01-02')],
  },
  {
    sentence: 'Von März bis Mai 2022 liefen Verhandlungen.',
    reference: null,
    lang: 'de',
    expected: [abs('März bis Mai 2022', '2022-03', 'month', '2022-05')],
  },
  {
    sentence: 'Am 29. Februar 2024 trafen sie sich.',
    reference: null,
    lang: 'de',
    expected: [abs('29. Februar 2024', '2024-02-29', 'day')],
  },
  {
    sentence: 'Am 29. Februar 2023 trafen sie sich.',
    reference: null,
    lang: 'de',
    expected: [abs('29. Februar 2023', null)],
  },
  {
    sentence: 'Das ISO-Datum 2021-07-16 und der Monat 2021-07.',
    reference: null,
    lang: 'de',
    expected: [abs('2021-07-16', '2021-07-16', 'day'), abs('2021-07', '2021-07', 'month')],
  },
  // --- German: years (rule 5)
  {
    sentence: 'Im Jahr 2001 unterzeichneten sie den Nachbarschaftsvertrag.',
    reference: null,
    lang: 'de',
    expected: [abs('Jahr 2001', '2001', 'year')],
  },
  { sentence: 'Seit 2019 wächst der Handel.', reference: null, lang: 'de', expected: [abs('2019', '2019', 'year')] },
  {
    sentence: 'Von 2019 bis 2021 stieg der Handel.',
    reference: null,
    lang: 'de',
    expected: [abs('2019 bis 2021', '2019', 'year', '2021')],
  },
  { sentence: 'Zum 20. Jahrestag des Vertrags gratulierte Xi.', reference: '2021-07-16', lang: 'de', expected: [] },
  { sentence: 'Auf dem G20-Gipfel sprachen sie über COVID-19.', reference: '2021-07-16', lang: 'de', expected: [] },
  {
    sentence: 'Die Agenda 2030 und die Vision 2035 wurden erwähnt.',
    reference: '2021-07-16',
    lang: 'de',
    expected: [],
  },
  { sentence: 'Rund 2000 Soldaten nahmen teil.', reference: '2021-07-16', lang: 'de', expected: [] },
  // --- German: relative and anaphoric (rule 7) and word boundaries (rule 8)
  {
    sentence: 'Gestern traf Lawrow Wang Yi.',
    reference: null,
    lang: 'de',
    expected: [rel('Gestern', null, undefined, 'past')],
  },
  {
    sentence: 'Gestern traf Lawrow Wang Yi.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [rel('Gestern', '2024-04-09', 'day', 'past')],
  },
  {
    sentence: 'Gestern traf Lawrow Wang Yi.',
    reference: '2024-04',
    lang: 'de',
    expected: [rel('Gestern', '2024-04', 'month', 'past')],
  },
  {
    sentence: 'Vorgestern kam die Delegation.',
    reference: '2024-03-01',
    lang: 'de',
    expected: [rel('Vorgestern', '2024-02-28', 'day', 'past')],
  },
  {
    sentence: 'Heute Morgen begann der Besuch.',
    reference: '2024-03-01',
    lang: 'de',
    expected: [rel('Heute Morgen', '2024-03-01', 'day', 'same')],
  },
  {
    sentence: 'Morgen reist Xi ab, am Morgen war Ruhe.',
    reference: '2024-12-31',
    lang: 'de',
    expected: [rel('Morgen', '2025-01-01', 'day', 'future')],
  },
  {
    sentence: 'Letzte Woche gab es Gespräche.',
    reference: '2024-04-03',
    lang: 'de',
    expected: [rel('Letzte Woche', '2024-03', 'month', 'past')],
  },
  {
    sentence: 'Vorigen Monat kam Wang nach Moskau.',
    reference: '2024-01-15',
    lang: 'de',
    expected: [rel('Vorigen Monat', '2023-12', 'month', 'past')],
  },
  {
    sentence: 'Nächsten Monat folgt der Gegenbesuch.',
    reference: '2024-12',
    lang: 'de',
    expected: [rel('Nächsten Monat', '2025-01', 'month', 'future')],
  },
  {
    sentence: 'Im vergangenen Jahr wuchs der Handel.',
    reference: '2024-01',
    lang: 'de',
    expected: [rel('vergangenen Jahr', '2023', 'year', 'past')],
  },
  {
    sentence: 'In diesem Jahr wächst er weiter.',
    reference: '2024-05-05',
    lang: 'de',
    expected: [rel('diesem Jahr', '2024', 'year', 'same')],
  },
  {
    sentence: 'Nächstes Jahr soll ein Gipfel folgen.',
    reference: '2024',
    lang: 'de',
    expected: [rel('Nächstes Jahr', '2025', 'year', 'future')],
  },
  {
    sentence: 'Am Vortag hatte Xi telefoniert.',
    reference: '2024-03-01',
    lang: 'de',
    expected: [ana('Vortag', '2024-02-29', 'day', 'past')],
  },
  {
    sentence: 'Am selben Tag reiste er ab.',
    reference: '2024-03-01',
    lang: 'de',
    expected: [ana('selben Tag', '2024-03-01', 'day', 'same')],
  },
  {
    sentence: 'Maier schickte eine Mail an Augustin und den Märzenbecher.',
    reference: '2024-04-10',
    lang: 'de',
    expected: [],
  },

  // --- English
  {
    sentence: 'On Tuesday, Lavrov met Wang Yi.',
    reference: '2024-04-10',
    lang: 'en',
    expected: [wd('Tuesday', '2024-04-09', 'day', 'unknown')],
  },
  {
    sentence: 'On Tuesday, Lavrov met Wang Yi.',
    reference: '2024-04',
    lang: 'en',
    expected: [wd('Tuesday', '2024-04', 'month', 'unknown')],
  },
  {
    sentence: 'They meet again next Friday.',
    reference: '2024-04-12',
    lang: 'en',
    expected: [wd('next Friday', '2024-04-19', 'day', 'future')],
  },
  {
    sentence: 'Lavrov was in Beijing in May.',
    reference: '2025-07',
    lang: 'en',
    expected: [rel('May', '2025-05', 'month', 'unknown')],
  },
  {
    sentence: 'Lavrov was in Beijing in May.',
    reference: '2025-02-03',
    lang: 'en',
    expected: [rel('May', '2024-05', 'month', 'unknown')],
  },
  {
    sentence: 'Putin is set to visit Beijing in October.',
    reference: '2025-11-02',
    lang: 'en',
    expected: [rel('October', '2026-10', 'month', 'future')],
  },
  {
    sentence: 'A summit is planned for next May.',
    reference: '2025-05-10',
    lang: 'en',
    expected: [rel('next May', '2026-05', 'month', 'future')],
  },
  {
    sentence: 'The treaty signed on 3 January remains in force.',
    reference: '2021-07-16',
    lang: 'en',
    expected: [rel('3 January', '2021-01-03', 'day', 'unknown')],
  },
  {
    sentence: 'Talks began in early July.',
    reference: '2021-08',
    lang: 'en',
    expected: [rel('early July', '2021-07', 'month', 'unknown')],
  },
  {
    sentence: 'In May last year the talks stalled.',
    reference: '2025-03',
    lang: 'en',
    expected: [rel('May last year', '2024-05', 'month', 'past')],
  },
  {
    sentence: 'The treaty was signed on July 16, 2021.',
    reference: null,
    lang: 'en',
    expected: [abs('July 16, 2021', '2021-07-16', 'day')],
  },
  {
    sentence: 'The treaty was signed on 16 July 2021.',
    reference: null,
    lang: 'en',
    expected: [abs('16 July 2021', '2021-07-16', 'day')],
  },
  {
    sentence: 'Xi arrived on Jan. 5, 2022 and left in Sept. 2022.',
    reference: null,
    lang: 'en',
    expected: [abs('Jan. 5, 2022', '2022-01-05', 'day'), abs('Sept. 2022', '2022-09', 'month')],
  },
  {
    sentence: 'Xi visited Moscow on March 20-22, 2023.',
    reference: null,
    lang: 'en',
    expected: [abs('March 20-22, 2023', '2023-03-20', 'day', '2023-03-22')],
  },
  {
    sentence: 'Xi visited Moscow on 20–22 March.',
    reference: '2023-04',
    lang: 'en',
    expected: [rel('20–22 March', '2023-03-20', 'day', 'unknown', '2023-03-22')],
  },
  {
    sentence: 'Exercises ran from March to May 2022.',
    reference: null,
    lang: 'en',
    expected: [abs('March to May 2022', '2022-03', 'month', '2022-05')],
  },
  {
    sentence: 'Trade grew in July 2021 and again in mid-July 2022.',
    reference: null,
    lang: 'en',
    expected: [abs('July 2021', '2021-07', 'month'), abs('mid-July 2022', '2022-07', 'month')],
  },
  { sentence: 'The treaty dates from 2001.', reference: null, lang: 'en', expected: [abs('2001', '2001', 'year')] },
  {
    sentence: 'Yesterday the ministers met.',
    reference: '2024-01-01',
    lang: 'en',
    expected: [rel('Yesterday', '2023-12-31', 'day', 'past')],
  },
  {
    sentence: 'They will meet tomorrow.',
    reference: null,
    lang: 'en',
    expected: [rel('tomorrow', null, undefined, 'future')],
  },
  {
    sentence: 'Xi had called Putin the day before.',
    reference: '2024-03-01',
    lang: 'en',
    expected: [ana('the day before', '2024-02-29', 'day', 'past')],
  },
  {
    sentence: 'Lavrov flew home the following day.',
    reference: '2024-02-28',
    lang: 'en',
    expected: [ana('the following day', '2024-02-29', 'day', 'future')],
  },
  {
    sentence: 'Talks were held last week.',
    reference: '2024-04',
    lang: 'en',
    expected: [rel('last week', '2024-04', 'month', 'past')],
  },
  {
    sentence: 'Talks were held last month.',
    reference: '2024-03-31',
    lang: 'en',
    expected: [rel('last month', '2024-02', 'month', 'past')],
  },
  {
    sentence: 'A summit follows next year.',
    reference: '2024-06',
    lang: 'en',
    expected: [rel('next year', '2025', 'year', 'future')],
  },
  {
    sentence: 'Trade rose this year.',
    reference: '2024-06-01',
    lang: 'en',
    expected: [rel('this year', '2024', 'year', 'same')],
  },
  // A future marker reaches only its own clause: Monday was said in the past, March lies ahead.
  {
    sentence: 'Xi said on Monday that the two sides will meet in March.',
    reference: '2024-04-10',
    lang: 'en',
    expected: [wd('Monday', '2024-04-08', 'day', 'unknown'), rel('March', '2025-03', 'month', 'future')],
  },
  { sentence: 'Theresa May said leaders may march on.', reference: '2024-06-01', lang: 'en', expected: [] },
  {
    sentence: 'Vision 2035 and the G20 were discussed during COVID-19.',
    reference: '2024-06-01',
    lang: 'en',
    expected: [],
  },

  // --- Russian
  {
    sentence: 'В среду Лавров встретился с Ван И.',
    reference: '2025-07-16',
    lang: 'ru',
    expected: [wd('среду', '2025-07-16', 'day', 'unknown')],
  },
  {
    sentence: 'В среду Лавров встретился с Ван И.',
    reference: '2025-07',
    lang: 'ru',
    expected: [wd('среду', '2025-07', 'month', 'unknown')],
  },
  {
    sentence: 'В прошлую пятницу прошли переговоры.',
    reference: '2025-07-16',
    lang: 'ru',
    expected: [wd('прошлую пятницу', '2025-07-11', 'day', 'past')],
  },
  {
    sentence: 'Договор подписан 16 июля 2021 года.',
    reference: null,
    lang: 'ru',
    expected: [abs('16 июля 2021 года', '2021-07-16', 'day')],
  },
  {
    sentence: 'Договор подписан 16.07.2021.',
    reference: null,
    lang: 'ru',
    expected: [abs('16.07.2021', '2021-07-16', 'day')],
  },
  {
    sentence: 'Визит прошёл с 20 по 22 марта.',
    reference: '2025-04',
    lang: 'ru',
    expected: [rel('20 по 22 марта', '2025-03-20', 'day', 'unknown', '2025-03-22')],
  },
  {
    sentence: 'Визит прошёл с 20 по 22 марта 2023 года.',
    reference: null,
    lang: 'ru',
    expected: [abs('20 по 22 марта 2023 года', '2023-03-20', 'day', '2023-03-22')],
  },
  {
    sentence: 'Учения шли с марта по май 2022 года.',
    reference: null,
    lang: 'ru',
    expected: [abs('марта по май 2022 года', '2022-03', 'month', '2022-05')],
  },
  {
    sentence: 'Это случилось в июле 2021 года.',
    reference: null,
    lang: 'ru',
    expected: [abs('июле 2021 года', '2021-07', 'month')],
  },
  {
    sentence: 'Это случилось в начале июля 2021 года.',
    reference: null,
    lang: 'ru',
    expected: [abs('начале июля 2021 года', '2021-07', 'month')],
  },
  {
    sentence: 'Лавров был в Пекине в мае.',
    reference: '2025-02-03',
    lang: 'ru',
    expected: [rel('мае', '2024-05', 'month', 'unknown')],
  },
  {
    sentence: 'Лавров был в Пекине в мае.',
    reference: '2025-07',
    lang: 'ru',
    expected: [rel('мае', '2025-05', 'month', 'unknown')],
  },
  {
    sentence: 'Визит состоится в октябре.',
    reference: '2025-07',
    lang: 'ru',
    expected: [rel('октябре', '2025-10', 'month', 'future')],
  },
  {
    sentence: 'Договор подписали 3 января.',
    reference: '2021-07-16',
    lang: 'ru',
    expected: [rel('3 января', '2021-01-03', 'day', 'unknown')],
  },
  {
    sentence: 'В мае прошлого года начались переговоры.',
    reference: '2025-03',
    lang: 'ru',
    expected: [rel('мае прошлого года', '2024-05', 'month', 'past')],
  },
  {
    sentence: 'Договор подписан в 2001 году.',
    reference: null,
    lang: 'ru',
    expected: [abs('2001 году', '2001', 'year')],
  },
  {
    sentence: 'Вчера министры провели встречу.',
    reference: '2025-03-01',
    lang: 'ru',
    expected: [rel('Вчера', '2025-02-28', 'day', 'past')],
  },
  {
    sentence: 'Сегодня министры провели встречу.',
    reference: '2025-03',
    lang: 'ru',
    expected: [rel('Сегодня', '2025-03', 'month', 'same')],
  },
  {
    sentence: 'Завтра министры проведут встречу.',
    reference: null,
    lang: 'ru',
    expected: [rel('Завтра', null, undefined, 'future')],
  },
  {
    sentence: 'Накануне Си Цзиньпин позвонил Путину.',
    reference: '2025-01-01',
    lang: 'ru',
    expected: [ana('Накануне', '2024-12-31', 'day', 'past')],
  },
  {
    sentence: 'На прошлой неделе прошли консультации.',
    reference: '2025-07-03',
    lang: 'ru',
    expected: [rel('прошлой неделе', '2025-06', 'month', 'past')],
  },
  {
    sentence: 'В прошлом месяце прошли консультации.',
    reference: '2025-01-10',
    lang: 'ru',
    expected: [rel('прошлом месяце', '2024-12', 'month', 'past')],
  },
  {
    sentence: 'В прошлом году товарооборот вырос.',
    reference: '2025',
    lang: 'ru',
    expected: [rel('прошлом году', '2024', 'year', 'past')],
  },
  {
    sentence: 'В этом году товарооборот вырос.',
    reference: '2025-05-05',
    lang: 'ru',
    expected: [rel('этом году', '2025', 'year', 'same')],
  },
  { sentence: 'Охрана окружающей среды обсуждалась за завтраком.', reference: '2025-05-05', lang: 'ru', expected: [] },
];

describe('findDates', () => {
  it.each(rows)('$lang: $sentence (ref $reference)', ({ sentence, reference, lang, expected }) => {
    const ref = reference === null ? null : parseIsoPartial(reference);
    if (reference !== null) expect(ref).not.toBeNull();
    const got = findDates(sentence, ref, lang);
    const simplified = got.map((m): Expected => ({
      text: m.text,
      start: m.value?.start ?? null,
      ...(m.value?.end !== undefined ? { end: m.value.end } : {}),
      ...(m.value ? { precision: m.value.precision } : {}),
      relation: m.relation,
      direction: m.direction,
    }));
    expect(simplified).toEqual(expected);
    // Spans point at the text, come in order and never overlap.
    for (const [i, m] of got.entries()) {
      expect(sentence.slice(m.span[0], m.span[1])).toBe(m.text);
      const prev = got[i - 1];
      if (prev) expect(m.span[0]).toBeGreaterThanOrEqual(prev.span[1]);
    }
  });

  it('returns nothing quickly for sentences without date material', () => {
    expect(findDates('Die Außenminister sprachen über Handel und Sicherheit.', null, 'de')).toEqual([]);
    expect(findDates('Министры обсудили торговлю и безопасность.', null, 'ru')).toEqual([]);
  });
});

describe('parseIsoPartial', () => {
  it.each([
    ['2021', { start: '2021', precision: 'year' }],
    ['2021-07', { start: '2021-07', precision: 'month' }],
    ['2021-07-13', { start: '2021-07-13', precision: 'day' }],
    ['13.07.2021', { start: '2021-07-13', precision: 'day' }],
    ['2021-07-13T23:30:00+03:00', { start: '2021-07-13', precision: 'day' }],
    ['2024-02-29', { start: '2024-02-29', precision: 'day' }],
    ['2021-13', null],
    ['2021-02-30', null],
    ['2023-02-29', null],
    ['31.04.2021', null],
    ['July 2021', null],
    ['', null],
  ] as const)('%s', (input, expected) => {
    expect(parseIsoPartial(input)).toEqual(expected);
  });
});

const pd = (s: string): PartialDate => {
  const p = parseIsoPartial(s);
  if (!p) throw new Error(`bad test date ${s}`);
  return p;
};
const days16to17: PartialDate = { start: '2021-07-16', end: '2021-07-17', precision: 'day' };

describe('compatible / morePrecise / sortKey', () => {
  it.each([
    [pd('2021-07'), pd('2021-07-16'), true],
    [pd('2021-07'), pd('2021'), true],
    [pd('2021-07'), pd('2021-08'), false],
    [pd('2021-07-16'), pd('2021-07-17'), false],
    [pd('2020'), pd('2021-01-01'), false],
    [days16to17, pd('2021-07-16'), true],
    [days16to17, pd('2021-07'), true],
    [days16to17, pd('2021-07-18'), false],
  ])('compatible(%o, %o) = %s', (a, b, expected) => {
    expect(compatible(a, b)).toBe(expected);
    expect(compatible(b, a)).toBe(expected);
  });

  it.each([
    [pd('2021-07'), pd('2021-07-16'), pd('2021-07-16')],
    [pd('2021'), pd('2021-07'), pd('2021-07')],
    [pd('2021-07-16'), pd('2021'), pd('2021-07-16')],
    [pd('2021-07'), days16to17, days16to17],
    [days16to17, pd('2021-07-16'), pd('2021-07-16')],
    [pd('2021-07'), pd('2021-07'), pd('2021-07')],
  ])('morePrecise(%o, %o)', (a, b, expected) => {
    expect(morePrecise(a, b)).toEqual(expected);
  });

  it('sortKey orders chronologically with coarser precision first on ties', () => {
    const values: (PartialDate | null)[] = [
      null,
      pd('2021-07-16'),
      days16to17,
      pd('2021-07'),
      pd('2021'),
      pd('2020-12-31'),
      pd('2021-07-01'),
      pd('2021-08'),
    ];
    const sorted = [...values].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    expect(sorted).toEqual([
      pd('2020-12-31'),
      pd('2021'),
      pd('2021-07'),
      pd('2021-07-01'),
      pd('2021-07-16'),
      days16to17,
      pd('2021-08'),
      null,
    ]);
  });
});

describe('time-zone independence', () => {
  const originalTz = process.env.TZ;
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  const probe = (): unknown => [
    findDates('Am Montag traf Putin Xi.', pd('2024-04-10'), 'de'),
    findDates('Gestern und am Vortag', pd('2024-03-01'), 'de'),
    findDates('Yesterday the ministers met.', pd('2024-01-01'), 'en'),
    findDates('В прошлую пятницу прошли переговоры.', pd('2025-07-16'), 'ru'),
    findDates('They meet again next Friday.', pd('2024-04-12'), 'en'),
    sortKey(pd('2021-07')),
  ];
  const baseline = probe();

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])('gives identical results with TZ=%s', (tz) => {
    process.env.TZ = tz;
    // Make sure the zone change really took effect, otherwise this test would prove nothing.
    const offset = new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset();
    expect(offset).toBe(tz === 'Pacific/Kiritimati' ? -840 : 480);
    expect(probe()).toEqual(baseline);
  });
});
