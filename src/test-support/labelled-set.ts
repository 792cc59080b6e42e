/**
 * Hand-labelled evaluation data for `suggestProvenance`: wire-style stories
 * about invented events, one entry per paragraph. The outlets, heads of state
 * and a few well-known bodies are real; the experts quoted, their institutes
 * and the companies are fictional.
 *
 * Labelling policy, the same for every story:
 * - `state-media-claim`: the content comes from a state-controlled outlet,
 *   attributed to it in the sentence ("…, KCNA said", "according to TASS",
 *   "told the Global Times", "state television showed") or continuing, about
 *   the same actor in the same paragraph ("He…", "Kim…", "The leader…"), a
 *   passage attributed to one. People quoted by, or speaking to, a state
 *   outlet count as the outlet, and so does material a state with such
 *   outlets released itself ("photos released by Pyongyang showed …").
 * - `analyst-opinion`: a judgement, forecast or interpretation voiced by an
 *   expert (analyst, academic, scientist, think tank, former official,
 *   outside observers), named or not, with or without a verb of saying
 *   ("Analysts believe", "Several analysts read the timing as"), including
 *   the expert's follow-on sentences and quotations. An expert whose field
 *   is the media ("who studies official media") is an expert, not an outlet.
 * - `reported-fact`: stated on the outlet's own authority. This includes what
 *   officials, governments, police, companies, monitors and witnesses said as
 *   reported by a non-state outlet (the outlet reports that they said it),
 *   and the outlet's own hedged analysis ("could", "likely") when no expert
 *   voices it.
 * - `none`: headlines, datelines and unattributed questions.
 *
 * Three parts, by whole stories:
 * - `held-out` (`held-5` … `held-10`): the stories the evaluation is judged
 *   by, written in other styles (Xinhua-, TASS-, IRNA- and KCNA-relayed
 *   claims, think-tank analysis, official statements, datelines from several
 *   countries, quotations over several sentences) before the rules of issue
 *   19 were written, and never looked at while they were tuned.
 * - `earlier-held-out` (`held-1` … `held-4`): the first held-out part,
 *   written before any rule existed; its score has been read since, so it
 *   is reported beside the new part, not instead of it.
 * - `tuning` (`tune-01` …): what the rules and lexicon were tuned on.
 */

export type GoldLabel = 'state-media-claim' | 'analyst-opinion' | 'reported-fact' | 'none';

export interface LabelledSentence {
  text: string;
  label: GoldLabel;
}

export type LabelledPart = 'tuning' | 'held-out' | 'earlier-held-out';

export interface LabelledParagraph {
  /** `<story>.<paragraph>`, e.g. `tune-03.2`. */
  id: string;
  part: LabelledPart;
  sentences: LabelledSentence[];
}

const state = (text: string): LabelledSentence => ({ text, label: 'state-media-claim' });
const opinion = (text: string): LabelledSentence => ({ text, label: 'analyst-opinion' });
const fact = (text: string): LabelledSentence => ({ text, label: 'reported-fact' });
const none = (text: string): LabelledSentence => ({ text, label: 'none' });

function story(name: string, part: LabelledPart, paragraphs: LabelledSentence[][]): LabelledParagraph[] {
  return paragraphs.map((sentences, index) => ({ id: `${name}.${index + 1}`, part, sentences }));
}

export const LABELLED_PARAGRAPHS: readonly LabelledParagraph[] = [
  // ---- Held-out part (issue 19): written before its rules, never tuned on. ----
  ...story('held-5', 'held-out', [
    [none(`China pledges aid for grain farmers after floods`)],
    [none(`BEIJING, July 22`)],
    [
      state(
        `China will allocate 4.2 billion yuan to help farmers in flood-hit provinces replant their crops, Xinhua news agency said on Monday, citing the Ministry of Finance.`,
      ),
      state(
        `The money will go mainly to Henan, Anhui and Hubei, where heavy rain has destroyed rice and corn fields since early July, the agency said.`,
      ),
    ],
    [
      state(
        `Premier Li Qiang told a State Council meeting that food security was "the foundation of national stability," according to a Xinhua report.`,
      ),
      state(`He called on local governments to repair irrigation channels before the autumn planting season.`),
    ],
    [
      fact(
        `Floods in the Yangtze basin have killed at least 38 people this month, according to figures from the Ministry of Emergency Management.`,
      ),
      fact(`Corn futures on the Dalian Commodity Exchange rose for a fifth straight session.`),
    ],
    [
      opinion(
        `Wei Jianguo, an agricultural economist at the Jiangnan Academy of Rural Affairs, said the sum was modest compared with the losses.`,
      ),
      opinion(`"It will help families plant again, but it will not make up for a lost harvest," Wei said.`),
      opinion(`"The real test is whether insurance payouts arrive before winter."`),
    ],
    [
      opinion(`Several analysts see the announcement as an effort to calm markets ahead of the harvest.`),
      fact(`China imported a record 160 million tonnes of grain last year.`),
    ],
  ]),
  ...story('held-6', 'held-out', [
    [none(`MOSCOW, November 3`)],
    [
      state(
        `Russian air defences destroyed 27 Ukrainian drones over the Belgorod and Kursk regions overnight, TASS reported, citing the Defence Ministry.`,
      ),
      state(`It said no one was hurt and that a power substation near Belgorod had been damaged.`),
    ],
    [
      fact(`Ukraine's military did not comment on the claim.`),
      fact(`Kyiv has stepped up drone attacks on Russian refineries and power plants in recent months.`),
    ],
    [state(`Kremlin spokesman Dmitry Peskov told RIA Novosti that the attacks would "not go unanswered."`)],
    [
      opinion(
        `Military analysts in Moscow, speaking on condition of anonymity, said the air-defence figures were impossible to verify and probably overstated.`,
      ),
      opinion(`"Both sides count every drone they shoot down, and both sides round up," one of them said.`),
    ],
    [
      fact(
        `Belgorod's governor, Vyacheslav Gladkov, said on Telegram that two houses had been damaged in a village near the border.`,
      ),
    ],
  ]),
  ...story('held-7', 'held-out', [
    [none(`Iran agrees to talks with IAEA on camera access`)],
    [none(`TEHRAN, April 17`)],
    [
      state(
        `Iran and the International Atomic Energy Agency have agreed to hold technical talks on restoring surveillance cameras at nuclear sites, the official Islamic Republic News Agency reported on Wednesday.`,
      ),
      state(
        `IRNA quoted Foreign Ministry spokesman Nasser Kanaani as saying that Tehran was ready to cooperate "within the framework of its obligations."`,
      ),
    ],
    [
      fact(
        `The IAEA's director general said last month that the agency had lost "continuity of knowledge" about Iran's stockpile of enriched uranium.`,
      ),
      fact(`Inspectors have not had access to the camera footage since 2022.`),
    ],
    [
      opinion(`"Tehran is offering a little transparency to avoid a censure resolution in June.`),
      opinion(
        `It has done this before, and it usually ends the same way," said Roya Farahani, a nonproliferation researcher at the Vienna Centre for Arms Control.`,
      ),
      opinion(`Farahani expects the talks to drag on until after the agency's board has met.`),
    ],
    [
      state(
        `Iranian state television broadcast an interview with a senior negotiator who said Western "pressure" would only harden Iran's position.`,
      ),
      fact(`The IAEA Board of Governors meets in Vienna on June 3.`),
    ],
  ]),
  ...story('held-8', 'held-out', [
    [none(`North Korea's Kim tours munitions plants, calls for 'war readiness'`)],
    [none(`SEOUL, March 8`)],
    [
      state(
        `North Korean leader Kim Jong Un inspected a munitions factory and called for a sharp increase in the production of artillery shells, the state-run Korean Central News Agency said on Friday.`,
      ),
      state(`Kim told workers that the country must be "fully ready for war" at any moment, the agency said.`),
      state(`The leader later visited a second plant that makes launchers for multiple rocket systems.`),
    ],
    [
      state(
        `Photos released by KCNA showed Kim, flanked by military officers, examining rows of shells on a factory floor.`,
      ),
      state(`In one image, he is seen firing a rifle at an indoor range.`),
    ],
    [
      fact(`The visit came as South Korean and U.S. troops began their annual Freedom Shield exercises.`),
      fact(`Seoul's Unification Ministry said it was watching the North's arms industry closely.`),
    ],
    [
      opinion(
        `Yoon Hae-jin, a senior fellow at the Namsan Forum for Strategic Studies, said the factory tours were meant to show Moscow that Pyongyang could keep supplying shells.`,
      ),
      opinion(
        `Outside experts believe North Korea has shipped millions of rounds to Russia since 2023, though both countries deny it.`,
      ),
      opinion(`Yoon said the North was also likely seeking satellite technology in return.`),
    ],
    [fact(`North Korea and Russia signed a mutual defence treaty in June 2024.`)],
  ]),
  ...story('held-9', 'held-out', [
    [none(`BRUSSELS, October 14`)],
    [
      fact(
        `European Union foreign ministers agreed on Monday to extend sanctions on 12 Belarusian officials for another year, the EU Council said in a statement.`,
      ),
      fact(`The measures include asset freezes and travel bans.`),
    ],
    [
      fact(
        `"We will not look away while political prisoners are mistreated," the bloc's foreign policy chief told reporters after the meeting.`,
      ),
      fact(
        `Hungary had threatened to block the extension but dropped its objection late on Sunday, two diplomats said.`,
      ),
    ],
    [
      state(
        `Belarus's Foreign Ministry called the decision "another hostile step," according to the state news agency BelTA.`,
      ),
    ],
    [
      opinion(
        `The European Policy Lab, a Brussels-based think tank, said in a report last week that the sanctions had done little to change Minsk's behaviour.`,
      ),
      opinion(`Its authors argue that targeting the potash trade would have more effect.`),
      opinion(`Many observers doubt that the bloc has the unity for such a step.`),
    ],
    [fact(`Belarus is Europe's second-largest producer of potash after Russia.`)],
  ]),
  ...story('held-10', 'held-out', [
    [none(`NAIROBI, February 26`)],
    [
      fact(
        `Kenya and China signed an agreement on Tuesday to extend the Standard Gauge Railway from Naivasha to the Ugandan border, Kenya's transport ministry said.`,
      ),
      state(`China Daily said the extension would "open a new chapter" in trade between East Africa and China.`),
    ],
    [
      state(`The project will create more than 40,000 local jobs, according to Xinhua.`),
      state(`The agency described the railway as a "flagship" of the Belt and Road Initiative.`),
    ],
    [
      fact(
        `The original line, which opened in 2017, cost about $3.6 billion, most of it borrowed from Chinese state banks.`,
      ),
      fact(`Kenya's Treasury has struggled to repay the loans, and the line has run at a loss in most years.`),
    ],
    [
      opinion(
        `"The numbers have never added up for this railway," said Peter Otieno, a transport economist at the Rift Valley Policy Institute.`,
      ),
      opinion(`"Extending it without fixing the freight contracts only adds to the debt."`),
      opinion(`Others point out that the first section did halve travel times between Nairobi and Mombasa.`),
    ],
    [none(`What happens if Kenya cannot pay?`), fact(`The loan agreement has not been made public.`)],
  ]),
  ...story('held-11', 'held-out', [
    [none(`Moscow says Arctic shipping hit record`)],
    [
      state(
        `Cargo shipped along the Northern Sea Route reached a record 38 million tonnes last year, RIA Novosti reported, citing the state nuclear corporation Rosatom.`,
      ),
      state(`Rosatom chief Alexei Likhachev told the agency that year-round navigation would be possible by 2030.`),
    ],
    [
      state(`Russia's state-owned Channel One showed icebreakers escorting a convoy of tankers through the Kara Sea.`),
      fact(`Most of the cargo was liquefied natural gas and crude oil bound for China and India.`),
    ],
    [
      opinion(
        `Ingrid Solberg, a polar shipping specialist at the Tromso Institute of Marine Policy, said the 2030 target was "a political date, not an engineering one."`,
      ),
      opinion(`She noted that the route still depends on a small fleet of ageing icebreakers.`),
    ],
    [
      fact(`Western sanctions bar several shipyards from delivering ice-class vessels to Russian buyers.`),
      fact(`Three tankers ordered from a South Korean yard were cancelled in 2022.`),
    ],
  ]),
  // ---- Earlier held-out part: not used for tuning. ----
  ...story('held-1', 'earlier-held-out', [
    [none(`Grain corridor talks stall as Moscow sets conditions`)],
    [none(`MOSCOW, March 14`)],
    [
      state(
        `Russia will not extend the grain export arrangement unless Western sanctions on its agricultural bank are lifted, the state news agency TASS reported on Thursday, citing a senior diplomat.`,
      ),
      state(`The diplomat said Moscow had waited long enough for its demands to be met, according to TASS.`),
    ],
    [
      fact(`Ukraine's agriculture ministry said exports through its Black Sea ports fell by a third in February.`),
      fact(`Shipping insurers have raised premiums for vessels calling at Odesa twice since January.`),
    ],
    [
      opinion(
        `Marta Kowalczyk, a commodities analyst at the Vistula Research Group in Warsaw, said the Kremlin was using the deal as leverage.`,
      ),
      opinion(
        `"They know that every week of delay pushes wheat prices up, and that hurts the very countries Moscow is courting," she said.`,
      ),
      opinion(`Prices could rise another 10 percent by summer if the corridor closes, she predicted.`),
    ],
    [
      fact(`Wheat futures in Chicago rose 2.4 percent on the news.`),
      fact(`Egypt, the world's largest wheat importer, bought 240,000 tonnes from Romanian suppliers last week.`),
    ],
  ]),
  ...story('held-2', 'earlier-held-out', [
    [none(`TYPHOON SHUTS PORTS ALONG SOUTHERN COAST`)],
    [
      fact(
        `Typhoon Haikui made landfall near the city of Shanwei on Friday afternoon, bringing winds of up to 160 kilometres per hour.`,
      ),
      state(
        `More than 400,000 residents had been moved to shelters before the storm arrived, Xinhua news agency said.`,
      ),
      state(`It said no deaths had been reported by Friday evening.`),
    ],
    [
      state(
        `State broadcaster CCTV showed footage of fallen trees blocking roads in the city centre and fishing boats tied up in the harbour.`,
      ),
      state(
        `The Global Times, a tabloid run by the ruling Communist Party’s People’s Daily, said local officials had acted “swiftly and decisively” to protect lives.`,
      ),
    ],
    [
      opinion(
        `Zhou Lan, a climate scientist at the University of Hong Kong, said storms of Haikui’s strength were becoming more frequent along the coast.`,
      ),
      opinion(
        `“We are seeing typhoons intensify faster in the last 24 hours before landfall, which leaves cities very little time to prepare,” Zhou said.`,
      ),
    ],
    [
      fact(`The Hong Kong Observatory lowered its storm signal at 4 p.m. on Friday.`),
      fact(`Ferry services to Macau are expected to resume on Saturday morning.`),
      fact(`Schools in Shenzhen will stay closed on Monday, the city's education bureau said.`),
    ],
  ]),
  ...story('held-3', 'earlier-held-out', [
    [none(`TEHRAN, June 2`)],
    [
      state(
        `Iran has begun enriching uranium at a second underground site, the official IRNA news agency reported on Sunday.`,
      ),
      state(
        `The report quoted the head of the country's atomic energy organisation as saying the new centrifuges were "fully operational."`,
      ),
    ],
    [
      fact(
        `The International Atomic Energy Agency said its inspectors had not been able to visit the site since February.`,
      ),
      fact(`Western diplomats said the move would complicate efforts to revive talks.`),
    ],
    [
      opinion(
        `Analysts believe Tehran is trying to raise the stakes ahead of a board meeting of the agency next week.`,
      ),
      opinion(`"This is a classic pressure tactic," said Farid Nazari, a senior fellow at the Gulf Policy Forum.`),
      opinion(`"But it may backfire if European governments decide they have run out of patience."`),
    ],
    [
      state(
        `Press TV, the state broadcaster's English-language channel, described the enrichment as a "sovereign right" that no foreign power could question.`,
      ),
      fact(`Iran insists its nuclear programme is peaceful.`),
    ],
  ]),
  ...story('held-4', 'earlier-held-out', [
    [none(`Vietnam raises minimum wage`)],
    [
      state(
        `Vietnam will raise the regional minimum wage by 6 percent from July, the Vietnam News Agency said on Tuesday.`,
      ),
      state(
        `The increase was approved by the National Assembly after months of negotiations between unions and employers, the agency said.`,
      ),
    ],
    [
      fact(`Garment makers in the south employ about 2.5 million workers, according to industry figures.`),
      opinion(
        `Nguyen Thi Mai, an economist at the Saigon Institute for Development Studies, said the rise was likely to push some foreign buyers toward Bangladesh and Cambodia.`,
      ),
      opinion(`She added that productivity gains had lagged behind wages for three years.`),
    ],
    [
      none(`Is the government moving too fast?`),
      fact(`Factory owners in Binh Duong province say they have little choice but to absorb the cost.`),
    ],
    [fact(`The new wage will apply to about 6 million workers, the labour ministry said.`)],
  ]),

  // ---- Tuning set. ----
  ...story('tune-01', 'tuning', [
    [none(`North Korea tests new cruise missile, state media says`)],
    [none(`SEOUL, April 9`)],
    [
      state(
        `North Korea test-fired a new type of strategic cruise missile over the Yellow Sea on Saturday, the Korean Central News Agency said on Sunday.`,
      ),
      state(
        `Leader Kim Jong Un observed the launch and called the weapon "a powerful deterrent" against enemy forces, KCNA said.`,
      ),
    ],
    [
      state(`Kim expressed great satisfaction with the result.`),
      state(
        `He ordered scientists to begin mass production of the missile before the end of the year, the agency said.`,
      ),
    ],
    [
      fact(
        `South Korea's Joint Chiefs of Staff said it had detected several cruise missiles fired from near the western port of Nampo around 7 a.m. on Saturday.`,
      ),
      fact(`The military said it was analysing the flight data with U.S. intelligence.`),
    ],
    [
      opinion(
        `Choi Min-seo, president of the Institute for Peninsula Studies in Seoul, said the test was aimed at showing that the North could strike targets across the region.`,
      ),
      opinion(`"Pyongyang wants Washington to accept it as a nuclear state before any talks begin," Choi said.`),
    ],
    [
      fact(`North Korea has conducted more than 20 rounds of weapons tests this year.`),
      fact(
        `The launches have drawn condemnation from the United Nations Security Council, though China and Russia have blocked new sanctions.`,
      ),
    ],
  ]),
  ...story('tune-02', 'tuning', [
    [none(`Beijing vows 'firm countermeasures' over chip export curbs`)],
    [
      fact(
        `China will take "firm countermeasures" if the Netherlands goes ahead with new restrictions on exports of chipmaking equipment, the Commerce Ministry said on Wednesday.`,
      ),
      fact(`A ministry spokesperson told reporters that the rules violated the principles of free trade.`),
    ],
    [
      state(
        `The official Xinhua news agency said in a commentary that Washington was "weaponising" technology to contain China's rise.`,
      ),
      state(
        `The People's Daily, the Communist Party's flagship newspaper, warned that "those who play with fire will get burned."`,
      ),
    ],
    [
      fact(
        `Dutch Trade Minister Liesje Verhoef said the measures were necessary for national security and were not aimed at any single country.`,
      ),
    ],
    [
      opinion(`Some economists say the dispute could slow the global rollout of advanced chips by years.`),
      opinion(
        `"Both sides are now locked into a cycle of retaliation that nobody knows how to stop," said Helen Tsang, a trade economist at the Pacific Rim Institute in Singapore.`,
      ),
      opinion(`Others argue that Chinese firms will simply accelerate efforts to develop their own tools.`),
    ],
    [
      fact(`ASML shares fell 3 percent in Amsterdam trading.`),
      fact(`The company said it did not expect the rules to have a material impact on its 2024 results.`),
    ],
  ]),
  ...story('tune-03', 'tuning', [
    [none(`BEIRUT, October 3`)],
    [
      state(
        `Israeli airstrikes hit two airports in Syria early on Tuesday, putting both out of service, Syria's state news agency SANA reported.`,
      ),
      state(`SANA quoted a military source as saying that air defences had shot down most of the missiles.`),
    ],
    [
      fact(`The Israeli military did not comment on the reports.`),
      fact(`It rarely acknowledges individual strikes in Syria but has said it targets Iranian-linked groups.`),
    ],
    [
      fact(`The Syrian Observatory for Human Rights, a Britain-based war monitor, said three soldiers were killed.`),
      fact(`The monitor relies on a network of sources inside the country.`),
    ],
    [
      opinion(
        `Lina Haddad, a researcher at the Levant Security Centre, said the strikes appeared designed to disrupt weapons deliveries from Iran.`,
      ),
      opinion(`"Israel sees a window while Russia is distracted, and it is likely to keep using it," she said.`),
    ],
  ]),
  ...story('tune-04', 'tuning', [
    [none(`KREMLIN HAILS TURNOUT IN REGIONAL VOTES`)],
    [
      state(
        `Turnout in Sunday’s regional elections reached 43 percent, the highest in a decade, RIA Novosti reported, citing the Central Election Commission.`,
      ),
      state(`State television showed long queues outside polling stations in Siberia and the Far East.`),
    ],
    [
      fact(
        `Kremlin spokesman Dmitry Peskov said the results showed “the consolidation of society” around President Vladimir Putin.`,
      ),
      fact(
        `Golos, an independent election monitor, said it had recorded more than 1,200 violations, including ballot stuffing and coercion of public-sector workers.`,
      ),
    ],
    [
      fact(`Independent observers were barred from many polling stations.`),
      fact(`Several opposition candidates were removed from the ballot in the weeks before the vote.`),
    ],
    [
      opinion(
        `Tatiana Orlova, a political scientist at the Riga School of Economics, said the turnout figures were “almost certainly inflated.”`,
      ),
      opinion(`“The Kremlin needs big numbers to show the war has not weakened its grip,” she said.`),
      state(`RT, the state-funded broadcaster, dismissed such criticism as “Western propaganda.”`),
    ],
  ]),
  ...story('tune-05', 'tuning', [
    [none(`HAVANA, November 21`)],
    [
      fact(
        `Power was restored to most of Havana on Monday after a four-day blackout that left millions of Cubans without electricity.`,
      ),
      state(
        `The state-run news agency Prensa Latina said 86 percent of customers in the capital had their supply back by noon.`,
      ),
    ],
    [
      fact(`Energy Minister Rafael Ortega Gil blamed the outage on a breakdown at the country's largest power plant.`),
      fact(`He said repairs would take at least two more weeks.`),
    ],
    [
      fact(`Residents in the Cerro neighbourhood banged pots and pans on Sunday night in a rare protest.`),
      fact(
        `"We have no food left in the fridge and no water because the pumps need electricity," said Yanet Morales, a 52-year-old nurse.`,
      ),
    ],
    [
      opinion(
        `Alejandro Pérez Vidal, an economist who studies Cuba's energy sector at a university in Miami, said the grid had been starved of investment for decades.`,
      ),
      opinion(`Without foreign financing, he warned, blackouts will probably become more frequent.`),
    ],
  ]),
  ...story('tune-06', 'tuning', [
    [none(`Iran says it foiled plot against oil facilities`)],
    [
      state(
        `Iranian security forces arrested 14 people accused of planning attacks on oil facilities in the southwest, the official IRNA news agency said on Saturday.`,
      ),
      state(`The agency said the suspects had been trained abroad but did not name the country.`),
    ],
    [
      state(`Press TV later broadcast what it said were confessions by two of the suspects.`),
      fact(`Rights groups have repeatedly said such confessions are obtained under duress.`),
    ],
    [
      opinion(
        `Dariush Karimi, an Iran expert at the Nordic Centre for Middle East Studies, said the announcement was probably aimed at a domestic audience.`,
      ),
      opinion(`The government is under pressure after weeks of strikes by oil workers over pay, he noted.`),
    ],
    [
      fact(
        `Oil exports from Iran reached 1.5 million barrels per day in August, according to tanker-tracking data from Kpler.`,
      ),
      fact(`Most of the crude is shipped to China.`),
    ],
  ]),
  ...story('tune-07', 'tuning', [
    [none(`Record heat grips southern Europe`)],
    [
      fact(
        `Temperatures reached 46.3 degrees Celsius in the Spanish city of Cordoba on Thursday, the highest ever recorded in August, the national weather agency AEMET said.`,
      ),
    ],
    [
      opinion(
        `"We are going to see more days like this, and they will come earlier in the year," said Dr. Elena Marquez, a climatologist at the University of Seville.`,
      ),
      opinion(`She said the heat dome over the Iberian peninsula was likely to persist until at least Monday.`),
    ],
    [
      fact(`Authorities in Greece closed the Acropolis during the hottest hours of the day.`),
      fact(`Firefighters battled more than 50 wildfires across the country, the fire service said.`),
    ],
    [
      opinion(`Many scientists believe the frequency of such heatwaves is a direct result of climate change.`),
      opinion(
        `Scientists at the Mediterranean Climate Observatory estimated in a study last year that extreme heat days in the region had tripled since 1980.`,
      ),
    ],
  ]),
  ...story('tune-08', 'tuning', [
    [none(`ISTANBUL, February 12`)],
    [
      fact(
        `A magnitude 5.8 earthquake struck eastern Turkey early on Sunday, damaging dozens of buildings in the province of Malatya.`,
      ),
      state(
        `The state-run Anadolu Agency said at least 12 people were injured, most of them while jumping from windows in panic.`,
      ),
    ],
    [
      fact(`The disaster management agency AFAD said rescue teams had been sent from six neighbouring provinces.`),
      fact(`It said there were no reports of anyone trapped under rubble.`),
    ],
    [
      opinion(
        `Seismologist Aylin Demirtas of the Bosphorus Earthquake Research Centre said the quake was an aftershock of last year's disaster.`,
      ),
      opinion(
        `"Aftershocks of this size can continue for years, and old buildings weakened last year are especially at risk," she told reporters.`,
      ),
    ],
  ]),
  ...story('tune-09', 'tuning', [
    [none(`China's factory activity expands for third month`)],
    [
      fact(
        `China's official manufacturing purchasing managers' index rose to 50.8 in June from 50.2 in May, the National Bureau of Statistics said on Friday.`,
      ),
      fact(`Readings above 50 indicate expansion.`),
    ],
    [
      state(`Analysts told the Global Times that the data showed the economy was "on a steady path to recovery."`),
      state(`Chinese state media also highlighted a jump in new export orders.`),
    ],
    [
      opinion(`Economists at several foreign banks were more cautious.`),
      opinion(
        `"The property sector is still a drag, and we think growth could slow again in the second half," said Marcus Feld, chief Asia economist at Harbourline Capital.`,
      ),
    ],
    [fact(`The yuan weakened slightly against the dollar after the release.`)],
  ]),
  ...story('tune-10', 'tuning', [
    [none(`SEOUL, January 2`)],
    [
      state(
        `Kim Jong Un vowed to launch three more military spy satellites this year and to "exponentially" expand the country's nuclear arsenal, state media reported on Monday.`,
      ),
      state(`Kim made the remarks at a five-day party meeting that ended on Sunday.`),
      state(
        `He said the country faced "the worst-ever crisis" because of hostile moves by the United States, according to the Rodong Sinmun newspaper.`,
      ),
    ],
    [
      state(
        `Footage aired by state broadcaster KCTV showed Kim's daughter, believed to be named Kim Ju Ae, accompanying him at a missile base.`,
      ),
    ],
    [
      fact(
        `South Korea's Unification Ministry said the North appeared to be preparing for another satellite launch in the coming months.`,
      ),
      fact(
        `A ministry official, speaking on condition of anonymity, said the previous launch failed because of an engine problem.`,
      ),
    ],
    [
      opinion(
        `Baek Seung-ah, a senior researcher at the Hanbit Institute for Unification Studies, said Kim's daughter was being presented as a possible successor.`,
      ),
      opinion(`Other experts caution that it is too early to draw conclusions.`),
    ],
  ]),
  ...story('tune-11', 'tuning', [
    [none(`City council approves new tram line`)],
    [
      fact(
        `The city council of Lyon voted 41 to 18 on Tuesday to approve a new tram line linking the airport to the central station.`,
      ),
      fact(`Construction is due to begin next spring and will cost an estimated 620 million euros.`),
    ],
    [
      fact(`Mayor Claire Dubois said the line would take 20,000 cars off the roads every day.`),
      fact(`Opposition councillors said the cost had doubled since the project was first proposed.`),
    ],
    [
      none(`Will passengers use it?`),
      opinion(
        `Transport planner Julien Roche, a consultant who has advised several French cities, said demand forecasts for airport links were often too optimistic.`,
      ),
    ],
    [
      fact(`The regional government will pay for 40 percent of the project.`),
      fact(`The rest will come from the city and a European Union fund.`),
    ],
  ]),
  ...story('tune-12', 'tuning', [
    [none(`Moscow and Beijing hold joint naval drills`)],
    [
      fact(
        `Russian and Chinese warships began a week of joint exercises in the Sea of Japan on Monday, Russia's Defence Ministry said.`,
      ),
      fact(`The drills involve 10 ships and 30 aircraft, the ministry said in a statement.`),
    ],
    [
      state(`Sputnik said the exercises were "not directed against third countries."`),
      state(
        `China's state broadcaster CGTN aired footage of sailors from both navies raising their flags together on the deck of a destroyer.`,
      ),
    ],
    [
      fact(`Japan's Defence Minister said Tokyo was monitoring the drills "with great concern."`),
      fact(`Japanese fighter jets were scrambled twice on Monday, according to the Joint Staff.`),
    ],
    [
      opinion(
        `James Ellery, a former British naval attache in Beijing, said the exercises were more symbolic than operational.`,
      ),
      opinion(`"The two navies still struggle to communicate at sea, and that will not change in a week," he said.`),
      opinion(`He predicted the drills would become an annual event.`),
    ],
  ]),
  ...story('tune-13', 'tuning', [
    [none(`SEOUL, July 29`)],
    [
      state(
        `Kim Yo Jong, the powerful sister of North Korea’s leader, warned on Tuesday that Pyongyang would respond to any new U.S. sanctions with “overwhelming” measures.`,
      ),
      state(`In a statement carried by KCNA, she said Washington was “mistaken” if it believed pressure would work.`),
    ],
    [
      state(
        `The ruling party newspaper Rodong Sinmun ran an editorial on its front page calling on citizens to “turn out as one” in defence of the country.`,
      ),
    ],
    [
      fact(`The U.S. State Department said it remained open to dialogue “without preconditions.”`),
      fact(`North Korea has rejected every offer of talks since 2019.`),
    ],
    [
      opinion(`Analysts say the statements suggest Pyongyang is preparing to test a new weapon.`),
      opinion(
        `“Kim Yo Jong’s statements usually come right before a provocation,” said Park So-yeon, a professor of North Korean studies at Daehan University.`,
      ),
    ],
  ]),
  ...story('tune-14', 'tuning', [
    [none(`CAIRO, May 5`)],
    [
      state(
        `Egypt will raise the price of subsidised bread for the first time in more than three decades, the state-owned Middle East News Agency reported on Sunday.`,
      ),
      state(`The price of a loaf will rise from 5 piastres to 20 piastres from June 1, MENA said.`),
    ],
    [
      fact(`Prime Minister Hassan Nour said the subsidy bill had become unsustainable.`),
      fact(
        `The government spends about 125 billion Egyptian pounds a year on bread subsidies, according to budget documents.`,
      ),
    ],
    [
      opinion(
        `Some economists warned the move could fuel unrest in a country where about a third of the population lives below the poverty line.`,
      ),
      opinion(
        `"Bread is a red line for most Egyptians," said Mona Fathy, a political economist at the Cairo Centre for Policy Research.`,
      ),
      opinion(`She believes the government had little choice because of its debts.`),
    ],
    [state(`Al-Ahram, the state-owned daily, said the poorest families would receive extra cash support.`)],
  ]),
  ...story('tune-15', 'tuning', [
    [none(`Chipmaker to build $20 billion plant in Ohio`)],
    [
      fact(
        `Solvane Semiconductor said on Thursday it would build a $20 billion chip plant near Columbus, Ohio, creating about 3,000 jobs.`,
      ),
      fact(`The company expects production to start in 2027.`),
    ],
    [fact(`Governor Ann Whitfield called the investment "a generational opportunity" for the state.`)],
    [
      opinion(`Industry analysts said the timeline was ambitious given shortages of skilled workers.`),
      opinion(
        `"Building a fab is one thing; staffing it is another," said Raj Mehta, a semiconductor analyst at Lumen Research.`,
      ),
      opinion(`The plant may also depend on federal subsidies that have yet to be approved, he said.`),
    ],
    [fact(`Solvane shares rose 4 percent in after-hours trading.`)],
  ]),
  ...story('tune-16', 'tuning', [
    [none(`TAIPEI, August 19`)],
    [
      fact(
        `China's military launched drills around Taiwan on Saturday, a day after the island's vice president returned from a trip to the United States.`,
      ),
      state(
        `The Eastern Theatre Command said the exercises were a "stern warning" to separatist forces, according to Xinhua.`,
      ),
    ],
    [
      fact(`Taiwan's Defence Ministry said it had detected 42 Chinese aircraft and eight ships near the island.`),
      fact(`It condemned the drills as "irrational provocation."`),
    ],
    [
      fact(
        `A Chinese Foreign Ministry spokesperson, Lin Hao, told a regular briefing in Beijing that Taiwan was "an inalienable part of China's territory."`,
      ),
    ],
    [
      opinion(`Experts say Beijing is calibrating its response to avoid a direct confrontation.`),
      opinion(
        `"These drills are smaller than last year's, which suggests China wants to send a message without escalating," said Chen Yi-ting, a fellow at the Formosa Strategy Forum.`,
      ),
    ],
  ]),
  ...story('tune-17', 'tuning', [
    [none(`Belarus frees political prisoners ahead of holiday`)],
    [
      state(
        `Belarusian President Alexander Lukashenko pardoned 18 people convicted of "extremism," the state news agency BelTA said on Wednesday.`,
      ),
      fact(`Most of them had been jailed for taking part in protests after the disputed 2020 election.`),
    ],
    [
      fact(`The Viasna human rights group says more than 1,300 political prisoners remain behind bars in Belarus.`),
      fact(`Its founder, Nobel Peace Prize laureate Ales Bialiatski, is serving a 10-year sentence.`),
    ],
    [
      opinion(
        `Olga Levchenko, a Belarus analyst at the Baltic Institute of International Affairs, said the pardons were an attempt to win relief from Western sanctions.`,
      ),
      opinion(
        `"Lukashenko releases prisoners when he wants something, and he takes new ones when he needs leverage," she said.`,
      ),
    ],
  ]),
  ...story('tune-18', 'tuning', [
    [none(`Bridge closed after barge collision`)],
    [
      fact(
        `A cargo barge struck a support pillar of the Kessler Bridge late on Monday, forcing officials to close the crossing to all traffic.`,
      ),
      fact(`No one was injured, police said.`),
    ],
    [
      fact(`Engineers were inspecting the damage on Tuesday.`),
      fact(
        `The transport department said the bridge, which carries about 40,000 vehicles a day, would stay closed for at least a week.`,
      ),
    ],
    [
      opinion(
        `Structural engineer Dana Whitcomb, a professor at Riverside Polytechnic, said older bridges were often not designed to withstand impacts from modern barges.`,
      ),
      opinion(`"The pillars were built for a different era of shipping," she said.`),
    ],
    [fact(`The barge operator, Great Lakes Haulage, said it was cooperating with investigators.`)],
  ]),
  ...story('tune-19', 'tuning', [
    [none(`KYIV, September 10`)],
    [
      state(
        `Russia's Defence Ministry said its forces had captured the village of Krasnohorivka in eastern Ukraine, TASS reported on Tuesday.`,
      ),
      state(`It said Ukrainian troops had lost up to 500 soldiers in the area over the previous day.`),
    ],
    [
      fact(`Ukraine's General Staff did not confirm the claim.`),
      fact(`It said its troops had repelled 14 Russian attacks near the town.`),
    ],
    [
      opinion(
        `The Atlantic Conflict Monitor, a Washington-based think tank, said Russian forces were likely to intensify attacks in the area in the coming weeks.`,
      ),
    ],
    [fact(`Neither side's battlefield claims could be independently verified.`)],
  ]),
  // Issue 19: roles that mention media, opinion without a verb of saying, one name per person.
  ...story('tune-20', 'tuning', [
    [none(`Pyongyang's new slogan puzzles Seoul`)],
    [none(`SEOUL, May 14`)],
    [
      state(
        `North Korea's state media introduced a new slogan on Tuesday urging citizens to "defend the socialist homeland with the rifle and the pen."`,
      ),
      state(`The Rodong Sinmun printed the phrase in red above its masthead, the first such change in a decade.`),
    ],
    [
      opinion(
        `Prof. Lena Varga, who studies official media at the University of Szeged, said the slogan borrowed from wartime propaganda of the 1950s.`,
      ),
      opinion(`"The vocabulary is old, but the timing is new," Varga said.`),
    ],
    [
      opinion(`Several analysts read the timing as a reply to Seoul's latest leaflet campaign.`),
      opinion(`Outside observers believe the change was planned for months.`),
    ],
    [
      opinion(
        `According to a researcher who tracks state television for a Seoul think tank, the slogan has already appeared in 40 broadcasts.`,
      ),
    ],
    [
      fact(
        `An official at the Unification Ministry, which monitors North Korean media, said the ministry had no comment.`,
      ),
    ],
  ]),
  // Issue 19: attribution carried to the actor's following sentences and to material the state released.
  ...story('tune-21', 'tuning', [
    [none(`KIM URGES FARMERS TO MEET GRAIN TARGETS`)],
    [
      state(
        `North Korean leader Kim Jong Un visited farms in South Hwanghae province on Wednesday, the official Korean Central News Agency said.`,
      ),
      state(`He told farm managers that the harvest was "a matter of life and death," the agency said.`),
      state(
        `The leader repeated the message at two other farms, calling for more fertiliser from factories in the capital.`,
      ),
    ],
    [
      state(`Photos released by Pyongyang showed Kim walking through a rice field in rubber boots.`),
      state(`Footage released by North Korea's government showed crowds of farmers applauding him.`),
    ],
    [
      fact(`The region suffered severe flooding last summer.`),
      fact(`The World Food Programme says about 40 percent of North Koreans are undernourished.`),
    ],
  ]),
  ...story('tune-22', 'tuning', [
    [none(`BEIJING, January 9`)],
    [
      state(`Chinese President Xi Jinping inspected a naval base in Hainan on Monday, according to CCTV.`),
      state(`The president urged sailors to "dare to fight and dare to win," the broadcaster said.`),
      state(`The Chinese leader also met families of officers who died on duty.`),
    ],
    [state(`Pictures released by Beijing showed Xi on the deck of an aircraft carrier.`)],
    [fact(`The Pentagon said in a report last month that China's navy is the world's largest by number of ships.`)],
    [
      opinion(
        `Chen Wei-lin, a defence analyst at the Taipei Institute for Security Research, said the visit was aimed at officers as much as at foreign audiences.`,
      ),
      opinion(`Chen reads the trip as a sign that Xi worries about morale.`),
    ],
    [
      fact(
        `Photos released by the U.S. Navy showed two Chinese destroyers shadowing an American ship in the South China Sea.`,
      ),
    ],
  ]),
  // Issue 19: canonical sources (generic state media of a known country, a surname after the full name).
  ...story('tune-23', 'tuning', [
    [none(`MOSCOW, June 30`)],
    [
      state(
        `Russia's state media reported on Sunday that a new bridge to the Crimean peninsula would open in the autumn.`,
      ),
      state(`The Rossiyskaya Gazeta, the government's official newspaper, said construction was "ahead of schedule."`),
    ],
    [
      state(`Deputy Prime Minister Marat Khusnullin told TASS that the bridge would carry both road and rail traffic.`),
      fact(`Ukraine has attacked the existing Kerch bridge twice since 2022.`),
    ],
    [
      opinion(
        `Pavel Grekov, a senior fellow at the Baltic Centre for Security Studies, said the project was "a statement of permanence."`,
      ),
      opinion(`Grekov said the new crossing would be just as exposed to drones as the old one.`),
    ],
    [state(`State media said engineers from 14 regions were working on the project.`)],
  ]),
  // Issue 19: opinion verbs and judgement markers with generic experts; officials' readings stay reported.
  ...story('tune-24', 'tuning', [
    [none(`Iran unveils new drone at Tehran parade`)],
    [
      state(
        `Iran displayed a long-range attack drone at a military parade in Tehran on Friday, the official IRNA news agency reported.`,
      ),
      state(`IRNA said the drone could fly 2,500 kilometres carrying a 300-kilogram warhead.`),
    ],
    [
      opinion(`Western experts doubt that the drone has the range Tehran claims.`),
      opinion(`Many Iran watchers consider the parade a message to Israel after last month's strikes.`),
    ],
    [
      fact(`U.S. officials see the unveiling as an attempt to project strength.`),
      fact(`Israel's military declined to comment.`),
    ],
  ]),
];
