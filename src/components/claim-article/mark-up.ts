import type { TextPiece } from './article-copy.js';

/** An annotation placed in the copy's text. */
export interface PlacedRange {
  id: string;
  tag: string;
  start: number;
  end: number;
  /** The visible label drawn before its first mark: its tag, and its verdict when it has one. */
  label: string;
}

/** The elements drawn for one range: its first mark (the one focus goes to) and its label. */
export interface DrawnRange {
  mark: HTMLElement;
  label: HTMLElement;
}

/**
 * Splits the copy's text nodes at the ranges' edges and wraps each piece in
 * one `<mark data-tag data-annotation-id>` per range covering it, the
 * longest outermost (overlapping ranges nest, as in the editor). Each range's
 * label (`.reader-label`) goes just before the marks its first piece is in. Returns each range's first
 * mark and label, in reading order.
 */
export function markUp(pieces: readonly TextPiece[], ranges: readonly PlacedRange[]): Map<string, DrawnRange> {
  const first = new Map<string, DrawnRange>();
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end);
  if (sorted.length === 0) return first;
  for (const { node, start } of pieces) {
    const end = start + node.data.length;
    const here = sorted.filter((r) => r.start < end && r.end > start);
    if (here.length === 0) continue;
    const owner = node.ownerDocument;
    const cuts = new Set([start, end]);
    for (const r of here) {
      if (r.start > start) cuts.add(r.start);
      if (r.end < end) cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = owner.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const covering = here.filter((r) => r.start <= from && r.end >= to);
      let content: Node = owner.createTextNode(node.data.slice(from - start, to - start));
      // Innermost first: the shortest range wraps the text, the longest wraps them all.
      for (const range of [...covering].reverse()) {
        const mark = owner.createElement('mark');
        mark.className = 'claim-mark';
        mark.dataset.tag = range.tag;
        mark.dataset.annotationId = range.id;
        mark.append(content);
        content = mark;
      }
      // Labels go before the whole stack, so a mark's text is only the article's.
      for (const range of covering) {
        if (first.has(range.id)) continue;
        let mark = content as HTMLElement;
        while (mark.dataset.annotationId !== range.id) mark = mark.firstElementChild as HTMLElement;
        const label = owner.createElement('span');
        label.className = 'reader-label';
        label.dataset.tag = range.tag;
        label.dataset.annotationId = range.id;
        label.textContent = range.label;
        first.set(range.id, { mark, label });
        fragment.append(label);
      }
      fragment.append(content);
    }
    node.replaceWith(fragment);
  }
  return first;
}
