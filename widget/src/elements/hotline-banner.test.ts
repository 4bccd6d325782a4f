import { expect, fixture, html } from '@open-wc/testing';
import { expectAccessible } from '../../test/helpers.js';
import { SETTINGS } from '../../test/fixtures.js';
import './hotline-banner.js';
import type { RdHotlineBanner } from './hotline-banner.js';

const link = (el: RdHotlineBanner) => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="number"]')!;

describe('rd-hotline-banner', () => {
  it('is accessible', async () => {
    const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="en"></rd-hotline-banner>`);
    await expectAccessible(el);
  });

  describe('without settings from the API', () => {
    it('shows the Canadian Human Trafficking Hotline as a tel: link, 24/7, in 200+ languages', async () => {
      const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="en"></rd-hotline-banner>`);
      expect(link(el).getAttribute('href')).to.equal('tel:+18339001010');
      expect(link(el).textContent).to.equal('1-833-900-1010');
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain('Canadian Human Trafficking Hotline');
      expect(text).to.contain('24 hours a day, 7 days a week');
      expect(text).to.contain('In more than 200 languages');
    });

    it('speaks French when its lang is fr', async () => {
      const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="fr"></rd-hotline-banner>`);
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain('Dans plus de 200 langues');
      expect(text).to.contain('24 heures sur 24, 7 jours sur 7');
      expect(link(el).getAttribute('href')).to.equal('tel:+18339001010');
    });
  });

  describe('with settings from the API', () => {
    it('shows their hours, languages and chat link', async () => {
      const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="en" .hotline=${SETTINGS.en.hotline}></rd-hotline-banner>`);
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain('Open 24 hours a day, every day');
      expect(text).to.contain('Help in over 200 languages');
      const chat = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="https://hotline.example.org"]')!;
      expect(chat.rel).to.equal('noopener noreferrer');
      expect(chat.target).to.equal('_blank');
    });

    it('shows what it has when the settings miss some texts', async () => {
      const hotline = { ...SETTINGS.en.hotline, hours: null, languages: '' } as unknown as typeof SETTINGS.en.hotline;
      const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="en" .hotline=${hotline}></rd-hotline-banner>`);
      expect(link(el).getAttribute('href')).to.equal('tel:+18339001010');
      expect(el.shadowRoot!.querySelectorAll('.meta span')).to.have.length(0);
    });

    it('does not link a chat URL with an unsafe scheme', async () => {
      const hotline = { ...SETTINGS.en.hotline, chatUrl: 'javascript:alert(1)' };
      const el = await fixture<RdHotlineBanner>(html`<rd-hotline-banner lang="en" .hotline=${hotline}></rd-hotline-banner>`);
      expect(el.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
    });
  });
});
