import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState } from 'prosemirror-state';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { savedSourceCounts } from '../../storage/saved-sources.js';
import { loadSuggester, suggesterIfLoaded } from '../../text/lazy-suggester.js';
import type { Lexicon } from '../../text/lexicon.js';
import { outletNameResolver, rankSources } from '../../text/source-names.js';

/** Before the lexicon is loaded no spelling is known as an alias. */
const unresolved = (): string | undefined => undefined;

export interface SourceOptionsHost {
  documentId(): string | undefined;
  dbName(): string;
  lexicon(): Partial<Lexicon> | undefined;
}

/**
 * The sources offered in the details' source field: those of this article
 * (counted live) and of the other articles saved in this browser (read once,
 * when first asked for), outlet aliases merged under one name, most used first.
 */
export class SourceOptionsController implements ReactiveController {
  private saved = new Map<string, number>();
  private savedFor?: string;
  private resolver?: { lexicon: Partial<Lexicon> | undefined; resolve: (text: string) => string | undefined };
  private ranked?: { records: unknown; lexicon: unknown; saved: unknown; list: string[] };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SourceOptionsHost,
  ) {
    host.addController(this);
  }

  /** Back in a page: the other articles may have changed meanwhile, so they are read again when next asked for. */
  hostConnected() {
    this.savedFor = undefined;
  }

  /**
   * Loads the lexicon (in the suggester's lazy chunk) that outlet aliases are
   * merged by; called when the source field is first used, so a page that
   * only shows and tags an article never loads it.
   */
  loadAliases() {
    if (suggesterIfLoaded()) return;
    loadSuggester().then(
      () => this.host.requestUpdate(),
      () => undefined, // Offers stay unmerged; the next focus tries again.
    );
  }

  /** Gives an outlet's one name for any of its spellings ("the KCNA" → "KCNA"), once the lexicon is loaded. */
  get resolve(): (text: string) => string | undefined {
    const suggester = suggesterIfLoaded();
    if (!suggester) return unresolved;
    const lexicon = this.options.lexicon();
    const cached = this.resolver;
    if (cached && cached.lexicon === lexicon) return cached.resolve;
    const resolve = outletNameResolver(suggester.resolveLexicon(lexicon));
    this.resolver = { lexicon, resolve };
    return resolve;
  }

  /** The offers for `state`, most used first; the same array until something they depend on changes. */
  sources(state: EditorState): string[] {
    this.loadSaved();
    const { records } = getAnnotationState(state);
    const resolve = this.resolve;
    const cached = this.ranked;
    if (cached?.records === records && cached.lexicon === resolve && cached.saved === this.saved) return cached.list;
    const counts = new Map(this.saved);
    for (const record of records.values())
      if (record.source) counts.set(record.source, (counts.get(record.source) ?? 0) + 1);
    const list = rankSources(counts, resolve);
    this.ranked = { records, lexicon: resolve, saved: this.saved, list };
    return list;
  }

  private loadSaved() {
    const key = `${this.options.dbName()}\u0000${this.options.documentId() ?? ''}`;
    if (this.savedFor === key) return;
    this.savedFor = key;
    void savedSourceCounts(this.options.dbName(), this.options.documentId()).then((counts) => {
      if (this.savedFor !== key || counts.size === 0) return;
      this.saved = counts;
      this.host.requestUpdate();
    });
  }
}
