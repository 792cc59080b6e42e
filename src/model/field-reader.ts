export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest string an imported annotation field may hold (the whole file is limited too). */
const MAX_FIELD_LENGTH = 1_000_000;

/**
 * Reads typed fields of one object, collecting every problem under `path`
 * instead of stopping at the first.
 */
export class FieldReader {
  constructor(
    private readonly object: JsonObject,
    private readonly path: string,
    private readonly errors: string[],
  ) {}

  string(key: string, required: true, maxLength?: number): string;
  string(key: string, required?: false, maxLength?: number): string | undefined;
  string(key: string, required = false, maxLength = MAX_FIELD_LENGTH): string | undefined {
    const value = this.object[key];
    if (value === undefined || value === null) {
      if (required) this.errors.push(`${this.path}.${key}: missing.`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.errors.push(`${this.path}.${key}: expected text, got ${describe(value)}.`);
      return undefined;
    }
    if (value.length > maxLength) {
      this.errors.push(`${this.path}.${key}: longer than ${maxLength} characters.`);
      return undefined;
    }
    return value;
  }

  offset(key: string): number | undefined {
    const value = this.object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.errors.push(`${this.path}.${key}: expected a whole number ≥ 0, got ${describe(value)}.`);
      return undefined;
    }
    return value;
  }

  date(key: string): string | undefined {
    const value = this.string(key);
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      this.errors.push(`${this.path}.${key}: not a date (${JSON.stringify(value.slice(0, 40))}).`);
      return undefined;
    }
    return value;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
