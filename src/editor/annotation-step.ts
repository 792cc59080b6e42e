import type { Node as PMNode, Schema } from 'prosemirror-model';
import { Mapping, Step, StepMap, StepResult } from 'prosemirror-transform';
import { mapRecord, type AnnotationRecord } from './annotation-record.js';

/**
 * A document step that changes one annotation and leaves the text alone.
 *
 * Annotation changes are steps, not only metadata, so that prosemirror-history
 * records them in the same undo stack as text edits, in order: undo after
 * "type, tag, type" takes back the typing, then the tag. `before === after`
 * is a checkpoint: it changes nothing, but its inverse puts the annotation
 * back where it was, which is how undoing a deletion restores the annotations
 * the deletion removed (see `checkpoint.ts`).
 */
export class AnnotationStep extends Step {
  constructor(
    readonly id: string,
    readonly before: AnnotationRecord | null,
    readonly after: AnnotationRecord | null,
  ) {
    super();
  }

  apply(doc: PMNode): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): AnnotationStep {
    return new AnnotationStep(this.id, this.after, this.before);
  }

  /** Never dropped by mapping: an annotation whose text is deleted becomes orphaned, not lost. */
  map(mapping: Mapping): AnnotationStep {
    return new AnnotationStep(
      this.id,
      this.before && mapRecord(this.before, mapping),
      this.after && mapRecord(this.after, mapping),
    );
  }

  toJSON(): { stepType: string; id: string; before: AnnotationRecord | null; after: AnnotationRecord | null } {
    return { stepType: ANNOTATION_STEP_ID, id: this.id, before: this.before, after: this.after };
  }

  static override fromJSON(
    _schema: Schema,
    json: { id: string; before: AnnotationRecord | null; after: AnnotationRecord | null },
  ) {
    return new AnnotationStep(json.id, json.before, json.after);
  }
}

const ANNOTATION_STEP_ID = 'claim-annotation';
Step.jsonID(ANNOTATION_STEP_ID, AnnotationStep);
