/**
 * What a suggestion says about a sentence: relayed from state media, the
 * opinion of an analyst or expert, or reported by the outlet itself. The
 * editor maps each role to a tag of its taxonomy.
 */
export type ProvenanceRole = 'state-media' | 'analyst' | 'reported';

export const PROVENANCE_ROLES: readonly ProvenanceRole[] = ['state-media', 'analyst', 'reported'];
