import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

/**
 * Makes the editor a form field through ElementInternals: its value (native
 * JSON) is submitted under its `name`, it resets with the form, follows
 * `disabled` fieldsets, and with `required` is invalid until something is
 * tagged (`readonly` fields are not validated, as for native fields).
 */
export class FormController implements ReactiveController {
  private scheduled = false;
  private form: HTMLFormElement | null = null;

  constructor(
    private readonly host: FormHost,
    readonly internals: ElementInternals,
    private readonly bridge: FormBridge,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.form = this.internals.form;
    // Text edits update the value lazily; a submit must still send the latest.
    this.form?.addEventListener('submit', this.update, { capture: true });
    this.schedule();
  }

  hostDisconnected() {
    this.form?.removeEventListener('submit', this.update, { capture: true });
    this.form = null;
  }

  hostUpdated() {
    this.validate();
  }

  /** The annotations or text changed: the value is recomputed once the current task is done. */
  schedule() {
    // Outside a form there is nothing to submit; the value is made when the editor joins one.
    if (this.scheduled || !this.internals.form) return;
    this.scheduled = true;
    queueMicrotask(this.update);
  }

  readonly update = () => {
    this.scheduled = false;
    const value = this.bridge.value();
    this.internals.setFormValue(value, value);
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

  private validate() {
    if (this.host.required && !this.host.readonly && this.bridge.annotationCount() === 0) {
      this.internals.setValidity({ valueMissing: true }, 'Tag at least one sentence of the article.', this.bridge.anchor());
    } else {
      this.internals.setValidity({});
    }
  }
}
