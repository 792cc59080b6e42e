/** A place a quote may now be, with how sure re-anchoring is of it. */
export interface Candidate {
  start: number;
  end: number;
  similarity: number;
  confidence: number;
}

/**
 * The confidence a candidate needs. A quote found word for word, near where
 * it was expected, still needs a third of its context to agree: a twin of a
 * deleted sentence agrees in neither.
 */
export const CONFIDENCE_BAR = 0.75;

/** The best candidate must beat the next one elsewhere by this much, or nothing is taken. */
const MARGIN = 0.05;

/** Below the bar, a long quote is still taken where it differs in at most 5% of its characters… */
const NEARLY_EXACT = 0.95;

/** …where no other place is as similar as this. */
const RIVAL_SIMILARITY = 0.8;

/** The match with the fewest errors (the first of equals). */
export function bestMatch<M extends { errors: number }>(matches: readonly M[]): M | undefined {
  let best: M | undefined;
  for (const match of matches) if (!best || match.errors < best.errors) best = match;
  return best;
}

/**
 * The most confident candidate, if it reaches the bar and clearly beats every
 * other place; else, for a `long` quote, the one place where it is nearly
 * exact, if nowhere else comes close; else undefined.
 */
export function pick(candidates: readonly Candidate[], long = false): { start: number; end: number } | undefined {
  const ranked = [...candidates].sort((a, b) => b.confidence - a.confidence);
  const [best] = ranked;
  if (!best) return undefined;
  if (best.confidence < CONFIDENCE_BAR) {
    const near = long ? candidates.filter((c) => c.similarity >= NEARLY_EXACT) : [];
    const unique = near.length === 1 && !candidates.some((c) => c !== near[0] && c.similarity >= RIVAL_SIMILARITY);
    return unique ? { start: near[0].start, end: near[0].end } : undefined;
  }
  const rival = ranked.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.confidence - rival.confidence < MARGIN) return undefined;
  return { start: best.start, end: best.end };
}
