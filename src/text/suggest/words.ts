/*
 * The closed word classes the suggester reads sentences with, each written
 * once. Lower-case unless a list says otherwise.
 */

/** "Some analysts", "many economists": a quantifier before a group of speakers. */
export const QUANTIFIER_WORDS = ['some', 'many', 'most', 'several', 'other', 'few'];

/** Words that may stand before an expert group's role: the quantifiers, and adjectives that say whose experts they are. */
export const QUANTIFIERS = [...QUANTIFIER_WORDS, 'independent', 'foreign', 'western', 'leading', 'outside'];

/** Prepositions that may stand inside a name: "Ministry of Defence", "Bank for International Settlements". */
const NAME_PREPOSITIONS = ['of', 'for', 'at', 'from', 'in', 'on', 'with'];

/** Prepositions that join a role to its place ("analyst at", "head of"): never a role's last word. */
export const PREPOSITIONS = new Set([...NAME_PREPOSITIONS, 'by']);

/** Adverbs between a speaker and the verb: "the agency also said", "KCNA later reported". */
export const SPEAKER_ADVERBS = ['also', 'later', 'earlier', 'then', 'previously', 'again', 'separately', 'repeatedly'];

/** Words between a speaker and the verb: "has also said", "later told". */
export const SKIPPED = new Set([
  'have', 'has', 'had', 'will', 'would', 'did', 'does', 'do', 'may', 'might', 'could', 'can',
  ...SPEAKER_ADVERBS, 'recently', 'further', 'already',
]);

export const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'"]);
export const ARTICLES = new Set(['the', 'a', 'an']);
export const DETS = new Set([...ARTICLES, ...QUANTIFIER_WORDS, 'its', 'his', 'her', 'their', 'both', 'all', 'two', 'three', 'four', 'five']);
/** Words inside a name or a speaker phrase: "Ministry of Defence", "Ursula von der Leyen". */
export const CONNECTORS = new Set([...NAME_PREPOSITIONS, 'to', 'and', 'de', 'del', 'la', 'le', 'van', 'von', 'der', 'bin', 'al']);
export const NEGATIONS = new Set(['not', 'never', "didn't", 'didn’t', "doesn't", 'doesn’t', "don't", 'don’t', "hasn't", 'hasn’t', "haven't", 'haven’t', "won't", 'won’t', 'cannot']);
/** Capitalised words that start sentences or clauses but are never part of a speaker's name. */
export const STOP_CAPS = new Set([
  'In', 'On', 'At', 'During', 'After', 'Before', 'But', 'And', 'Or', 'While', 'When', 'If', 'As', 'However', 'Meanwhile',
  'Still', 'Also', 'Since', 'Despite', 'Although', 'Though', 'Because', 'Until', 'With', 'Without', 'For', 'From', 'By',
  'To', 'Of', 'Speaking', 'Amid', 'Following', 'Under', 'Over', 'Yet', 'So', 'Then', 'Now', 'Earlier', 'Later', 'Last',
  'Next', 'According', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'There', 'Here', 'This', 'That', 'These', 'Those',
  'What', 'Who', 'Why', 'How', 'Where', 'Is', 'Will', 'Are', 'Was', 'Did', 'Does', 'Do', 'Can', 'Could', 'Would', 'Should',
]);
/** Capitalised words that say nothing about who the actor is, for "same actor" checks and name registries. */
export const NOT_NAMES = new Set([
  'The', 'A', 'An', 'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'New', 'Central',
  'National', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'President', 'Leader', 'Prime', 'Minister', 'General', 'Some', 'Many',
  'Most', 'Several', 'Other', 'Others', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);
/** Words that may open a sentence before its subject: "During the visit, Kim …". */
export const INTRO_WORDS = new Set(['in', 'during', 'at', 'on', 'after', 'before', 'despite', 'since', 'under', 'with', 'without', 'for', 'following', 'amid', 'speaking', 'earlier', 'later', 'last', 'according', 'meanwhile', 'however']);
export const RELATIVES = new Set(['who', 'whose', 'which', 'that', 'where']);
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their']);
/** What may follow an inverted speaker ("said the ministry in a statement"). */
export const AFTER_INVERTED = new Set(['in', 'on', 'at', 'during', 'last', 'this', 'earlier', 'late', 'after', 'before', 'when', 'while', 'who', 'adding', 'told', 'as', 'citing', 'referring']);
/** Titles kept before a one-word name: "Dr. Ruiz", "President Xi". */
export const HONORIFICS = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'President', 'Leader', 'General', 'Premier']);
