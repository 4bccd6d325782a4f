import { LitElement, html, nothing } from 'lit';
import { Task, TaskStatus } from '../controllers/task-controller.js';
import { isValidationError, type DirectoryClient, type SubmissionReceipt, type SuggestionInput } from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './suggest-form.styles.js';

type Field = 'field' | 'message' | 'contactEmail';

/**
 * "Suggest an update" for one organization: what is wrong, the suggestion, and an optional email.
 * It reminds people not to share details of their own situation. A hidden honeypot field
 * catches bots. Sending is never retried automatically.
 *
 * @summary A small form that sends a correction to the hotline.
 *
 * @csspart base - The form.
 *
 * @cssproperty --rd-error - Colour of error messages and invalid fields.
 *
 * @fires rd-suggestion-sent - The API accepted the suggestion. `detail: { organization, reference }`.
 * @fires rd-suggest-cancel - The person cancelled. Does not bubble: for the enclosing card only.
 */
export class RdSuggestForm extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    organization: {},
    organizationName: { attribute: 'organization-name' },
    client: { attribute: false },
    _errors: { state: true, attribute: false },
  };

  /** Slug of the organization. */
  organization = '';

  /** Name of the organization, for the form's heading. */
  organizationName = '';

  /** SDK client to post with. */
  client: DirectoryClient | undefined;

  private _errors: Partial<Record<Field, string>> = {};

  private get _form(): HTMLFormElement {
    return this.renderRoot.querySelector<HTMLFormElement>('form')!;
  }

  readonly #i18n = new I18nController(this);
  /** What to focus after the next render. */
  #focus: string | undefined;

  readonly #send = new Task(this, {
    autoRun: false,
    task: async ([input]: readonly [SuggestionInput], { signal }): Promise<SubmissionReceipt> => {
      if (!this.client) throw new Error('no client');
      return this.client.suggestions.submit(input, { signal });
    },
    onComplete: (receipt) => {
      // The fields go away with the focus: move it to the confirmation.
      this.#focus = '.done';
      emit(this, 'rd-suggestion-sent', { organization: this.organization, reference: receipt.data.reference });
    },
    onError: (error) => {
      if (isValidationError(error)) {
        const errors: Partial<Record<Field, string>> = {};
        for (const d of error.details) {
          if (d.path === 'message' || d.path === 'field' || d.path === 'contactEmail') errors[d.path] = d.message;
        }
        this._errors = errors;
        this.#focus = '[aria-invalid="true"]';
      }
    },
  });

  override render() {
    const { t } = this.#i18n;
    if (this.#send.status === TaskStatus.COMPLETE) {
      return html`<p class="done" role="status" tabindex="-1">
        ${t('suggest.success', { reference: this.#send.value?.data.reference ?? '' })}
      </p>`;
    }
    const pending = this.#send.status === TaskStatus.PENDING;
    const invalid = (f: Field) => (this._errors[f] ? 'true' : 'false');
    return html`<form part="base" novalidate aria-labelledby="title" @submit=${this._onSubmit}>
      <h4 id="title">${t('suggest.heading', { name: this.organizationName })}</h4>
      <p class="hint">${t('suggest.privacy')}</p>
      <label for="field">${t('suggest.field')}</label>
      <input id="field" name="field" class="field" maxlength="100" autocomplete="off" aria-describedby="field-hint field-error" aria-invalid=${invalid('field')} />
      <p id="field-hint" class="hint">${t('suggest.fieldHint')}</p>
      ${this.#error('field')}
      <label for="message">${t('suggest.message')}</label>
      <textarea id="message" name="message" class="field" required maxlength="2000" aria-describedby="message-error" aria-invalid=${invalid('message')}></textarea>
      ${this.#error('message')}
      <label for="email">${t('suggest.email')}</label>
      <input id="email" name="contactEmail" type="email" class="field" autocomplete="email" maxlength="200" aria-describedby="email-hint contactEmail-error" aria-invalid=${invalid('contactEmail')} />
      <p id="email-hint" class="hint">${t('suggest.emailHint')}</p>
      ${this.#error('contactEmail')}
      <div class="hp" aria-hidden="true">
        <label for="fax">${t('suggest.honeypot')}</label>
        <input id="fax" name="fax" tabindex="-1" autocomplete="off" />
      </div>
      <div role="alert">
        ${this.#send.render({
          error: (e) => html`<p class="error">${isValidationError(e) ? t('suggest.invalid') : t('suggest.error')}</p>`,
        })}
      </div>
      <div class="actions">
        <button class="btn primary" aria-disabled=${pending ? 'true' : 'false'}>${t(pending ? 'suggest.sending' : 'suggest.submit')}</button>
        <button type="button" class="btn" @click=${this._onCancel}>${t('suggest.cancel')}</button>
      </div>
    </form>`;
  }

  #error(f: Field) {
    const message = this._errors[f];
    return message ? html`<p id="${f}-error" class="error">${message}</p>` : nothing;
  }

  override updated(): void {
    if (!this.#focus) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = undefined;
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.#send.status === TaskStatus.PENDING) return;
    const data = new FormData(this._form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const errors: Partial<Record<Field, string>> = {};
    const { t } = this.#i18n;
    if (!text('message')) errors.message = t('suggest.required');
    const email = this.renderRoot.querySelector<HTMLInputElement>('#email');
    if (email && !email.validity.valid) errors.contactEmail = t('suggest.emailInvalid');
    this._errors = errors;
    if (Object.keys(errors).length) {
      this.#focus = '[aria-invalid="true"]';
      return;
    }
    const input: SuggestionInput = {
      locale: this.#i18n.locale,
      organization: this.organization,
      message: text('message'),
      ...(text('field') && { field: text('field') }),
      ...(text('contactEmail') && { contactEmail: text('contactEmail') }),
      ...(text('fax') && { fax: text('fax') }),
    };
    void this.#send.run([input]);
  }

  private _onCancel(): void {
    this.#send.abort();
    this.dispatchEvent(new Event('rd-suggest-cancel'));
  }
}

customElements.define('rd-suggest-form', RdSuggestForm);

declare global {
  interface HTMLElementTagNameMap {
    'rd-suggest-form': RdSuggestForm;
  }
}
