/** One provenance tag a fact-checker can give a span of text. */
export interface Tag {
  /** Stable id, written into exports and `data-tag`. */
  id: string;
  label: string;
  /** Any CSS colour; the highlight and label are drawn from it. */
  color?: string;
  /** A single key that tags the selection with this tag in annotate mode. */
  key?: string;
  description?: string;
}

export type Taxonomy = readonly Tag[];

export const DEFAULT_TAXONOMY: Taxonomy = Object.freeze([
  {
    id: 'state-media-claim',
    label: 'State-media claim',
    color: '#b3261e',
    key: '1',
    description: 'Relayed from a state-controlled outlet (KCNA, Xinhua, RT…).',
  },
  {
    id: 'analyst-opinion',
    label: 'Analyst opinion',
    color: '#6a3fb5',
    key: '2',
    description: 'Judgement, forecast or interpretation by a named or unnamed expert.',
  },
  {
    id: 'reported-fact',
    label: 'Reported fact',
    color: '#0b6e4f',
    key: '3',
    description: 'Stated by the outlet on its own authority.',
  },
]);

const TAG_ID = /^[A-Za-z][\w-]{0,63}$/;

/**
 * Colours that can go into a stylesheet unescaped: hex, a colour keyword, or
 * rgb()/hsl() with plain numbers. Anything else (`red; background: url(…)`)
 * could inject CSS, so it is refused.
 */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\([\d\s.,%/+-]{1,60}\))$/i;

export function isSafeColor(value: string): boolean {
  return SAFE_COLOR.test(value.trim());
}

/**
 * Checks a taxonomy given by an embedder and returns a frozen copy, or throws
 * an Error that names the offending entry. Ids must be unique and usable as
 * attribute values and CSS custom property names; keys must be unique.
 */
export function validateTaxonomy(input: readonly Tag[]): Taxonomy {
  if (!Array.isArray(input) || input.length === 0) {
    throw new Error('Taxonomy must be a non-empty array of {id, label} tags.');
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  const tags = input.map((tag, index) => {
    if (typeof tag?.id !== 'string' || !TAG_ID.test(tag.id)) {
      throw new Error(
        `Taxonomy entry ${index}: id must be letters, digits, "-" or "_" (got ${JSON.stringify(tag?.id)}).`,
      );
    }
    if (typeof tag.label !== 'string' || tag.label.trim() === '') {
      throw new Error(`Taxonomy entry "${tag.id}": label must be a non-empty string.`);
    }
    if (ids.has(tag.id)) throw new Error(`Taxonomy has two tags with id "${tag.id}".`);
    if (tag.color !== undefined && (typeof tag.color !== 'string' || !isSafeColor(tag.color))) {
      throw new Error(
        `Taxonomy entry "${tag.id}": color must be a hex colour, a colour name, rgb() or hsl() (got ${JSON.stringify(tag.color)}).`,
      );
    }
    if (tag.description !== undefined && typeof tag.description !== 'string') {
      throw new Error(`Taxonomy entry "${tag.id}": description must be a string.`);
    }
    ids.add(tag.id);
    if (tag.key !== undefined) {
      if (typeof tag.key !== 'string' || [...tag.key].length !== 1) {
        throw new Error(`Taxonomy entry "${tag.id}": key must be a single character.`);
      }
      if (keys.has(tag.key)) throw new Error(`Taxonomy has two tags on key "${tag.key}".`);
      keys.add(tag.key);
    }
    const { id, label, color, key, description } = tag;
    return Object.freeze({
      id,
      label,
      ...(color !== undefined ? { color: color.trim() } : {}),
      ...(key !== undefined ? { key } : {}),
      ...(description !== undefined ? { description } : {}),
    });
  });
  return Object.freeze(tags);
}

export function findTag(taxonomy: Taxonomy, id: string): Tag | undefined {
  return taxonomy.find((tag) => tag.id === id);
}

/**
 * The taxonomy with the tags written in `add` that it does not know yet (by id
 * or label, case-insensitive), appended: label, colour and key from
 * `described` (an import file's taxonomy) when it has them, a key only when
 * still free, and an id made fit for selectors when the written one is not.
 */
export function withAddedTags(taxonomy: Taxonomy, described: Taxonomy | undefined, add: readonly string[]): Taxonomy {
  const fresh = add.filter(
    (written) => !taxonomy.some((tag) => tag.id === written || tag.label.toLowerCase() === written.toLowerCase()),
  );
  if (fresh.length === 0) return taxonomy;
  const usedKeys = new Set(taxonomy.map((tag) => tag.key));
  const added = fresh.map((written) => {
    const source = described?.find((tag) => tag.id === written);
    const id = TAG_ID.test(written)
      ? written
      : `tag-${[...written]
          .map((c) => c.codePointAt(0)!.toString(36))
          .join('')
          .slice(0, 40)}`;
    const key = source?.key && !usedKeys.has(source.key) ? source.key : undefined;
    if (key) usedKeys.add(key);
    return {
      id,
      label: source?.label ?? written,
      ...(source?.color ? { color: source.color } : {}),
      ...(key ? { key } : {}),
    };
  });
  return validateTaxonomy([...taxonomy, ...added]);
}
