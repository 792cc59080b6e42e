/** One verdict of a rating scale and its number (ClaimReview `ratingValue`). */
export interface VerdictLevel {
  label: string;
  value: number;
}

/** The verdicts offered in the verdict field, best first; any other verdict may still be typed. */
export type VerdictScale = readonly VerdictLevel[];

/**
 * The default scale: five ratings from True (5) to False (1), and Unproven
 * (0) for a claim that could be neither confirmed nor refuted.
 */
export const DEFAULT_VERDICT_SCALE: VerdictScale = [
  { label: 'True', value: 5 },
  { label: 'Mostly true', value: 4 },
  { label: 'Mixed', value: 3 },
  { label: 'Mostly false', value: 2 },
  { label: 'False', value: 1 },
  { label: 'Unproven', value: 0 },
];

/** The scale's level for `verdict`, compared without case or surrounding space. */
export function findVerdict(scale: VerdictScale, verdict: string): VerdictLevel | undefined {
  const wanted = verdict.trim().toLowerCase();
  return scale.find((level) => level.label.toLowerCase() === wanted);
}

/** Checks a scale: at least one level, each a non-blank label (unique, case aside) and a finite number. */
export function validateVerdictScale(value: unknown): VerdictScale {
  if (!Array.isArray(value) || value.length === 0) throw new Error('verdictScale must be a non-empty list.');
  const seen = new Set<string>();
  return value.map((level: unknown, index) => {
    const { label, value: number } = (level ?? {}) as Partial<VerdictLevel>;
    if (typeof label !== 'string' || label.trim() === '')
      throw new Error(`verdictScale[${index}].label must be non-blank text.`);
    if (typeof number !== 'number' || !Number.isFinite(number))
      throw new Error(`verdictScale[${index}].value must be a finite number.`);
    const key = label.trim().toLowerCase();
    if (seen.has(key)) throw new Error(`verdictScale has "${label.trim()}" twice.`);
    seen.add(key);
    return { label: label.trim(), value: number };
  });
}
