import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../shared/when-idle.js';

/** What form participation needs from the editor element. */
export interface FormBridge {
  /** The submitted value: the native JSON of the annotations (and article). */
  value(): string;
  annotationCount(): number;
  /** Puts the article and annotations back as they were when loaded. */
  reset(): void;
  /** Restores a value the browser kept (back/forward navigation, autofill). */
  restore(value: string): void;
  setDisabled(disabled: boolean): void;
  /** Where the browser points when it reports the field invalid. */
  anchor(): HTMLElement | undefined;
}

type FormHost = ReactiveControllerHost & HTMLElement & { required: boolean; readonly: boolean };

/** How long after the last change the value waits before it is made in idle time: typing goes on undisturbed. */
const QUIET_MS = 1000;

/**
 * Makes the editor a form field through ElementInternals: its value (native
 * JSON) is submitted under its `name`, it resets with the form, follows
 * `disabled` fieldsets, and with `required` is invalid until something is
 * tagged (`readonly` fields are not validated, as for native fields).
 *
 * The value of a long article takes a while to write, so a change does not
 * write it: the form's `formdata` event (a submit, `new FormData(form)`)
 * does, or idle time once changes have paused. Until then the field holds
 * a placeholder, which the `formdata` handler swaps for the value. Validity
 * needs only the annotation count and is kept current on every change.
 */
export class FormController implements ReactiveController {
  private form: HTMLFormElement | null = null;
  /** Whether the field holds the placeholder rather than the current value. */
  private stale = false;
  /** Whose entry in a FormData is this editor's, while stale: unique per editor. */
  private readonly placeholder = `claim-editor-pending-value:${crypto.randomUUID()}`;
  /** The value last written, kept as the state the browser restores. */
  private written: string | null = null;
  private lastChange = 0;
  private cancelPending?: () => void;

  constructor(
    private readonly host: FormHost,
    readonly internals: ElementInternals,
    private readonly bridge: FormBridge,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.form = this.internals.form;
    this.form?.addEventListener('formdata', this.onFormData, { capture: true });
    this.schedule();
  }

  hostDisconnected() {
    this.form?.removeEventListener('formdata', this.onFormData, { capture: true });
    this.form = null;
    this.cancelPending?.();
    this.cancelPending = undefined;
  }

  hostUpdated() {
    this.validate();
  }

  /** The annotations or text changed: the value is out of date until it is read or the browser is idle. */
  schedule() {
    // Outside a form there is nothing to submit; the value is made when the editor joins one.
    if (!this.internals.form) return;
    this.lastChange = performance.now();
    if (!this.stale) {
      this.stale = true;
      this.internals.setFormValue(this.placeholder, this.written);
    }
    this.validate();
    this.cancelPending ??= this.afterQuiet(QUIET_MS);
  }

  /** Writes the value now: the current article and annotations as native JSON. */
  readonly update = () => {
    this.cancelPending?.();
    this.cancelPending = undefined;
    this.stale = false;
    this.written = this.bridge.value();
    this.internals.setFormValue(this.written, this.written);
    this.validate();
  };

  formReset() {
    this.bridge.reset();
    this.update();
  }

  formDisabled(disabled: boolean) {
    this.bridge.setDisabled(disabled);
  }

  formStateRestore(state: string | File | FormData | null) {
    if (typeof state === 'string') this.bridge.restore(state);
  }

  /** Once `wait` ms pass with no change since the last one, writes the value in idle time. */
  private afterQuiet(wait: number): () => void {
    let cancel: () => void;
    const timer = setTimeout(() => {
      const remaining = this.lastChange + QUIET_MS - performance.now();
      cancel = remaining > 0 ? this.afterQuiet(remaining) : whenIdle(this.update);
    }, wait);
    cancel = () => clearTimeout(timer);
    return () => cancel();
  }

  /** The form's entries are being read: a placeholder among them is replaced by the value, in its place. */
  private readonly onFormData = (event: FormDataEvent) => {
    if (!this.stale) return;
    this.update();
    const { formData } = event;
    const entries = [...formData];
    if (!entries.some(([, value]) => value === this.placeholder)) return;
    // FormData cannot replace one entry in place: all are taken out and put back in order.
    for (const name of new Set(entries.map(([name]) => name))) formData.delete(name);
    for (const [name, value] of entries) formData.append(name, value === this.placeholder ? this.written! : value);
  };

  private validate() {
    if (this.host.required && !this.host.readonly && this.bridge.annotationCount() === 0) {
      this.internals.setValidity(
        { valueMissing: true },
        'Tag at least one sentence of the article.',
        this.bridge.anchor(),
      );
    } else {
      this.internals.setValidity({});
    }
  }
}
