/**
 * The words `suggestProvenance` decides by. Rules are data: extend them with
 * `suggestProvenance(text, { lexicon: { … } })` (arrays are concatenated to
 * these defaults) or swap them with `replaceLexicon: true`.
 *
 * Everything matches on word boundaries; a space in a phrase matches any run
 * of whitespace and an apostrophe matches ' or ’. Outlet names and aliases
 * match case-sensitively (so "RT" never matches "rt", nor "MENA" "mena"), and
 * so do verbs and opinion markers ("may" is a marker, "May" a month; "states"
 * is a verb, "United States" is not); every other phrase matches in any case.
 */

/** An outlet: its canonical name (used as the suggestion's `source`) and other spellings. */
export interface Outlet {
  name: string;
  aliases: string[];
  /** For a state outlet: the `name` of its entry in `stateCountries`. */
  country?: string;
}

/** A state whose media the lexicon lists as state-controlled. */
export interface StateCountry {
  /** "North Korea". */
  name: string;
  /** "North Korean": generic state media of this country are named "North Korean state media". */
  adjective: string;
  /** Other names of the state or its government: "Pyongyang", "DPRK", "the North". Matched case-sensitively. */
  aliases: string[];
}

export interface Lexicon {
  /** State-controlled outlets. Content attributed to one is a state-media claim. */
  stateOutlets: Outlet[];
  /**
   * Other outlets and wire services. Attribution to one is reported fact, and
   * an anaphor ("the agency said") after one refers to it, not to state media.
   */
  otherOutlets: Outlet[];
  /**
   * States with state-controlled media. Material such a state releases itself
   * ("photos released by Pyongyang") is read as state media, and generic state
   * media of a known country get one name ("North Korean state media").
   */
  stateCountries: StateCountry[];
  /** Phrases that name state media without naming the outlet: "state media", "official news agency". */
  stateMediaCues: string[];
  /** Adjectives that make a following `mediaNouns` word state media: "state-run" + "newspaper". */
  stateAdjectives: string[];
  /** Kinds of outlet, for `stateAdjectives` and after an outlet's name ("Xinhua news agency"). */
  mediaNouns: string[];
  /**
   * Noun phrases that refer back to an outlet named earlier in the paragraph
   * (else earlier in the article): "the agency said", "according to the newspaper".
   */
  outletAnaphors: string[];
  /** Singular; a plural in "s" matches too ("analysts"). Make a speaker an expert. */
  expertRoles: string[];
  /** Words in a speaker's description that make them an expert: "institute", "think tank". */
  expertOrganisations: string[];
  /** Official roles that make a speaker an expert when "former" comes first: "former ambassador". */
  formerRoles: string[];
  /** Singular or plural as listed. Make a speaker an official: reported fact, never state media by itself. */
  officialRoles: string[];
  /**
   * Titles that, after "the", name the actor of the sentences before ("The
   * leader also visited…"), so a state-media account carries on to them.
   */
  actorTitles: string[];
  /** Verbs of saying, lower-case, in every form to match: "said", "says", "told". ("according to" is built in.) */
  attributionVerbs: string[];
  /** Further verbs that make an outlet a source when it is their subject: "showed", "aired". */
  mediaVerbs: string[];
  /**
   * Verbs of judgement, not of saying: with an expert as subject they make an
   * opinion ("Several analysts read the timing as…", "Many observers doubt…").
   */
  opinionVerbs: string[];
  /** What a state releases that speaks for it: "photos", "footage" (in "photos released by Pyongyang"). */
  releasedMaterials: string[];
  /**
   * Phrases before an outlet that attribute to it: "according to TASS",
   * "carried by KCNA", "told the Global Times". Up to four words may come
   * between ("according to North Korea's official KCNA").
   */
  attributionPrepositions: string[];
  /** Words of judgement or forecast, matched case-sensitively: "could", "likely", "in my view", "I think". */
  opinionMarkers: string[];
  /** Speakers that refer back to the previous speaker in the paragraph: "he said", "others argue". */
  speakerPronouns: string[];
}

/** The built-in rules, deeply frozen: extend them through `SuggestOptions.lexicon`. */
export const DEFAULT_LEXICON: Lexicon = deepFreeze<Lexicon>({
  stateOutlets: [
    { name: 'KCNA', aliases: ['Korean Central News Agency', 'KCNA'], country: 'North Korea' },
    { name: 'Rodong Sinmun', aliases: ['Rodong Sinmun', 'Rodong Shinmun'], country: 'North Korea' },
    { name: 'KCTV', aliases: ['Korean Central Television', 'KCTV'], country: 'North Korea' },
    { name: 'Uriminzokkiri', aliases: ['Uriminzokkiri'], country: 'North Korea' },
    { name: 'Xinhua', aliases: ['Xinhua News Agency', 'Xinhua'], country: 'China' },
    { name: "People's Daily", aliases: ["People's Daily", 'Renmin Ribao'], country: 'China' },
    { name: 'Global Times', aliases: ['Global Times', 'Huanqiu Shibao'], country: 'China' },
    { name: 'China Daily', aliases: ['China Daily'], country: 'China' },
    { name: 'CCTV', aliases: ['China Central Television', 'CCTV'], country: 'China' },
    { name: 'CGTN', aliases: ['China Global Television Network', 'CGTN'], country: 'China' },
    { name: 'China News Service', aliases: ['China News Service'], country: 'China' },
    { name: 'TASS', aliases: ['TASS', 'ITAR-TASS', 'Tass'], country: 'Russia' },
    { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'], country: 'Russia' },
    { name: 'RT', aliases: ['Russia Today', 'RT'], country: 'Russia' },
    { name: 'Sputnik', aliases: ['Sputnik News', 'Sputnik'], country: 'Russia' },
    { name: 'Rossiya 1', aliases: ['Rossiya 1', 'Rossiya-1', 'Channel One Russia', 'Perviy Kanal'], country: 'Russia' },
    { name: 'Rossiyskaya Gazeta', aliases: ['Rossiyskaya Gazeta'], country: 'Russia' },
    { name: 'BelTA', aliases: ['Belarusian Telegraph Agency', 'BelTA'], country: 'Belarus' },
    { name: 'IRNA', aliases: ['Islamic Republic News Agency', 'IRNA'], country: 'Iran' },
    { name: 'Press TV', aliases: ['Press TV', 'PressTV'], country: 'Iran' },
    { name: 'IRIB', aliases: ['Islamic Republic of Iran Broadcasting', 'IRIB'], country: 'Iran' },
    { name: 'SANA', aliases: ['Syrian Arab News Agency', 'SANA'], country: 'Syria' },
    { name: 'MENA', aliases: ['Middle East News Agency', 'MENA'], country: 'Egypt' },
    { name: 'Al-Ahram', aliases: ['Al-Ahram', 'Al Ahram'], country: 'Egypt' },
    { name: 'SPA', aliases: ['Saudi Press Agency', 'SPA'], country: 'Saudi Arabia' },
    { name: 'WAM', aliases: ['Emirates News Agency', 'WAM'], country: 'United Arab Emirates' },
    { name: 'KUNA', aliases: ['Kuwait News Agency', 'KUNA'], country: 'Kuwait' },
    { name: 'Anadolu', aliases: ['Anadolu Agency', 'Anadolu'], country: 'Turkey' },
    { name: 'TRT', aliases: ['Turkish Radio and Television', 'TRT World', 'TRT'], country: 'Turkey' },
    { name: 'Prensa Latina', aliases: ['Prensa Latina'], country: 'Cuba' },
    { name: 'Granma', aliases: ['Granma'], country: 'Cuba' },
    { name: 'Cubadebate', aliases: ['Cubadebate'], country: 'Cuba' },
    { name: 'VTV', aliases: ['Venezolana de Televisión', 'VTV'], country: 'Venezuela' },
    { name: 'Telesur', aliases: ['Telesur', 'teleSUR'], country: 'Venezuela' },
    { name: 'VNA', aliases: ['Vietnam News Agency', 'VNA'], country: 'Vietnam' },
    { name: 'Nhan Dan', aliases: ['Nhan Dan', 'Nhân Dân'], country: 'Vietnam' },
    { name: 'KPL', aliases: ['Lao News Agency', 'KPL'], country: 'Laos' },
    {
      name: 'MRTV',
      aliases: ['Myanma Radio and Television', 'MRTV', 'Global New Light of Myanmar'],
      country: 'Myanmar',
    },
    { name: 'Eri-TV', aliases: ['Eri-TV'], country: 'Eritrea' },
  ],
  otherOutlets: [
    { name: 'Reuters', aliases: ['Reuters'] },
    { name: 'AP', aliases: ['Associated Press', 'AP'] },
    { name: 'AFP', aliases: ['Agence France-Presse', 'AFP'] },
    { name: 'Bloomberg', aliases: ['Bloomberg News', 'Bloomberg'] },
    { name: 'Yonhap', aliases: ['Yonhap News Agency', 'Yonhap'] },
    { name: 'Kyodo', aliases: ['Kyodo News', 'Kyodo'] },
    { name: 'NHK', aliases: ['NHK'] },
    { name: 'BBC', aliases: ['BBC'] },
    { name: 'CNN', aliases: ['CNN'] },
    { name: 'Al Jazeera', aliases: ['Al Jazeera'] },
    { name: 'Interfax', aliases: ['Interfax'] },
    { name: 'Kommersant', aliases: ['Kommersant'] },
    { name: 'NK News', aliases: ['NK News'] },
    { name: 'Caixin', aliases: ['Caixin'] },
    { name: 'South China Morning Post', aliases: ['South China Morning Post', 'SCMP'] },
    { name: 'dpa', aliases: ['Deutsche Presse-Agentur', 'dpa'] },
    { name: 'EFE', aliases: ['EFE'] },
    { name: 'ANSA', aliases: ['ANSA'] },
  ],
  stateCountries: [
    {
      name: 'North Korea',
      adjective: 'North Korean',
      aliases: ['North Korea', 'North Korean', 'Pyongyang', 'DPRK', 'the North'],
    },
    { name: 'China', adjective: 'Chinese', aliases: ['China', 'Chinese', 'Beijing', 'PRC'] },
    { name: 'Russia', adjective: 'Russian', aliases: ['Russia', 'Russian', 'Moscow', 'the Kremlin'] },
    { name: 'Belarus', adjective: 'Belarusian', aliases: ['Belarus', 'Belarusian', 'Minsk'] },
    { name: 'Iran', adjective: 'Iranian', aliases: ['Iran', 'Iranian', 'Tehran'] },
    { name: 'Syria', adjective: 'Syrian', aliases: ['Syria', 'Syrian', 'Damascus'] },
    { name: 'Egypt', adjective: 'Egyptian', aliases: ['Egypt', 'Egyptian', 'Cairo'] },
    { name: 'Saudi Arabia', adjective: 'Saudi', aliases: ['Saudi Arabia', 'Saudi', 'Riyadh'] },
    {
      name: 'United Arab Emirates',
      adjective: 'Emirati',
      aliases: ['United Arab Emirates', 'UAE', 'Emirati', 'Abu Dhabi'],
    },
    { name: 'Kuwait', adjective: 'Kuwaiti', aliases: ['Kuwait', 'Kuwaiti'] },
    { name: 'Turkey', adjective: 'Turkish', aliases: ['Turkey', 'Türkiye', 'Turkish', 'Ankara'] },
    { name: 'Cuba', adjective: 'Cuban', aliases: ['Cuba', 'Cuban', 'Havana'] },
    { name: 'Venezuela', adjective: 'Venezuelan', aliases: ['Venezuela', 'Venezuelan', 'Caracas'] },
    { name: 'Vietnam', adjective: 'Vietnamese', aliases: ['Vietnam', 'Vietnamese', 'Hanoi'] },
    { name: 'Laos', adjective: 'Lao', aliases: ['Laos', 'Lao', 'Vientiane'] },
    { name: 'Myanmar', adjective: 'Myanmar', aliases: ['Myanmar', 'Burma', 'Naypyitaw', 'Naypyidaw'] },
    { name: 'Eritrea', adjective: 'Eritrean', aliases: ['Eritrea', 'Eritrean', 'Asmara'] },
  ],
  stateMediaCues: [
    'state media',
    'state news agency',
    'state television',
    'state TV',
    'state broadcaster',
    'state radio',
    'state newspaper',
    'state press',
    'official media',
    'official news agency',
    'official press',
    'party newspaper',
    'party mouthpiece',
    'party media',
  ],
  stateAdjectives: [
    'state-run',
    'state-controlled',
    'state-owned',
    'state-funded',
    'state-backed',
    'state-affiliated',
    'government-run',
    'government-controlled',
    'party-run',
    'party-controlled',
  ],
  mediaNouns: [
    'media',
    'news agency',
    'agency',
    'newspaper',
    'daily',
    'tabloid',
    'television',
    'TV',
    'broadcaster',
    'radio',
    'channel',
    'outlet',
    'news outlet',
    'press',
    'website',
  ],
  outletAnaphors: [
    'the agency',
    'the news agency',
    'the newspaper',
    'the paper',
    'the daily',
    'the tabloid',
    'the broadcaster',
    'the channel',
    'the outlet',
    'the report',
    'the dispatch',
    'the commentary',
    'the editorial',
  ],
  expertRoles: [
    'analyst',
    'expert',
    'economist',
    'professor',
    'senior fellow',
    'research fellow',
    'visiting fellow',
    'fellow at',
    'fellow with',
    'researcher',
    'scholar',
    'lecturer',
    'strategist',
    'consultant',
    'scientist',
    'political scientist',
    'academic',
    'historian',
    'sociologist',
    'demographer',
    'meteorologist',
    'climatologist',
    'seismologist',
    'volcanologist',
    'epidemiologist',
    'virologist',
    'criminologist',
    'commentator',
    'think tank',
    'think-tank',
    'specialist',
    'observer',
    'watcher',
    'Prof.',
  ],
  expertOrganisations: [
    'institute',
    'university',
    'think tank',
    'think-tank',
    'academy',
    'polytechnic',
    'studies',
    'research centre',
    'research center',
    'research group',
  ],
  formerRoles: [
    'ambassador',
    'official',
    'diplomat',
    'attache',
    'attaché',
    'envoy',
    'negotiator',
    'minister',
    'general',
    'commander',
    'officer',
    'adviser',
    'advisor',
    'intelligence',
  ],
  officialRoles: [
    'ministry',
    'minister',
    'chief executive',
    'executive',
    'chairman',
    'chairwoman',
    'director',
    'CEO',
    'ministers',
    'government',
    'governments',
    'official',
    'officials',
    'spokesperson',
    'spokesman',
    'spokeswoman',
    'president',
    'prime minister',
    'premier',
    'chancellor',
    'mayor',
    'governor',
    'police',
    'military',
    'army',
    'navy',
    'air force',
    'authorities',
    'department',
    'agency',
    'bureau',
    'commission',
    'office',
    'service',
    'embassy',
    'ambassador',
    'diplomat',
    'diplomats',
    'envoy',
    'lawmaker',
    'lawmakers',
    'senator',
    'prosecutors',
    'prosecutor',
    'court',
    'regulator',
    'central bank',
    'Kremlin',
    'White House',
    'Pentagon',
    'joint chiefs',
    'joint staff',
    'general staff',
    'command',
  ],
  actorTitles: [
    'leader',
    'supreme leader',
    'president',
    'premier',
    'prime minister',
    'chairman',
    'chairwoman',
    'general secretary',
    'minister',
    'foreign minister',
    'defence minister',
    'defense minister',
    'king',
    'emir',
    'crown prince',
    'spokesman',
    'spokeswoman',
    'spokesperson',
    'commander',
    'general',
    'envoy',
    'ambassador',
  ],
  attributionVerbs: [
    'said',
    'says',
    'say',
    'told',
    'tells',
    'tell',
    'added',
    'adds',
    'stated',
    'noted',
    'notes',
    'announced',
    'announces',
    'claimed',
    'claims',
    'claim',
    'reported',
    'reports',
    'quoted',
    'cited',
    'wrote',
    'writes',
    'warned',
    'warns',
    'warn',
    'argued',
    'argues',
    'argue',
    'insisted',
    'insists',
    'explained',
    'explains',
    'predicted',
    'predicts',
    'predict',
    'believes',
    'believe',
    'believed',
    'thinks',
    'think',
    'expects',
    'expect',
    'expected',
    'suspect',
    'suspects',
    'cautioned',
    'cautions',
    'caution',
    'estimated',
    'estimates',
    'estimate',
    'acknowledged',
    'asserted',
    'contended',
    'maintained',
    'conceded',
    'countered',
    'suggested',
    'suggests',
    'suggest',
    'confirmed',
    'confirms',
    'described',
    'called',
    'asked',
    'replied',
    'recalled',
    'concluded',
    'pointed out',
    'points out',
  ],
  mediaVerbs: [
    'showed',
    'shows',
    'aired',
    'airs',
    'broadcast',
    'broadcasts',
    'published',
    'publishes',
    'carried',
    'carries',
    'ran',
    'runs',
    'released',
    'printed',
    'highlighted',
    'hailed',
    'praised',
    'denounced',
    'dismissed',
    'slammed',
    'criticised',
    'criticized',
    'condemned',
    'lauded',
    'accused',
    'blamed',
    'urged',
    'stressed',
    'alleged',
    'described',
    'called',
    'branded',
  ],
  opinionVerbs: [
    'read',
    'reads',
    'see',
    'sees',
    'saw',
    'view',
    'views',
    'viewed',
    'interpret',
    'interprets',
    'interpreted',
    'regard',
    'regards',
    'regarded',
    'consider',
    'considers',
    'considered',
    'attribute',
    'attributes',
    'attributed',
    'doubt',
    'doubts',
    'doubted',
    'question',
    'questions',
    'questioned',
    'suspected',
    'link',
    'links',
    'linked',
    'dismiss',
    'dismisses',
    'dismissed',
  ],
  releasedMaterials: [
    'photos',
    'photo',
    'photographs',
    'pictures',
    'images',
    'footage',
    'video',
    'videos',
    'stills',
    'satellite images',
  ],
  attributionPrepositions: [
    'according to',
    'carried by',
    'cited by',
    'quoted by',
    'published by',
    'released by',
    'aired by',
    'broadcast by',
    'reported by',
    'distributed by',
    'shown on',
    'aired on',
    'broadcast on',
    'published in',
    'told',
    'in an interview with',
    'in comments to',
  ],
  opinionMarkers: [
    'could',
    'may',
    'might',
    'would likely',
    'likely',
    'unlikely',
    'probably',
    'possibly',
    'perhaps',
    'believe',
    'believes',
    'think',
    'thinks',
    'suspect',
    'suspects',
    'doubt',
    'doubts',
    'expect',
    'expects',
    'predicted',
    'predicts',
    'forecast',
    'warned',
    'warns',
    'argued',
    'argues',
    'suggests',
    'suggested',
    'appears',
    'appeared',
    'seems',
    'seemed',
    'in my view',
    'in our view',
    'I think',
    'we think',
    'my sense',
    'cautious',
    'sceptical',
    'skeptical',
    'optimistic',
    'pessimistic',
    'doubtful',
    'too early',
    'remains to be seen',
    'a sign',
    'a signal',
    'aimed at',
    'meant to',
    'designed to',
    'intended to',
    'an attempt',
    'a bid to',
    'a message to',
  ],
  speakerPronouns: ['he', 'she', 'it', 'they', 'others', 'some'],
});

/**
 * The default lexicon with `extra` concatenated to each of its lists, or, if
 * `replace`, `extra` alone with empty lists for the fields it leaves out.
 */
export function resolveLexicon(extra: Partial<Lexicon> | undefined, replace = false): Lexicon {
  const base: Lexicon = replace ? emptyLexicon() : DEFAULT_LEXICON;
  if (!extra) return base;
  return {
    stateOutlets: [...base.stateOutlets, ...(extra.stateOutlets ?? [])],
    otherOutlets: [...base.otherOutlets, ...(extra.otherOutlets ?? [])],
    stateCountries: [...base.stateCountries, ...(extra.stateCountries ?? [])],
    stateMediaCues: [...base.stateMediaCues, ...(extra.stateMediaCues ?? [])],
    stateAdjectives: [...base.stateAdjectives, ...(extra.stateAdjectives ?? [])],
    mediaNouns: [...base.mediaNouns, ...(extra.mediaNouns ?? [])],
    outletAnaphors: [...base.outletAnaphors, ...(extra.outletAnaphors ?? [])],
    expertRoles: [...base.expertRoles, ...(extra.expertRoles ?? [])],
    expertOrganisations: [...base.expertOrganisations, ...(extra.expertOrganisations ?? [])],
    formerRoles: [...base.formerRoles, ...(extra.formerRoles ?? [])],
    officialRoles: [...base.officialRoles, ...(extra.officialRoles ?? [])],
    actorTitles: [...base.actorTitles, ...(extra.actorTitles ?? [])],
    attributionVerbs: [...base.attributionVerbs, ...(extra.attributionVerbs ?? [])],
    mediaVerbs: [...base.mediaVerbs, ...(extra.mediaVerbs ?? [])],
    opinionVerbs: [...base.opinionVerbs, ...(extra.opinionVerbs ?? [])],
    releasedMaterials: [...base.releasedMaterials, ...(extra.releasedMaterials ?? [])],
    attributionPrepositions: [...base.attributionPrepositions, ...(extra.attributionPrepositions ?? [])],
    opinionMarkers: [...base.opinionMarkers, ...(extra.opinionMarkers ?? [])],
    speakerPronouns: [...base.speakerPronouns, ...(extra.speakerPronouns ?? [])],
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function emptyLexicon(): Lexicon {
  return {
    stateOutlets: [],
    otherOutlets: [],
    stateCountries: [],
    stateMediaCues: [],
    stateAdjectives: [],
    mediaNouns: [],
    outletAnaphors: [],
    expertRoles: [],
    expertOrganisations: [],
    formerRoles: [],
    officialRoles: [],
    actorTitles: [],
    attributionVerbs: [],
    mediaVerbs: [],
    opinionVerbs: [],
    releasedMaterials: [],
    attributionPrepositions: [],
    opinionMarkers: [],
    speakerPronouns: [],
  };
}
