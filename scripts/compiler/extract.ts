/**
 * From one article's text to candidate contact events: the contact it reports, the contacts it recalls or
 * announces, and whether it is relevant at all. Pure: the knowledge base and alias indexes come in, facts come out,
 * each with the sentence (and the words) that support it. Nothing here reads files or knows about other articles.
 *
 * The rules work on "cues" (words that name a contact, from knowledge/cues.yaml) and attach every date, place,
 * forum and person of a sentence to the nearest cue, so one sentence can report one contact and recall another
 * ("Das Treffen diente der … während des Moskauer Gipfels im Mai vereinbarten Agenda").
 */
import type { EventDate, EventKind, EventStatus, Evidence, Quote, Span } from '../../src/lib/dataset/types.ts';
import type { AliasIndex, EntityMatch } from './aliases.ts';
import { compatible, findDates, type DateMention, type Language, type PartialDate } from './dates.ts';
import { holdersOf, rolesAt, type Knowledge } from './knowledge.ts';
import { findQuotations, splitSentences, type Quotation, type Sentence } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

export interface ExtractorContext {
  knowledge: Knowledge;
  entities: AliasIndex;
  cues: AliasIndex;
}

export interface ArticleInput {
  documentId: string;
  text: string;
  /** Where the article body starts (after a header line). */
  bodyStart: number;
  language: string;
  /** Publication date from header or sidecar: what relative expressions resolve against. */
  reference: PartialDate | null;
  referenceBasis: 'header' | 'sidecar' | 'text';
  /** The header line (or dateline), as evidence for dates taken from it. */
  referenceSpan: Span | null;
  /** The dateline at the top of the body, whose date is the reference, not a contact's date. */
  datelineSpan?: Span | null;
}

export interface CandidateEvent {
  document: string;
  status: EventStatus;
  kind: EventKind;
  date: EventDate;
  place: string | null;
  participants: string[];
  forum: string | null;
  forumsMentioned: string[];
  topics: string[];
  quotes: Quote[];
  evidence: Evidence[];
  summary: string;
}

export interface AdHocForum {
  [k: string]: unknown;
  name: string;
  labels: Record<string, string>;
  aliases: string[];
  lane: 'other';
  kind: 'conference';
  adHoc: true;
}

export interface ArticleExtraction {
  relevant: boolean;
  reason?: string;
  events: CandidateEvent[];
  /** Forums named in the article that the knowledge base lacks ("am Rande der Konferenz „…“"). */
  adHocForums: Record<string, AdHocForum>;
}

type CueType = 'kind' | 'travel' | 'treaty';

interface Cue {
  type: CueType;
  kind: EventKind;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  /** Specificity when several cues describe one contact: a phone call says more than "talks". */
  rank: number;
}

interface PersonMention {
  id: string;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  /** Resolved from a role ("der chinesische Außenminister") rather than named. */
  inferred: boolean;
  /** A spokesperson or a source ("laut Sacharowa"): speaks about the contact, does not take part. */
  bystander: boolean;
}

interface DateAt extends DateMention {
  tokenStart: number;
  start: number;
  end: number;
}

interface SentenceFacts {
  sentence: Sentence;
  tokens: Token[];
  cues: Cue[];
  people: PersonMention[];
  dates: DateAt[];
  places: EntityMatch[];
  forums: EntityMatch[];
  topics: EntityMatch[];
  markers: Record<
    'planned' | 'mentioned' | 'venue' | 'venue-noun' | 'anniversary' | 'institution' | 'attribution' | 'both',
    EntityMatch[]
  >;
  institutions: EntityMatch[];
  countries: EntityMatch[];
}

/** One contact as the article talks about it: a cue with what attaches to it. */
interface Mention {
  facts: SentenceFacts;
  cue: Cue;
  status: EventStatus;
  statusEvidence?: Span;
  date: DateAt | null;
  places: EntityMatch[];
  forums: EntityMatch[];
  people: PersonMention[];
}

const KIND_RANK: Record<EventKind, number> = {
  'phone-call': 6,
  'video-call': 6,
  visit: 4,
  summit: 3,
  signing: 2,
  meeting: 1,
};
const SPOKESPERSON_ROLES = new Set(['mfa-spokesperson', 'presidential-spokesperson']);
const SUMMIT_LEVEL_ROLE = 'head-of-state';
/** How many words from a cue a status word may stand and still speak about it. */
const MARKER_REACH = 6;
/** "on the sidelines of the 24th meeting of the Council of Heads of State of the SCO" is long. */
const VENUE_REACH = 15;
const COORDINATION_REACH = 8;
/** Prepositions that make a country name a place (folded like tokens). */
const LOCATIVES = new Set(['in', 'nach', 'im', 'at', 'to', 'into', 'в', 'во', 'на']);
const ARTICLES = new Set(['the', 'der', 'dem', 'den', 'die']);

/** `DEBUG_EXTRACT=1` (./testing/debug.ts) traces the mentions; read once, as every `process.env` read is a slow call. */
const DEBUG = Boolean(process.env.DEBUG_EXTRACT);

export function extractArticle(input: ArticleInput, ctx: ExtractorContext): ArticleExtraction {
  const { text, reference } = input;
  const language: Language = input.language === 'en' || input.language === 'ru' ? input.language : 'de';
  const roleDate = reference?.start ?? '';
  const allQuotations = findQuotations(text);
  const sentences = splitSentences(text, input.bodyStart, allQuotations).filter((s) => !s.boilerplate);
  const quotations = allQuotations.filter((q) => q.start >= input.bodyStart);

  // ---- sentence facts, in reading order (short names and role words depend on what came before)
  const seenPeople = new Set<string>();
  const lastByCountry = new Map<string, string>();
  const lastInstitution: { id: string | null } = { id: null };
  const facts: SentenceFacts[] = sentences.map((sentence) => {
    const tokens = tokenize(sentence.text, sentence.start);
    const matches = ctx.entities.match(tokens);
    const cueMatches = ctx.cues.match(tokens);
    const forumsHere = inTable(matches, 'forums');
    const forums = forumsHere.filter(
      (m) => m.weak !== 'context' || forumsHere.some((o) => !o.weak && o.id === ctx.knowledge.forums[m.id]?.context),
    );
    const markers = markersOf(cueMatches);
    const f: SentenceFacts = {
      sentence,
      tokens,
      cues: findCues(cueMatches, markers.venue, forums),
      people: [],
      dates: datesAt(findDates(sentence.text, reference, language, tokens), sentence, tokens)
        // The date in a dateline ("ASTANA, July 3 (Xinhua) --") is when the report was filed: it is the reference.
        .filter((d) => !input.datelineSpan || d.start >= input.datelineSpan[1] || d.end <= input.datelineSpan[0]),
      places: inTable(matches, 'places').filter((m) => {
        // A country or a venue is a place only when the words say so ("in China", "im Kreml"); "Russlands
        // Außenminister" and "der Kreml teilte mit" name actors, not where anything happened.
        const kind = ctx.knowledge.places[m.id]?.kind;
        if (kind !== 'country' && kind !== 'venue') return true;
        const before = tokens[m.tokenStart - 1]?.key ?? '';
        return LOCATIVES.has(before) || (ARTICLES.has(before) && LOCATIVES.has(tokens[m.tokenStart - 2]?.key ?? ''));
      }),
      forums,
      topics: inTable(matches, 'topics'),
      markers,
      institutions: inTable(matches, 'institutions'),
      countries: inTable(matches, 'countries'),
    };
    // "in der russischen Hauptstadt", "в российской столице": the capital of the country named right before.
    for (const c of cueMatches.filter((m) => m.table === 'capital')) {
      const adjective = matches.find(
        (m) => m.table === 'countryAdjectives' && m.tokenEnd <= c.tokenStart && c.tokenStart - m.tokenEnd <= 1,
      );
      const capital = adjective && ctx.knowledge.countries[adjective.id]?.capital;
      if (capital && ctx.knowledge.places[capital])
        f.places.push({ ...c, table: 'places', id: capital, start: adjective.start, tokenStart: adjective.tokenStart });
    }
    f.places.sort((a, b) => a.tokenStart - b.tokenStart);
    f.people = resolvePeople(f, matches, ctx.knowledge, roleDate, seenPeople, lastByCountry);
    for (const p of f.people) {
      const country = ctx.knowledge.people[p.id]?.country;
      if (country) lastByCountry.set(country, p.id);
    }
    // "das Ministerium" in a later sentence means the ministry last named.
    for (const inst of f.institutions) lastInstitution.id = inst.id;
    if (f.institutions.length === 0 && lastInstitution.id)
      f.institutions = markers.institution.map((m) => ({ ...m, table: 'institutions', id: lastInstitution.id! }));
    return f;
  });

  // ---- contacts named in the article, each with its status
  // A loop, not `flatMap`: most sentences name no contact, and flatMap's generic path costs more than the rest.
  const mentions: Mention[] = [];
  for (const f of facts) for (const m of attachToCues(f, reference)) mentions.push(m);
  if (DEBUG)
    for (const m of mentions)
      console.error(
        `[${input.documentId}] s${m.facts.sentence.index} ${m.cue.type}:${m.cue.kind} "${text.slice(m.cue.start, m.cue.end)}" → ${m.status}` +
          ` people=${m.people.map((p) => p.id + (p.bystander ? '(b)' : '') + (p.inferred ? '(i)' : '')).join(',')} places=${m.places.map((p) => p.id)} forums=${m.forums.map((p) => p.id)} date=${m.date?.text ?? ''}`,
      );

  const forumIds: string[] = [];
  for (const f of facts) for (const m of f.forums) forumIds.push(m.id);
  const forumsMentioned = unique(forumIds);
  const adHocForums: Record<string, AdHocForum> = {};
  const events: CandidateEvent[] = [];

  // ---- the reported contact: the first reported cue with a Russian and a Chinese participant
  // A sentence may name the contact twice ("Bei einem Treffen haben … Lawrow und Wang Yi … beraten"), so the
  // participants of all its reported cues count together.
  // A contact may also run over two sentences ("Xi Jinping ist nach Russland gereist. … wurde er in Moskau von
  // Präsident Putin empfangen."): a sentence naming one side continues into the next reported sentence.
  const reportedMentions = mentions.filter((m) => m.status === 'reported' && m.cue.type !== 'treaty');
  const takingPart = (ms: Mention[]) => ms.flatMap((m) => m.people.filter((p) => !p.bystander));
  const inSentences = (fs: SentenceFacts[]) => reportedMentions.filter((m) => fs.includes(m.facts));
  let leadFacts: SentenceFacts[] | null = null;
  for (let i = 0; i < facts.length && !leadFacts; i++) {
    const here = inSentences([facts[i]!]);
    if (here.length === 0) continue;
    if (hasBothSides(takingPart(here), ctx.knowledge)) leadFacts = [facts[i]!];
    else if (facts[i + 1] && hasBothSides(takingPart(inSentences([facts[i]!, facts[i + 1]!])), ctx.knowledge))
      leadFacts = [facts[i]!, facts[i + 1]!];
  }
  let relevant = false;
  let reason: string | undefined;
  if (leadFacts) {
    relevant = true;
    const leadSentence = leadFacts[leadFacts.length - 1]!;
    const leadMentions = inSentences(leadFacts);
    const lead = leadMentions.find((m) => m.cue.type === 'kind') ?? leadMentions[0]!;
    const leadPeople = new Set(takingPart(leadMentions).map((p) => p.id));
    const leadDate = leadMentions.find((m) => m.date?.value)?.date?.value;
    // Later reported cues describe the same contact when they add no one new and agree on the date.
    const group = reportedMentions.filter(
      (m) =>
        leadFacts.includes(m.facts) ||
        (m.facts.sentence.index > leadSentence.sentence.index &&
          m.date?.relation !== 'anaphoric' &&
          sameActors(m, leadPeople, ctx.knowledge) &&
          (!m.date?.value || !leadDate || compatible(m.date.value, leadDate))),
    );
    // Other contacts told like news are recalled or announced relative to the lead:
    // "Am Vortag hatte Putin Xi bereits in Peking getroffen", "Am Freitag will er nach Harbin reisen".
    for (const m of reportedMentions) {
      if (group.includes(m) || !m.date?.value) continue;
      const when = leadDate ? relativeTo(m.date.value, leadDate, false) : 'current';
      if (m.date.relation === 'anaphoric' || when === 'earlier') setStatus(m, 'mentioned', m.date);
      else if (when === 'later') setStatus(m, 'planned', m.date);
    }
    events.push(
      buildReported(
        input,
        lead,
        leadMentions,
        group,
        facts,
        quotations,
        forumsMentioned,
        adHocForums,
        ctx,
        findDateline(facts, ctx.knowledge),
      ),
    );
  } else {
    reason = irrelevanceReason(mentions, ctx.knowledge);
  }

  // ---- recalled and announced contacts
  const leadParticipants = events[0]?.participants ?? [];
  for (const m of mentions) {
    if (m.status === 'reported') continue;
    const event = buildOther(input, m, ctx.knowledge, language, leadParticipants);
    if (event) events.push(event);
  }

  return { relevant, ...(reason ? { reason } : {}), events, adHocForums };
}

// ------------------------------------------------------------------------------------------------ cues

/**
 * The matches of one table. (Helpers that run per sentence are module functions, not closures: the TypeScript
 * loader names every named closure when it is created, which costs more than the helper itself.)
 */
function inTable(matches: EntityMatch[], table: string): EntityMatch[] {
  return matches.filter((m) => m.table === table);
}

/** A sentence's date mentions placed in the document: character span and first token. */
function datesAt(mentions: DateMention[], sentence: Sentence, tokens: Token[]): DateAt[] {
  return mentions.map((d) => {
    const start = sentence.start + d.span[0];
    let tokenStart = 0;
    while (tokenStart < tokens.length && tokens[tokenStart]!.end <= start) tokenStart++;
    // No token ends after the date's start: the first token, as for a date before every token.
    if (tokenStart === tokens.length) tokenStart = 0;
    // Written out rather than spread (`{ ...d, … }`), in the same key order: this runs for every date found.
    return {
      span: d.span,
      text: d.text,
      value: d.value,
      relation: d.relation,
      direction: d.direction,
      start,
      end: sentence.start + d.span[1],
      tokenStart,
    };
  });
}

/** The status and context words among a sentence's cue matches, by table (one pass instead of one per table). */
function markersOf(cueMatches: EntityMatch[]): SentenceFacts['markers'] {
  const markers: SentenceFacts['markers'] = {
    planned: [],
    mentioned: [],
    venue: [],
    'venue-noun': [],
    anniversary: [],
    institution: [],
    attribution: [],
    both: [],
  };
  for (const m of cueMatches) {
    switch (m.table) {
      case 'planned':
      case 'mentioned':
      case 'venue':
      case 'venue-noun':
      case 'anniversary':
      case 'institution':
      case 'attribution':
      case 'both':
        markers[m.table].push(m);
    }
  }
  return markers;
}

function findCues(cueMatches: EntityMatch[], venueMarkers: EntityMatch[], forums: EntityMatch[]): Cue[] {
  const raw: Cue[] = [];
  for (const m of cueMatches) {
    let type: CueType;
    let kind: EventKind;
    if (m.table.startsWith('kind-')) {
      type = 'kind';
      kind = m.table.slice(5) as EventKind;
    } else if (m.table === 'travel') {
      type = 'travel';
      kind = 'visit';
    } else if (m.table === 'treaty') {
      type = 'treaty';
      kind = 'signing';
    } else continue;
    const rank = type === 'kind' ? KIND_RANK[kind] : 0;
    raw.push({ type, kind, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: m.start, end: m.end, rank });
  }
  // Overlapping cues ("Video-Gipfel" is a video call, not also a summit): the longer one wins.
  raw.sort(
    (a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || b.rank - a.rank,
  );
  const cues: Cue[] = [];
  for (const c of raw) {
    const last = cues[cues.length - 1];
    if (last && c.tokenStart < last.tokenEnd) continue;
    cues.push(c);
  }
  // "am Rande des BRICS-Gipfels trafen sich …": a forum's summit named after a venue word is where the contact
  // happened, not the contact. ("während des Moskauer Gipfels" names no forum: that summit is a contact itself.)
  const contactCues = cues.filter((c) => !inVenuePhrase(c, venueMarkers, forums));
  // "die anstehenden Gipfeltreffen des SOZ-Rats und des SOZ-Plus-Gipfels": the same kind named twice in a row is
  // one mention, so a status word before the first also speaks for the second.
  const merged: Cue[] = [];
  for (const c of contactCues.length > 0 ? contactCues : cues) {
    const prev = merged[merged.length - 1];
    if (prev && prev.type === c.type && prev.kind === c.kind && c.tokenStart - prev.tokenEnd <= COORDINATION_REACH)
      merged[merged.length - 1] = { ...prev, tokenEnd: c.tokenEnd };
    else merged.push(c);
  }
  return merged;
}

function inVenuePhrase(c: Cue, venueMarkers: EntityMatch[], forums: EntityMatch[]): boolean {
  return (
    venueMarkers.some((v) => v.tokenEnd <= c.tokenStart && c.tokenStart - v.tokenEnd <= 3) &&
    forums.some((f) => f.tokenEnd <= c.tokenEnd && c.tokenStart - f.tokenEnd <= 1)
  );
}

// ------------------------------------------------------------------------------------------------ people

function resolvePeople(
  f: SentenceFacts,
  matches: EntityMatch[],
  knowledge: Knowledge,
  roleDate: string,
  seenPeople: Set<string>,
  lastByCountry: Map<string, string>,
): PersonMention[] {
  const people: PersonMention[] = [];

  for (const m of matches) {
    if (m.table !== 'people') continue;
    if (m.weak === 'short' && !seenPeople.has(m.id)) continue;
    addPerson(people, m.id, m, false, f, knowledge, roleDate);
    seenPeople.add(m.id);
  }

  // Role words: "der chinesische Außenminister", "Russlands Präsident", "die Außenminister Russlands und Chinas".
  const adjectives = matches.filter((m) => m.table === 'countryAdjectives');
  for (const role of matches.filter((m) => m.table === 'roles')) {
    const entry = knowledge.roles[role.id];
    if (!entry) continue;
    const countries = unique([
      ...adjectives.filter((a) => a.tokenEnd <= role.tokenStart && role.tokenStart - a.tokenEnd <= 1).map((a) => a.id),
      // "Russlands Außenminister", "Chinas neuer Verteidigungsminister"
      ...f.countries.filter((c) => c.tokenEnd <= role.tokenStart && role.tokenStart - c.tokenEnd <= 1).map((c) => c.id),
      ...followingCountries(f.countries, role.tokenEnd),
    ]);
    for (const country of countries) {
      // "der chinesische Außenminister Wang Yi": the role word describes the person named beside it.
      if (people.some((p) => !p.inferred && knowledge.people[p.id]?.country === country)) continue;
      let holder: string | undefined;
      if (entry.generic) {
        // "sein chinesischer Amtskollege": the same office as the other person here, in the other country.
        const other = people.find((p) => knowledge.people[p.id]?.country !== country && !p.bystander);
        const otherRole = other ? rolesAt(knowledge.people[other.id]!, roleDate || '0000')[0]?.role : undefined;
        const holders = otherRole && roleDate ? holdersOf(knowledge, otherRole, country, roleDate) : [];
        holder = holders.length === 1 ? holders[0] : lastByCountry.get(country);
      } else {
        const holders = holdersOf(knowledge, role.id, country, roleDate);
        if (holders.length === 1) holder = holders[0];
      }
      if (holder && !people.some((p) => p.id === holder)) {
        addPerson(people, holder, role, true, f, knowledge, roleDate);
        seenPeople.add(holder);
      }
    }
  }
  return people.sort((a, b) => a.tokenStart - b.tokenStart);
}

/** Where a mention stands, in tokens and characters. */
interface Place {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
}

function addPerson(
  people: PersonMention[],
  id: string,
  m: Place,
  inferred: boolean,
  f: SentenceFacts,
  knowledge: Knowledge,
  roleDate: string,
) {
  if (people.some((p) => p.id === id)) return;
  people.push({
    id,
    tokenStart: m.tokenStart,
    tokenEnd: m.tokenEnd,
    start: m.start,
    end: m.end,
    inferred,
    bystander: isBystander(id, m.tokenStart, f, knowledge, roleDate),
  });
}

function isBystander(id: string, tokenStart: number, f: SentenceFacts, knowledge: Knowledge, roleDate: string) {
  return (
    (knowledge.people[id] ? rolesAt(knowledge.people[id], roleDate || '0000') : []).some((r) =>
      SPOKESPERSON_ROLES.has(r.role),
    ) || f.markers.attribution.some((a) => a.tokenEnd <= tokenStart && tokenStart - a.tokenEnd <= 3)
  );
}

/** "Außenminister Russlands und Chinas": country nouns right after a role word, joined by "und"/"and"/"и". */
function followingCountries(countries: EntityMatch[], from: number): string[] {
  const out: string[] = [];
  let next = from;
  for (const c of [...countries].sort((a, b) => a.tokenStart - b.tokenStart)) {
    if (c.tokenStart < from) continue;
    if (c.tokenStart !== next && c.tokenStart !== next + 1) break;
    out.push(c.id);
    next = c.tokenEnd;
  }
  return out;
}

const countryOf = (id: string, knowledge: Knowledge) => knowledge.people[id]?.country;
const isRuCn = (id: string, knowledge: Knowledge) => ['RU', 'CN'].includes(countryOf(id, knowledge) ?? '');

/**
 * A later sentence speaks of the lead contact when it names none of its own actors or shares one with the lead
 * ("Belousov, who replaced Sergei Shoigu …, was greeted … before talks"): only a contact between others is another one.
 */
function sameActors(m: Mention, leadPeople: ReadonlySet<string>, knowledge: Knowledge): boolean {
  const actors = m.people.filter((p) => !p.bystander && isRuCn(p.id, knowledge));
  return actors.length === 0 || actors.some((p) => leadPeople.has(p.id));
}

function hasBothSides(people: PersonMention[], knowledge: Knowledge): boolean {
  const countries = new Set(people.map((p) => countryOf(p.id, knowledge)));
  return countries.has('RU') && countries.has('CN');
}

// ------------------------------------------------------------------------------------------------ status

/** Every date, place, forum and person of a sentence goes to the nearest cue; each cue becomes a mention. */
function attachToCues(f: SentenceFacts, reference: PartialDate | null): Mention[] {
  if (f.cues.length === 0) return [];
  const personCues = f.cues.filter((c) => c.type !== 'treaty');
  const mentions = f.cues.map((cue) => {
    const dates = nearestTo(cue, f.dates, f.cues);
    const mention: Mention = {
      facts: f,
      cue,
      status: 'reported',
      // "am Donnerstag, dem 15. September" in a September article: the day beats the month the weekday resolves to.
      date:
        [...dates].sort(
          (a, b) => precisionRank(b) - precisionRank(a) || (b.value?.end ? 1 : 0) - (a.value?.end ? 1 : 0),
        )[0] ?? null,
      places: cue.type === 'treaty' ? [] : nearestTo(cue, f.places, personCues),
      forums: nearestTo(cue, f.forums, f.cues),
      people: cue.type === 'treaty' ? [] : nearestTo(cue, f.people, personCues),
    };
    classify(mention, reference);
    return mention;
  });
  // "Zuletzt hatten sich Putin und Xi im Oktober beim BRICS-Gipfel in Kasan getroffen": a cue with nothing of its
  // own (no one, no date, no status word) belongs to the contact its neighbour describes.
  for (const m of mentions) {
    if (m.statusEvidence || m.date || m.people.length > 0 || m.cue.type === 'treaty') continue;
    const neighbour = mentions
      .filter((o) => o !== m && o.statusEvidence && o.cue.type !== 'treaty')
      .sort((a, b) => cueDistance(a.cue, m.cue) - cueDistance(b.cue, m.cue))[0];
    if (neighbour) {
      m.status = neighbour.status;
      m.statusEvidence = neighbour.statusEvidence;
    }
  }
  return mentions;
}

/** The items whose nearest cue (of `cues`) is `cue`. */
function nearestTo<T extends { tokenStart: number; tokenEnd?: number }>(cue: Cue, xs: T[], cues: Cue[]): T[] {
  return xs.filter((x) => cues.length > 0 && nearestCue(x, cues) === cue);
}

function nearestCue(x: { tokenStart: number; tokenEnd?: number }, cues: Cue[]): Cue {
  let best = cues[0]!;
  let bestDistance = Infinity;
  for (const c of cues) {
    const end = x.tokenEnd ?? x.tokenStart + 1;
    const d = end <= c.tokenStart ? c.tokenStart - end : x.tokenStart >= c.tokenEnd ? x.tokenStart - c.tokenEnd : 0;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function cueDistance(a: Cue, b: Cue): number {
  return a.tokenEnd <= b.tokenStart
    ? b.tokenStart - a.tokenEnd
    : b.tokenEnd <= a.tokenStart
      ? a.tokenStart - b.tokenEnd
      : 0;
}

const PRECISION_RANK = { day: 3, month: 2, year: 1 } as const;
function precisionRank(d: DateMention): number {
  return d.value ? PRECISION_RANK[d.value.precision] : 0;
}

function classify(m: Mention, reference: PartialDate | null) {
  const { cue, facts } = m;
  if (cue.type === 'treaty') {
    m.status = 'mentioned';
    return;
  }
  const date = m.date;
  // "накануне провели встречу" opens a report about yesterday; "am Vortag traf er …" after the news is a recap.
  // Which one it is depends on the lead, decided in extractArticle: here it only counts as recent.
  if (date?.value && reference) {
    const relation = relativeTo(date.value, reference);
    if (relation === 'earlier') return setStatus(m, 'mentioned', date);
    if (relation === 'later') return setStatus(m, 'planned', date);
    if (relation === 'current') return;
  }
  if (date?.direction === 'future') return setStatus(m, 'planned', date);
  let best: { status: EventStatus; d: number; m: EntityMatch } | null = null;
  for (const [status, list] of [
    ['planned', facts.markers.planned],
    ['mentioned', facts.markers.mentioned],
  ] as const) {
    for (const x of list) {
      const d = tokenGap(x, cue);
      if (d <= MARKER_REACH && (!best || d < best.d)) best = { status, d, m: x };
    }
  }
  if (best) setStatus(m, best.status, best.m);
}

/** Tokens between two spans (0 when they overlap). */
function tokenGap(x: { tokenStart: number; tokenEnd: number }, y: { tokenStart: number; tokenEnd: number }): number {
  return x.tokenEnd <= y.tokenStart
    ? y.tokenStart - x.tokenEnd
    : x.tokenStart >= y.tokenEnd
      ? x.tokenStart - y.tokenEnd
      : 0;
}

function setStatus(m: Mention, status: EventStatus, because: { start: number; end: number }) {
  m.status = status;
  m.statusEvidence = [because.start, because.end];
}

/** Day numbers are not needed: ISO strings of one precision compare as text. */
function relativeTo(value: PartialDate, reference: PartialDate, newsLag = true): 'current' | 'earlier' | 'later' {
  if (compatible(value, reference)) return 'current';
  const [vs, ve] = bounds(value);
  const [rs, re] = bounds(reference);
  if (ve < rs) {
    // News reports yesterday's meeting: a day within the week before a day-precise article date is still the news.
    if (newsLag && value.precision === 'day' && reference.precision === 'day' && daysBetween(ve, rs) <= 7)
      return 'current';
    return 'earlier';
  }
  if (vs > re) return 'later';
  return 'current';
}

function bounds(d: PartialDate): [string, string] {
  const end = d.end ?? d.start;
  const first = d.start.length === 4 ? `${d.start}-01-01` : d.start.length === 7 ? `${d.start}-01` : d.start;
  const last = end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end;
  return [first, last];
}

function daysBetween(a: string, b: string): number {
  return (
    (Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) -
      Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) /
    86_400_000
  );
}

// ------------------------------------------------------------------------------------------------ reported event

function buildReported(
  input: ArticleInput,
  lead: Mention,
  leadMentions: Mention[],
  group: Mention[],
  facts: SentenceFacts[],
  quotations: Quotation[],
  forumsMentioned: string[],
  adHocForums: Record<string, AdHocForum>,
  ctx: ExtractorContext,
  dateline: { f: SentenceFacts; p: EntityMatch } | null,
): CandidateEvent {
  const { knowledge } = ctx;
  const evidence: Evidence[] = [];
  const cite = (field: string, f: SentenceFacts, match?: { start: number; end: number }) =>
    evidence.push({
      field,
      span: [f.sentence.start, f.sentence.end],
      ...(match ? { match: [match.start, match.end] as Span } : {}),
    });

  // Kind: the most specific contact word of the lead sentence (later sentences may name the venue's summit or
  // the talks in general); travel alone makes a visit.
  const byRank = (ms: Mention[]) => ms.filter((m) => m.cue.type === 'kind').sort((a, b) => b.cue.rank - a.cue.rank)[0];
  // A later "прошли в режиме видеоконференции" says how the lead's "встреча" was held: calls beat the lead's word.
  const call = group.find((m) => m.cue.type === 'kind' && (m.cue.kind === 'phone-call' || m.cue.kind === 'video-call'));
  const kindCue = call ?? byRank(leadMentions) ?? byRank(group) ?? lead;
  let kind = kindCue.cue.kind;
  cite('kind', kindCue.facts, kindCue.cue);
  cite('status', lead.facts, lead.cue);

  // Participants: everyone taking part in the lead sentence(s); later sentences only add place, date and venue.
  const participants: string[] = [];
  for (const m of leadMentions)
    for (const p of m.people) {
      if (p.bystander || participants.includes(p.id)) continue;
      if (!isRuCn(p.id, knowledge)) {
        // A third party takes part only when named in the same clause as the contact word in the lead
        // ("Lawrow, Wang Yi und Jaishankar trafen sich"), not in an aside (", hours after Donald Trump returned").
        if (
          !leadMentions.includes(m) ||
          /[,;–—()]/.test(input.text.slice(Math.min(p.end, m.cue.end), Math.max(p.start, m.cue.start)))
        )
          continue;
      }
      participants.push(p.id);
      cite('participants', m.facts, p);
    }

  // Date: a date said about this contact, else the article's date at its precision, else unknown.
  let date: EventDate = { start: null, precision: 'unknown', basis: input.referenceBasis };
  const dated = group.find((m) => m.date?.value);
  if (dated?.date?.value) {
    const v = dated.date.value;
    date = {
      start: v.start,
      ...(v.end ? { end: v.end } : {}),
      precision: v.precision,
      basis: dated.date.relation === 'absolute' ? 'text' : input.referenceBasis,
    };
    cite('date', dated.facts, dated.date);
  } else if (input.reference) {
    const v = input.reference;
    date = { start: v.start, ...(v.end ? { end: v.end } : {}), precision: v.precision, basis: input.referenceBasis };
    if (input.referenceSpan) evidence.push({ field: 'date', span: input.referenceSpan });
  }

  // Talks between the two heads of state in person are a summit, whatever word the article uses for them.
  const at = date.start ?? input.reference?.start ?? '';
  if (kind === 'meeting' && at) {
    const leaderOf = (country: string) =>
      participants.some(
        (p) =>
          knowledge.people[p]?.country === country &&
          rolesAt(knowledge.people[p]!, at).some((r) => r.role === SUMMIT_LEVEL_ROLE),
      );
    if (leaderOf('RU') && leaderOf('CN')) kind = 'summit';
  }

  // Place: a city named with the contact beats a venue (which stands for its city) and a country; else the
  // dateline ("Peking – …", "NEU-DELHI. …"). Calls have no place: the places they name are where the callers sat.
  const placed = group.flatMap((m) => m.places.map((p) => ({ f: m.facts, p })));
  if (placed.length === 0 && dateline) placed.push(dateline);
  const rank = (id: string) =>
    ({ city: 0, region: 1, venue: 1, country: 2 })[knowledge.places[id]?.kind ?? 'city'] ?? 0;
  const place =
    kind === 'phone-call' || kind === 'video-call'
      ? undefined
      : [...placed].sort((a, b) => rank(a.p.id) - rank(b.p.id))[0];
  if (place) cite('place', place.f, place.p);

  // Venue: a forum named right after "am Rande", "im Rahmen", "Sitzung des …" in a sentence about this contact.
  let forum: string | null = null;
  const venueTitles = new Set<number>();
  for (const m of group) {
    const f = m.facts;
    // Only forums attached to this contact's cue: a recalled "BRICS-Gipfel" in the same sentence is not the venue.
    const strong = f.markers.venue.flatMap((v) =>
      m.forums.filter((x) => x.tokenStart >= v.tokenEnd && x.tokenStart - v.tokenEnd <= VENUE_REACH),
    );
    const nouns = f.markers['venue-noun'].flatMap((v) =>
      m.forums.filter((x) => Math.abs(x.tokenStart - v.tokenEnd) <= 2 || Math.abs(v.tokenStart - x.tokenEnd) <= 1),
    );
    const hit = strong[0] ?? nouns[0];
    if (hit) {
      forum = hit.id;
      cite('forum', f, hit);
      break;
    }
    // A forum the knowledge base does not know: the quoted title after "am Rande der Konferenz".
    const title = quotations.find(
      (q) =>
        q.start >= f.sentence.start &&
        q.end <= f.sentence.end &&
        f.markers.venue.some((v) => q.start >= v.end && tokensBetween(f.tokens, v.end, q.start) <= VENUE_REACH),
    );
    if (title) {
      const name = title.text.replace(/\s+/g, ' ').trim();
      const key = `conf-${slug(name)}`;
      adHocForums[key] = {
        name,
        labels: { [input.language]: name },
        aliases: [name],
        lane: 'other',
        kind: 'conference',
        adHoc: true,
      };
      forum = key;
      venueTitles.add(title.start);
      cite('forum', f, title);
      break;
    }
  }
  const venueCity = place ? knowledge.places[place.p.id]?.city : undefined;
  const placeId =
    venueCity ??
    place?.p.id ??
    (forum && kind !== 'phone-call' && kind !== 'video-call' ? (knowledge.forums[forum]?.place ?? null) : null);

  // Topics: every topic of the article except in sentences that only speak of other contacts.
  // Topics of a sentence about another contact (one with people of its own, outside this contact's sentences)
  // belong to that contact.
  const inGroup = new Set(group.map((m) => m.facts));
  const aboutOthers = (f: SentenceFacts) => !inGroup.has(f) && f.cues.length > 0 && f.people.length > 0;
  const topics: string[] = [];
  for (const f of facts) {
    if (aboutOthers(f)) continue;
    for (const t of f.topics) {
      if (topics.includes(t.id)) continue;
      topics.push(t.id);
      cite('topics', f, t);
    }
  }
  for (const f of facts) for (const x of f.forums) if (x.id !== forum) cite('forumsMentioned', f, x);

  return {
    document: input.documentId,
    status: 'reported',
    kind,
    date,
    place: placeId,
    participants,
    forum,
    forumsMentioned,
    topics,
    quotes: attributeQuotes(input.documentId, quotations, facts, knowledge, venueTitles),
    evidence: dedupeEvidence(evidence),
    summary: summarize(lead.facts.sentence.text),
  };
}

/**
 * "Peking – …", "NEU-DELHI. …", "Moskau (dpa) –": a place that opens the article, before any verb, is where it was
 * filed from, and usually where the contact took place.
 */
function findDateline(facts: SentenceFacts[], knowledge: Knowledge): { f: SentenceFacts; p: EntityMatch } | null {
  const first = facts[0];
  const p = first?.places[0];
  if (!first || !p || p.tokenStart !== 0) return null;
  if (knowledge.places[p.id]?.kind === 'country') return null;
  const after = first.sentence.text.slice(p.end - first.sentence.start, p.end - first.sentence.start + 30);
  if (
    !/^\s*(?:[.,:–—-]|\([^)]{1,30}\)\s*[–—-]|,\s*\d)/u.test(after) &&
    first.sentence.text.length > p.end - p.start + 1
  )
    return null;
  return { f: first, p };
}

// ------------------------------------------------------------------------------------------------ recalled / announced

function buildOther(
  input: ArticleInput,
  m: Mention,
  knowledge: Knowledge,
  language: Language,
  leadParticipants: string[],
): CandidateEvent | null {
  const f = m.facts;
  const evidence: Evidence[] = [];
  const cite = (field: string, match?: { start: number; end: number }) =>
    evidence.push({
      field,
      span: [f.sentence.start, f.sentence.end],
      ...(match ? { match: [match.start, match.end] as Span } : {}),
    });

  let date: EventDate = { start: null, precision: 'unknown', basis: 'text' };
  if (m.date?.value) {
    const v = m.date.value;
    date = {
      start: v.start,
      ...(v.end ? { end: v.end } : {}),
      precision: v.precision,
      basis: m.date.relation === 'absolute' ? 'text' : input.referenceBasis,
    };
    cite('date', m.date);
  } else if (m.cue.type === 'treaty') {
    const year = anniversaryYear(f, m.cue, input.reference, language);
    if (!year) return null; // an undated treaty is a document, not a dated contact
    date = { start: String(year.year), precision: 'year', basis: 'text' };
    cite('date', year.match);
  }

  const forum = m.forums[0]?.id ?? null;
  let participants = m.people.filter((p) => !p.bystander).map((p) => p.id);
  for (const p of m.people) if (!p.bystander) cite('participants', p);
  // "Die beiden hatten sich zuletzt im Mai getroffen": the two are the reported contact's participants.
  const both = f.markers.both[0];
  if (participants.length === 0 && both && hasBothSidesIds(leadParticipants, knowledge)) {
    participants = [...leadParticipants];
    cite('participants', both);
  }
  if (!hasBothSidesIds(participants, knowledge)) {
    // A summit or treaty named without its leaders ("der Moskauer Gipfel im Mai") was the heads of state's.
    const leaderLevel = m.cue.kind === 'summit' || m.cue.type === 'treaty';
    const forumHasBoth =
      !forum ||
      ['RU', 'CN'].every((c) =>
        ((knowledge.forums[forum]?.members as string[] | undefined) ?? ['RU', 'CN']).includes(c),
      );
    const at = date.start ?? input.reference?.start ?? '';
    if (!leaderLevel || !forumHasBoth || participants.length > 0 || !at) return null;
    participants = ['RU', 'CN'].flatMap((c) => holdersOf(knowledge, SUMMIT_LEVEL_ROLE, c, at).slice(0, 1));
    if (participants.length < 2) return null;
    cite('participants', m.cue);
  }

  cite('kind', m.cue);
  if (m.statusEvidence)
    evidence.push({ field: 'status', span: [f.sentence.start, f.sentence.end], match: m.statusEvidence });
  const place = m.places[0]?.id ?? null;
  if (m.places[0]) cite('place', m.places[0]);
  if (m.forums[0]) cite('forum', m.forums[0]);
  const topics = unique(f.topics.map((t) => t.id));
  for (const t of f.topics) cite('topics', t);

  return {
    document: input.documentId,
    status: m.status,
    kind: m.cue.kind,
    date,
    place,
    participants,
    forum,
    forumsMentioned: unique(f.forums.map((x) => x.id)),
    topics,
    quotes: [],
    evidence: dedupeEvidence(evidence),
    summary: summarize(f.sentence.text),
  };
}

function hasBothSidesIds(ids: string[], knowledge: Knowledge): boolean {
  const countries = new Set(ids.map((id) => countryOf(id, knowledge)));
  return countries.has('RU') && countries.has('CN');
}

/** "anlässlich des 20. Jahrestages des … Vertrages" in a 2021 article: the treaty dates from 2001. */
function anniversaryYear(f: SentenceFacts, cue: Cue, reference: PartialDate | null, _language: Language) {
  if (!reference) return null;
  for (const a of f.markers.anniversary) {
    if (a.tokenStart > cue.tokenStart || cue.tokenStart - a.tokenEnd > 6) continue;
    // The number stands right before the word ("20. Jahrestag", "20th anniversary") or is glued to it ("20-летие").
    const before = f.tokens[a.tokenStart - 1];
    const n = before && /^\d{1,3}/.exec(before.raw);
    if (n)
      return {
        year: Number(reference.start.slice(0, 4)) - Number(n[0]),
        match: { start: before.start, end: f.tokens[a.tokenEnd - 1]!.end },
      };
  }
  return null;
}

// ------------------------------------------------------------------------------------------------ quotes

/** A quotation of at least this many words is a statement; shorter ones are titles or scare quotes. */
const MIN_QUOTE_WORDS = 6;

function attributeQuotes(
  document: string,
  quotations: Quotation[],
  facts: SentenceFacts[],
  knowledge: Knowledge,
  venueTitles: Set<number>,
): Quote[] {
  const quotes: Quote[] = [];
  for (const q of quotations) {
    if ((q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUOTE_WORDS) continue;
    const i = firstEndingAfter(facts, q.start);
    const f = facts[i];
    if (!f) continue;
    // A quoted forum or conference title is a name, not a statement.
    const named = f.forums.filter((x) => x.start >= q.start && x.end <= q.end).reduce((n, x) => n + x.end - x.start, 0);
    if (named >= 0.6 * q.text.length || venueTitles.has(q.start)) continue;
    const after = speakerIn(f, q.end, f.sentence.end, knowledge);
    const before = speakerIn(f, f.sentence.start, q.start, knowledge);
    const previous = facts[i - 1];
    const intro =
      previous && /:\s*$/.test(previous.sentence.text)
        ? speakerIn(previous, previous.sentence.start, previous.sentence.end, knowledge)
        : null;
    quotes.push({
      speaker: after ?? before ?? intro ?? null,
      text: q.text,
      document,
      span: [q.textStart, q.textStart + q.text.length],
    });
  }
  return quotes;
}

/** Index of the first sentence ending after `pos` (sentences are in text order), or -1. */
function firstEndingAfter(facts: SentenceFacts[], pos: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (facts[mid]!.sentence.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo < facts.length ? lo : -1;
}

/** The speaker named between two offsets of a sentence: a person before an institution, the nearest first. */
function speakerIn(f: SentenceFacts, from: number, to: number, knowledge: Knowledge): string | null {
  const person = f.people.find((p) => p.start >= from && p.end <= to && knowledge.people[p.id]);
  if (person) return person.id;
  const institution = f.institutions.find((x) => x.start >= from && x.end <= to);
  return institution?.id ?? null;
}

// ------------------------------------------------------------------------------------------------ helpers

function irrelevanceReason(mentions: Mention[], knowledge: Knowledge): string {
  const reported = mentions.filter((m) => m.status === 'reported' && m.cue.type !== 'treaty');
  const withPeople = reported.find((m) => m.people.some((p) => !p.bystander));
  if (withPeople) {
    const names = unique(
      withPeople.people.filter((p) => !p.bystander).map((p) => knowledge.people[p.id]?.name ?? p.id),
    );
    const sides = new Set(withPeople.people.map((p) => countryOf(p.id, knowledge)));
    const missing = !sides.has('RU') ? 'no Russian participant' : 'no Chinese participant';
    return `Reports a contact of ${names.join(', ')}: ${missing}, so not a Russia–China contact.`;
  }
  if (mentions.length > 0)
    return 'Names contacts only as recalled or announced ones; reports no Russia–China contact of its own.';
  return 'Reports no diplomatic contact between Russia and China.';
}

function tokensBetween(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (const t of tokens) if (t.start >= from && t.end <= to) n++;
  return n;
}

function summarize(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  if (clean.length <= 280) return clean;
  const cut = clean.slice(0, 279);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200))} …`;
}

function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    // The same key as `${e.field}:${e.span}:${e.match ?? ''}`, without converting arrays to strings.
    const key = `${e.field}:${e.span[0]},${e.span[1]}:${e.match ? `${e.match[0]},${e.match[1]}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\u0400-\u04ff]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'untitled'
  );
}
