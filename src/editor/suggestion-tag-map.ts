import { findTag, type Taxonomy } from '../model/taxonomy.js';
import { PROVENANCE_ROLES, type ProvenanceRole } from '../text/suggest/provenance-roles.js';

/** Which tag of the taxonomy each suggested provenance role becomes; a role left out is not suggested. */
export type SuggestionTagMap = Partial<Record<ProvenanceRole, string>>;

/** The three built-in tags. */
export const DEFAULT_SUGGESTION_TAG_MAP: Readonly<Record<ProvenanceRole, string>> = Object.freeze({
  'state-media': 'state-media-claim',
  analyst: 'analyst-opinion',
  reported: 'reported-fact',
});

const ROLE_NAMES: Record<ProvenanceRole, string> = {
  'state-media': 'state-media claims',
  analyst: 'analyst opinions',
  reported: 'reported facts',
};

export interface SuggestionTags {
  /** Role → id of a tag the taxonomy has. */
  tags: ReadonlyMap<ProvenanceRole, string>;
  /** Roles that are not suggested, each with the reason. */
  unmapped: readonly { role: ProvenanceRole; reason: string }[];
  /** Keys of the map that are no role (a typo such as "opinion"). */
  unknownKeys: readonly string[];
}

/**
 * Checks a tag map given by an embedder against the taxonomy: a role is
 * suggested only if it maps to the id of one of the taxonomy's tags.
 */
export function resolveSuggestionTags(map: unknown, taxonomy: Taxonomy): SuggestionTags {
  const tags = new Map<ProvenanceRole, string>();
  const unmapped: { role: ProvenanceRole; reason: string }[] = [];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return {
      tags,
      unmapped: PROVENANCE_ROLES.map((role) => ({ role, reason: 'suggestionTagMap is not an object' })),
      unknownKeys: [],
    };
  }
  const entries = map as Record<string, unknown>;
  for (const role of PROVENANCE_ROLES) {
    const tag = entries[role];
    if (tag === undefined) unmapped.push({ role, reason: 'no tag mapped' });
    else if (typeof tag !== 'string') unmapped.push({ role, reason: 'its mapping is not a tag id' });
    else if (!findTag(taxonomy, tag)) unmapped.push({ role, reason: `“${tag}” is not a tag here` });
    else tags.set(role, tag);
  }
  const roles: readonly string[] = PROVENANCE_ROLES;
  return { tags, unmapped, unknownKeys: Object.keys(entries).filter((key) => !roles.includes(key)) };
}

/**
 * Says which roles are not suggested and why, for the toolbar and screen
 * readers ("Not suggested: analyst opinions (no tag mapped)…"); undefined
 * when every role is.
 */
export function unmappedRolesMessage({ tags, unmapped, unknownKeys }: SuggestionTags): string | undefined {
  const unknown = unknownKeys.length
    ? ` Unknown role${unknownKeys.length === 1 ? '' : 's'} in suggestionTagMap: ${unknownKeys.map((key) => `“${key}”`).join(', ')} (roles: ${PROVENANCE_ROLES.join(', ')}).`
    : '';
  if (unmapped.length === 0) return unknown ? unknown.trim() : undefined;
  if (tags.size === 0) {
    return `No suggestions: none of the provenance roles (${PROVENANCE_ROLES.join(', ')}) maps to a tag of this taxonomy; set suggestionTagMap.${unknown}`;
  }
  const list = unmapped.map(({ role, reason }) => `${ROLE_NAMES[role]} (${reason})`).join(', ');
  return `Not suggested: ${list}. Set suggestionTagMap to offer them.${unknown}`;
}
