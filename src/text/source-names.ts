import type { Lexicon } from './lexicon.js';

/** Folds a name for comparison: case, a leading "the", spaces and curly apostrophes do not count. */
export function foldSourceName(text: string): string {
  return text
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Resolves outlet names to one spelling with the lexicon's outlets:
 * "the KCNA" and "Korean Central News Agency" both give "KCNA". Unknown names
 * give undefined.
 */
export function outletNameResolver(lexicon: Lexicon): (text: string) => string | undefined {
  const byAlias = new Map<string, string>();
  for (const outlet of [...lexicon.stateOutlets, ...lexicon.otherOutlets]) {
    for (const spelling of [outlet.name, ...outlet.aliases]) {
      const key = foldSourceName(spelling);
      if (!byAlias.has(key)) byAlias.set(key, outlet.name);
    }
  }
  return (text) => byAlias.get(foldSourceName(text));
}

/**
 * Sources ordered most used first (ties alphabetically), outlet aliases
 * counted under their outlet's name.
 */
export function rankSources(
  counts: Iterable<[string, number]>,
  resolve: (text: string) => string | undefined,
): string[] {
  const merged = new Map<string, number>();
  for (const [name, count] of counts) {
    const key = resolve(name) ?? name.trim();
    if (key) merged.set(key, (merged.get(key) ?? 0) + count);
  }
  return [...merged].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
