import type { Node as PMNode } from 'prosemirror-model';
import { blockText } from './schema.js';

/** One textblock of the document: where its content starts, in document positions and in text offsets. */
export interface TextBlock {
  /** Document position of the block's first content position (block start + 1). */
  pos: number;
  /** Offset of the block's first character in {@link TextIndex.text}. */
  start: number;
  text: string;
  node: PMNode;
}

const cache = new WeakMap<PMNode, TextIndex>();

/**
 * Translates between ProseMirror positions and offsets into the article's
 * plain text (textblocks joined by "\n", each inline leaf one character).
 * Built once per document version and cached, since documents are immutable.
 * The whole text is joined only when asked for: positions, lengths and short
 * slices (quotes, context) come from the blocks, so an open article is not
 * held twice.
 */
export class TextIndex {
  readonly blocks: readonly TextBlock[];
  /** Characters in the whole text. */
  readonly length: number;
  private joined?: string;

  private constructor(doc: PMNode) {
    const blocks: TextBlock[] = [];
    let start = 0;
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const text = blockText(node);
      blocks.push({ pos: pos + 1, start, text, node });
      start += text.length + 1;
      return false;
    });
    this.blocks = blocks;
    this.length = Math.max(0, start - 1);
  }

  /** The whole text, blocks joined by "\n". */
  get text(): string {
    this.joined ??= this.blocks.map((block) => block.text).join('\n');
    return this.joined;
  }

  /** `text.slice(start, end)`, read from the blocks it spans. */
  slice(start: number, end = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    let result = '';
    let at = start;
    for (let index = this.blockAtOffset(start); at < end; index++) {
      const block = this.blocks[index];
      const blockEnd = block.start + block.text.length;
      if (at < blockEnd) {
        const stop = Math.min(end, blockEnd);
        result += block.text.slice(at - block.start, stop - block.start);
        at = stop;
      }
      if (at < end) {
        result += '\n';
        at = blockEnd + 1;
      }
    }
    return result;
  }

  static of(doc: PMNode): TextIndex {
    let index = cache.get(doc);
    if (!index) {
      index = new TextIndex(doc);
      cache.set(doc, index);
    }
    return index;
  }

  /** The block holding text offset `offset`; an offset on a block separator belongs to the block before it. */
  blockAtOffset(offset: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.blocks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The block whose content holds `pos`, or the nearest one before it (the first block for positions before all). */
  blockAtPos(pos: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.blocks[mid].pos <= pos) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The document position of a text offset. An offset on the "\n" between two
   * blocks is the end of the first with bias "end", the start of the next with
   * bias "start", so a range never begins at the end of a block.
   */
  offsetToPos(offset: number, bias: 'start' | 'end' = 'start'): number {
    if (this.blocks.length === 0) return 0;
    const clamped = Math.max(0, Math.min(offset, this.length));
    const index = this.blockAtOffset(clamped);
    const block = this.blocks[index];
    const inBlock = clamped - block.start;
    if (bias === 'start' && inBlock === block.text.length && index + 1 < this.blocks.length) {
      return this.blocks[index + 1].pos;
    }
    return block.pos + inBlock;
  }

  /** The text offset of a document position; positions between blocks snap to the nearest block edge. */
  posToOffset(pos: number): number {
    if (this.blocks.length === 0) return 0;
    const block = this.blocks[this.blockAtPos(pos)];
    if (pos < block.pos) return block.start;
    return block.start + Math.min(pos - block.pos, block.text.length);
  }
}
