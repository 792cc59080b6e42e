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
}

export interface Lexicon {
  /** State-controlled outlets. Content attributed to one is a state-media claim. */
  stateOutlets: Outlet[];
  /**
   * Other outlets and wire services. Attribution to one is reported fact, and
   * an anaphor ("the agency said") after one refers to it, not to state media.
   */
  otherOutlets: Outlet[];
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
  /** Verbs of saying, lower-case, in every form to match: "said", "says", "told". ("according to" is built in.) */
  attributionVerbs: string[];
  /** Further verbs that make an outlet a source when it is their subject: "showed", "aired". */
  mediaVerbs: string[];
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
    { name: 'KCNA', aliases: ['Korean Central News Agency', 'KCNA'] },
    { name: 'Rodong Sinmun', aliases: ['Rodong Sinmun', 'Rodong Shinmun'] },
    { name: 'KCTV', aliases: ['Korean Central Television', 'KCTV'] },
    { name: 'Uriminzokkiri', aliases: ['Uriminzokkiri'] },
    { name: 'Xinhua', aliases: ['Xinhua News Agency', 'Xinhua'] },
    { name: "People's Daily", aliases: ["People's Daily", 'Renmin Ribao'] },
    { name: 'Global Times', aliases: ['Global Times', 'Huanqiu Shibao'] },
    { name: 'China Daily', aliases: ['China Daily'] },
    { name: 'CCTV', aliases: ['China Central Television', 'CCTV'] },
    { name: 'CGTN', aliases: ['China Global Television Network', 'CGTN'] },
    { name: 'China News Service', aliases: ['China News Service'] },
    { name: 'TASS', aliases: ['TASS', 'ITAR-TASS', 'Tass'] },
    { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'] },
    { name: 'RT', aliases: ['Russia Today', 'RT'] },
    { name: 'Sputnik', aliases: ['Sputnik News', 'Sputnik'] },
    { name: 'Rossiya 1', aliases: ['Rossiya 1', 'Rossiya-1', 'Channel One Russia', 'Perviy Kanal'] },
    { name: 'Rossiyskaya Gazeta', aliases: ['Rossiyskaya Gazeta'] },
    { name: 'BelTA', aliases: ['Belarusian Telegraph Agency', 'BelTA'] },
    { name: 'IRNA', aliases: ['Islamic Republic News Agency', 'IRNA'] },
    { name: 'Press TV', aliases: ['Press TV', 'PressTV'] },
    { name: 'IRIB', aliases: ['Islamic Republic of Iran Broadcasting', 'IRIB'] },
    { name: 'SANA', aliases: ['Syrian Arab News Agency', 'SANA'] },
    { name: 'MENA', aliases: ['Middle East News Agency', 'MENA'] },
    { name: 'Al-Ahram', aliases: ['Al-Ahram', 'Al Ahram'] },
    { name: 'SPA', aliases: ['Saudi Press Agency', 'SPA'] },
    { name: 'WAM', aliases: ['Emirates News Agency', 'WAM'] },
    { name: 'KUNA', aliases: ['Kuwait News Agency', 'KUNA'] },
    { name: 'Anadolu', aliases: ['Anadolu Agency', 'Anadolu'] },
    { name: 'TRT', aliases: ['Turkish Radio and Television', 'TRT World', 'TRT'] },
    { name: 'Prensa Latina', aliases: ['Prensa Latina'] },
    { name: 'Granma', aliases: ['Granma'] },
    { name: 'Cubadebate', aliases: ['Cubadebate'] },
    { name: 'VTV', aliases: ['Venezolana de Televisión', 'VTV'] },
    { name: 'Telesur', aliases: ['Telesur', 'teleSUR'] },
    { name: 'VNA', aliases: ['Vietnam News Agency', 'VNA'] },
    { name: 'Nhan Dan', aliases: ['Nhan Dan', 'Nhân Dân'] },
    { name: 'KPL', aliases: ['Lao News Agency', 'KPL'] },
    { name: 'MRTV', aliases: ['Myanma Radio and Television', 'MRTV', 'Global New Light of Myanmar'] },
    { name: 'Eri-TV', aliases: ['Eri-TV'] },
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
  ],
  expertOrganisations: ['institute', 'university', 'think tank', 'think-tank', 'academy', 'polytechnic', 'studies', 'research centre', 'research center', 'research group'],
  formerRoles: ['ambassador', 'official', 'diplomat', 'attache', 'attaché', 'envoy', 'negotiator', 'minister', 'general', 'commander', 'officer', 'adviser', 'advisor', 'intelligence'],
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
  attributionVerbs: [
    'said', 'says', 'say',
    'told', 'tells', 'tell',
    'added', 'adds',
    'stated',
    'noted', 'notes',
    'announced', 'announces',
    'claimed', 'claims', 'claim',
    'reported', 'reports',
    'quoted', 'cited',
    'wrote', 'writes',
    'warned', 'warns', 'warn',
    'argued', 'argues', 'argue',
    'insisted', 'insists',
    'explained', 'explains',
    'predicted', 'predicts', 'predict',
    'believes', 'believe', 'believed',
    'thinks', 'think',
    'expects', 'expect', 'expected',
    'suspect', 'suspects',
    'cautioned', 'cautions', 'caution',
    'estimated', 'estimates', 'estimate',
    'acknowledged', 'asserted', 'contended', 'maintained', 'conceded', 'countered',
    'suggested', 'suggests', 'suggest',
    'confirmed', 'confirms',
    'described', 'called',
    'asked', 'replied', 'recalled', 'concluded',
    'pointed out', 'points out',
  ],
  mediaVerbs: [
    'showed', 'shows', 'aired', 'airs', 'broadcast', 'broadcasts', 'published', 'publishes',
    'carried', 'carries', 'ran', 'runs', 'released', 'printed', 'highlighted', 'hailed', 'praised',
    'denounced', 'dismissed', 'slammed', 'criticised', 'criticized', 'condemned', 'lauded',
    'accused', 'blamed', 'urged', 'stressed', 'alleged', 'described', 'called', 'branded',
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
    'could', 'may', 'might', 'would likely', 'likely', 'unlikely', 'probably', 'possibly', 'perhaps',
    'believe', 'believes', 'think', 'thinks', 'suspect', 'suspects', 'doubt', 'doubts',
    'expect', 'expects', 'predicted', 'predicts', 'forecast', 'warned', 'warns',
    'argued', 'argues', 'suggests', 'suggested', 'appears', 'appeared', 'seems', 'seemed',
    'in my view', 'in our view', 'I think', 'we think', 'my sense',
    'cautious', 'sceptical', 'skeptical', 'optimistic', 'pessimistic', 'doubtful',
    'too early', 'remains to be seen',
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
    stateMediaCues: [...base.stateMediaCues, ...(extra.stateMediaCues ?? [])],
    stateAdjectives: [...base.stateAdjectives, ...(extra.stateAdjectives ?? [])],
    mediaNouns: [...base.mediaNouns, ...(extra.mediaNouns ?? [])],
    outletAnaphors: [...base.outletAnaphors, ...(extra.outletAnaphors ?? [])],
    expertRoles: [...base.expertRoles, ...(extra.expertRoles ?? [])],
    expertOrganisations: [...base.expertOrganisations, ...(extra.expertOrganisations ?? [])],
    formerRoles: [...base.formerRoles, ...(extra.formerRoles ?? [])],
    officialRoles: [...base.officialRoles, ...(extra.officialRoles ?? [])],
    attributionVerbs: [...base.attributionVerbs, ...(extra.attributionVerbs ?? [])],
    mediaVerbs: [...base.mediaVerbs, ...(extra.mediaVerbs ?? [])],
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
    stateMediaCues: [],
    stateAdjectives: [],
    mediaNouns: [],
    outletAnaphors: [],
    expertRoles: [],
    expertOrganisations: [],
    formerRoles: [],
    officialRoles: [],
    attributionVerbs: [],
    mediaVerbs: [],
    attributionPrepositions: [],
    opinionMarkers: [],
    speakerPronouns: [],
  };
}
