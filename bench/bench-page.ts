import '../src/define.js';
import { benchFixture, type BenchFixture } from './bench-fixture.js';
import {
  createSubject,
  openSaved,
  saveFixture,
  timeCall,
  type ScrollTiming,
  type Side,
  type Subject,
} from './measurements.js';
import { measureStorageWrites } from './measure-storage.js';
import { measureFormKeystrokes } from './measure-form.js';
import { measureReanchoring } from './measure-reanchoring.js';
import { measureDense } from './dense-paragraph.js';

const area = document.getElementById('bench-area')!;
let fixture: BenchFixture | undefined;
const dbNames: Record<Side, string> = { product: '', baseline: '' };
const live: Partial<Record<Side, Subject>> = {};

function current(side: Side): Subject {
  const subject = live[side];
  if (!subject) throw new Error(`bench: nothing loaded on the ${side} side`);
  return subject;
}

async function repeat(times: number, measure: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await measure(i));
  return samples;
}

/**
 * Actions done before the measured ones, on both sides, so that neither is timed while its code is still being
 * compiled.
 */
const WARM_UP = 3;

/**
 * What the bench runner (scripts/bench.mjs) calls in the page. Each step
 * runs on one side, product or baseline, so the runner can interleave them
 * and take heap snapshots between steps.
 */
const bench = {
  async prepare(paragraphs: number) {
    fixture = benchFixture(paragraphs);
    dbNames.product = `bench-product-${crypto.randomUUID()}`;
    dbNames.baseline = `bench-baseline-${crypto.randomUUID()}`;
    await saveFixture(area, fixture, dbNames);
    return { paragraphs, characters: fixture.text.length, annotations: fixture.annotations.length };
  },

  async load(side: Side): Promise<number> {
    live[side] = createSubject(side, area, fixture!);
    return live[side]!.load();
  },

  async loadFromStorage(side: Side): Promise<number> {
    live[side] = createSubject(side, area, fixture!);
    return live[side]!.loadFromStorage(dbNames[side]);
  },

  async keystrokes(side: Side, times: number): Promise<number[]> {
    const subject = current(side);
    if ('setMode' in subject) await subject.setMode('edit');
    await subject.placeCaret(Math.floor(fixture!.paragraphs / 2));
    return (await repeat(WARM_UP + times, () => subject.keystroke())).slice(WARM_UP);
  },

  /** Keystrokes with the editor inside a form, both sides taking turns (their own editors, disposed of after). */
  formKeystrokes: (times: number) => measureFormKeystrokes(area, fixture!, times),

  async tags(side: Side, times: number): Promise<number[]> {
    const subject = current(side);
    if ('setMode' in subject) await subject.setMode('annotate');
    await subject.placeCaret(Math.floor(fixture!.paragraphs / 2), 0.3);
    const samples = await repeat(WARM_UP + times, async () => {
      await subject.nextSentence();
      return subject.tag();
    });
    return samples.slice(WARM_UP);
  },

  scrollList(side: Side): Promise<ScrollTiming> {
    return current(side).scrollList();
  },

  async exports(side: Side, times: number): Promise<Record<'w3c' | 'html' | 'importJson', number[]>> {
    const subject = current(side);
    const json = fixture!.json;
    return {
      w3c: await repeat(times, () => timeCall(() => subject.exportAs('w3c'))),
      html: await repeat(times, () => timeCall(() => subject.exportAs('html'))),
      importJson: await repeat(times, () => timeCall(() => subject.importJson(json))),
    };
  },

  dispose(side: Side): void {
    live[side]?.dispose();
    delete live[side];
  },

  async finish(): Promise<void> {
    for (const side of ['product', 'baseline'] as const) bench.dispose(side);
    // Deleting waits for every page's connection to close: not awaited.
    for (const name of Object.values(dbNames)) if (name) indexedDB.deleteDatabase(name);
    fixture = undefined;
  },

  measureStorageWrites: (paragraphs: number) => measureStorageWrites(paragraphs, area),

  databases: () => ({ ...dbNames }),

  openSaved: (side: Side, dbName: string) => openSaved(side, area, dbName),

  /**
   * Re-anchoring (bench/measure-reanchoring.ts): the issue-18 corpus figures and 5,000 annotations on a changed
   * article.
   */
  measureReanchoring: () => measureReanchoring(),
  /** Many annotations on one paragraph, or the same sentences one per paragraph (bench/dense-paragraph.ts). */
  dense: (layout: 'one-paragraph' | 'one-per-paragraph', sentences: number, perSentence: number, adds: number) =>
    measureDense(area, layout, sentences, perSentence, adds),
};

Object.assign(window, { bench });
