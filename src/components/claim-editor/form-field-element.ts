import { LitElement } from 'lit';
import type { FormController } from './form-controller.js';

/**
 * A Lit element that is a form field as native ones are: its form, validity
 * and the form callbacks, all answered by the subclass's {@link FormController}.
 */
export abstract class FormFieldElement extends LitElement {
  static formAssociated = true;

  protected abstract readonly formField: FormController;

  /** The form this editor belongs to, as for native fields. */
  get form(): HTMLFormElement | null {
    return this.formField.internals.form;
  }

  get validity(): ValidityState {
    return this.formField.internals.validity;
  }

  get validationMessage(): string {
    return this.formField.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.formField.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.formField.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.formField.internals.reportValidity();
  }

  formResetCallback() {
    this.formField.formReset();
  }

  formDisabledCallback(disabled: boolean) {
    this.formField.formDisabled(disabled);
  }

  formStateRestoreCallback(state: string | File | FormData | null) {
    this.formField.formStateRestore(state);
  }
}
