import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDirectoryClient } from '@referral-directory/sdk';
import { api, requests } from '../../test/handlers.js';
import { deepActiveElement, expectAccessible, startWorker, useScenario } from '../../test/helpers.js';
import './suggest-form.js';
import type { RdSuggestForm } from './suggest-form.js';

async function form(lang = 'en') {
  const client = createDirectoryClient({ baseUrl: api(), retry: false });
  return fixture<RdSuggestForm>(html`<rd-suggest-form
    lang=${lang}
    organization="maison-horizon"
    organization-name="Maison Horizon"
    .client=${client}
  ></rd-suggest-form>`);
}

const $ = <T extends Element = HTMLElement>(el: RdSuggestForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const submit = (el: RdSuggestForm) => $<HTMLFormElement>(el, 'form').requestSubmit();
const posts = () => requests().filter((r) => r.url.pathname.endsWith('/suggestions'));

describe('rd-suggest-form', () => {
  before(() => startWorker());
  beforeEach(() => useScenario('default'));

  for (const lang of ['en', 'fr']) {
    it(`has no axe violations, also with errors shown (${lang})`, async () => {
      const el = await form(lang);
      await expectAccessible(el);
      submit(el);
      await el.updateComplete;
      await expectAccessible(el);
    });
  }

  it('asks people not to share details of their situation, and hides the honeypot from everyone', async () => {
    const el = await form();
    expect(el.shadowRoot!.textContent).to.contain('do not include personal details');
    const trap = $(el, '.hp');
    expect(trap.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '#fax').tabIndex).to.equal(-1);
  });

  it('requires a message, marks the field invalid, focuses it and sends nothing', async () => {
    const el = await form();
    submit(el);
    await el.updateComplete;
    const message = $<HTMLTextAreaElement>(el, '#message');
    expect(message.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#message-error').textContent).to.equal('Please describe the update.');
    await waitUntil(() => deepActiveElement() === message, 'focus not on the field');
    expect(posts()).to.deep.equal([]);
  });

  it('rejects an invalid email before sending', async () => {
    const el = await form('fr');
    $<HTMLTextAreaElement>(el, '#message').value = 'Le numéro a changé.';
    $<HTMLInputElement>(el, '#email').value = 'pas-un-courriel';
    submit(el);
    await el.updateComplete;
    expect($(el, '#contactEmail-error').textContent).to.equal('Entrez une adresse courriel valide, ou laissez ce champ vide.');
    expect(posts()).to.deep.equal([]);
  });

  it('sends the suggestion through the SDK, confirms with the reference and fires rd-suggestion-sent', async () => {
    const el = await form('fr');
    $<HTMLInputElement>(el, '#field').value = 'téléphone';
    $<HTMLTextAreaElement>(el, '#message').value = '  Le nouveau numéro est 555-010-0999.  ';
    const event = oneEvent(el, 'rd-suggestion-sent');
    submit(el);
    expect((await event).detail).to.deep.equal({ organization: 'maison-horizon', reference: 'SUG-2025-0042' });
    await el.updateComplete;
    const done = $(el, '.done');
    expect(done.getAttribute('role')).to.equal('status');
    expect(done.textContent).to.contain('SUG-2025-0042');
    expect(posts()[0]!.body).to.deep.equal({
      locale: 'fr',
      organization: 'maison-horizon',
      message: 'Le nouveau numéro est 555-010-0999.',
      field: 'téléphone',
    });
    await waitUntil(() => deepActiveElement() === done, 'focus not on the confirmation');
  });

  it("shows the server's field errors beside the fields", async () => {
    const el = await form();
    $<HTMLTextAreaElement>(el, '#message').value = 'abc';
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#message-error'), 'no field error');
    expect($(el, '#message-error').textContent).to.equal('Too short (server).');
    expect($(el, '[role="alert"]').textContent).to.contain('Please correct the highlighted fields.');
  });

  it('says when the suggestion could not be sent, and keeps what was typed', async () => {
    useScenario('error');
    const el = await form();
    $<HTMLTextAreaElement>(el, '#message').value = 'The clinic moved.';
    submit(el);
    await waitUntil(() => $(el, '[role="alert"]').textContent!.trim(), 'no error');
    expect($(el, '[role="alert"]').textContent).to.contain('could not be sent');
    expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('The clinic moved.');
  });

  it('tells its card when the person cancels, without leaving the widget', async () => {
    const el = await form();
    const event = oneEvent(el, 'rd-suggest-cancel');
    $<HTMLButtonElement>(el, '.actions button[type="button"]').click();
    const fired = await event;
    expect(fired.bubbles).to.equal(false);
    expect(fired.composed).to.equal(false);
  });
});
