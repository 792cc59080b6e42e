type ImporterModule = typeof import('./importer-chunk.js');

let loading: Promise<ImporterModule> | undefined;

/**
 * Loads the import parsers and planner, a chunk of its own in `dist/`
 * (fetched relative to the module that asks for it), once; a failed load is
 * forgotten, so the next import tries again.
 */
export function loadImporter(): Promise<ImporterModule> {
  loading ??= import('./importer-chunk.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
