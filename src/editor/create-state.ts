import type { Node as PMNode } from 'prosemirror-model';
import { history } from 'prosemirror-history';
import { EditorState } from 'prosemirror-state';
import { annotationPlugin } from './annotation-plugin.js';
import { drawWindowPlugin } from './draw-window.js';
import type { AnnotationRecord } from './annotation-record.js';
import type { RecordClock } from './record-factory.js';
import { annotationKeymap } from './keymap.js';
import { pointerPlugin } from './pointer-plugin.js';
import { presencePlugin } from './presence-plugin.js';
import { settingsPlugin, type EditorSettings } from './settings-and-text-lock.js';
import { suggestionPlugin } from './suggestion-plugin.js';

export interface ArticleStateOptions {
  doc: PMNode;
  settings: EditorSettings;
  records?: readonly AnnotationRecord[];
  clock?: RecordClock;
}

/** A fresh editor state: article, annotations, undo history, others' presence, the editor's keys and mouse. */
export function createArticleState({ doc, settings, records = [], clock }: ArticleStateOptions): EditorState {
  return EditorState.create({
    doc,
    plugins: [
      settingsPlugin(settings),
      drawWindowPlugin(),
      annotationPlugin(records),
      suggestionPlugin(),
      presencePlugin(),
      history(),
      annotationKeymap(clock),
      pointerPlugin(),
    ],
  });
}
