import type { Annotation } from '../model/annotation.js';
import type { Tag } from '../model/taxonomy.js';
import type { ExportSource, FormatWriter } from './format.js';
import { NATIVE_FORMAT, NATIVE_VERSION } from './native-file.js';

export { NATIVE_FORMAT, NATIVE_VERSION };

/** The native file: versioned, holding the article, the taxonomy and every annotation field. */
export interface NativeFile {
  format: typeof NATIVE_FORMAT;
  version: number;
  exported: string;
  document: ExportSource['document'];
  taxonomy: Tag[];
  annotations: Annotation[];
}

/** The native format's export side: `jsonFormat` (in `json.ts`) adds the import side to it. */
export const jsonWriter = {
  label: 'Backup of article and annotations (JSON)',
  fileName: 'claims.json',
  mediaType: 'application/json',

  serialize(source: ExportSource) {
    const file: NativeFile = {
      format: NATIVE_FORMAT,
      version: NATIVE_VERSION,
      exported: source.generated,
      document: source.document,
      taxonomy: source.taxonomy.map((tag) => ({ ...tag })),
      annotations: source.annotations.map((annotation) => ({ ...annotation })),
    };
    return JSON.stringify(file, null, 2);
  },
} satisfies FormatWriter;
