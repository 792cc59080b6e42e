import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { segmentSentences, type SentenceRange } from '../text/sentences.js';
import { TextIndex, type TextBlock } from './text-index.js';

/** A sentence as a document range. */
export interface DocRange {
  from: number;
  to: number;
}

// Paragraph nodes are immutable and shared between document versions, so a
// paragraph is segmented once, however many edits happen elsewhere.
const sentenceCache = new WeakMap<PMNode, SentenceRange[]>();

function segmented(block: TextBlock): SentenceRange[] {
  let sentences = sentenceCache.get(block.node);
  if (!sentences) {
    sentences = segmentSentences(block.text);
    sentenceCache.set(block.node, sentences);
  }
  return sentences;
}

function sentencesOfBlock(index: TextIndex, blockIndex: number): DocRange[] {
  const block = index.blocks[blockIndex];
  return segmented(block).map(({ start, end }) => ({ from: block.pos + start, to: block.pos + end }));
}

/** How many characters of `doc`'s paragraphs are not segmented into sentences yet. */
export function unsegmentedLength(doc: PMNode): number {
  let length = 0;
  for (const block of TextIndex.of(doc).blocks) if (!sentenceCache.has(block.node)) length += block.text.length;
  return length;
}

/**
 * Segments the paragraphs of `doc` not segmented yet, at least one, then
 * more while `hasTime()` says so; true once all are (sentence look-ups then
 * need no segmenting).
 */
export function segmentDocument(doc: PMNode, hasTime: () => boolean = () => true): boolean {
  let any = false;
  for (const block of TextIndex.of(doc).blocks) {
    if (sentenceCache.has(block.node)) continue;
    if (any && !hasTime()) return false;
    segmented(block);
    any = true;
  }
  return true;
}

/** The sentence holding `pos`, or the nearest in its block when `pos` is in the space between sentences. */
export function sentenceAtPos(doc: PMNode, pos: number): DocRange | undefined {
  const index = TextIndex.of(doc);
  if (index.blocks.length === 0) return undefined;
  const sentences = sentencesOfBlock(index, index.blockAtPos(pos));
  return (
    sentences.find((s) => s.from <= pos && pos < s.to) ??
    sentences.find((s) => pos < s.from) ??
    sentences.findLast((s) => s.to <= pos)
  );
}

/** Widens a range to the whole sentences it touches (a range already on whole sentences stays as it is). */
export function expandToSentences(doc: PMNode, from: number, to: number): DocRange {
  const first = sentenceAtPos(doc, from);
  const last = sentenceAtPos(doc, Math.max(from, to - 1));
  if (!first || !last) return { from, to };
  return { from: Math.min(from, first.from), to: Math.max(to, last.to) };
}

/**
 * The sentence after (direction 1) or before (-1) the one at `pos`, crossing
 * into the next or previous block with text; undefined at either end.
 */
export function adjacentSentence(doc: PMNode, pos: number, direction: 1 | -1): DocRange | undefined {
  const index = TextIndex.of(doc);
  let blockIndex = index.blockAtPos(pos);
  const here = sentencesOfBlock(index, blockIndex);
  const found = direction === 1 ? here.find((s) => s.from > pos) : here.findLast((s) => s.from < pos && s.to <= pos);
  if (found) return found;
  for (blockIndex += direction; blockIndex >= 0 && blockIndex < index.blocks.length; blockIndex += direction) {
    const sentences = sentencesOfBlock(index, blockIndex);
    if (sentences.length > 0) return direction === 1 ? sentences[0] : sentences[sentences.length - 1];
  }
  return undefined;
}

/** The whole sentence under the state's selection head. */
export function currentSentence(state: EditorState): DocRange | undefined {
  return sentenceAtPos(state.doc, state.selection.head);
}
