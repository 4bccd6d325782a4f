import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { OrganizationList } from '@referral-directory/sdk';
import { expectAccessible } from '../../test/helpers.js';
import './search-notice.js';
import type { RdSearchNotice } from './search-notice.js';

type Meta = OrganizationList['meta'];
const base: Meta = { page: 1, pageSize: 10, total: 3, pageCount: 1 };

async function notice(meta: Meta, query: string, lang = 'en'): Promise<RdSearchNotice> {
  return fixture<RdSearchNotice>(html`<rd-search-notice lang=${lang} .meta=${meta} .query=${query}></rd-search-notice>`);
}
// Spaces, non-breaking ones included (French punctuation), compare as one space.
const text = (el: RdSearchNotice) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('rd-search-notice', () => {
  it('is accessible with both messages', async () => {
    const el = await notice(
      { ...base, relaxed: true, matched: ['legal', 'montreal'], suggestions: ['legal aid montreal'] },
      'legal aidd montreal',
    );
    await expectAccessible(el);
  });

  describe('when every word was found', () => {
    it('renders nothing', async () => {
      const el = await notice(base, 'shelter');
      expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
    });
  });

  describe('when no organization had every word', () => {
    it('says so and marks the words that matched, in English', async () => {
      const el = await notice({ ...base, relaxed: true, matched: ['legal', 'montreal'] }, 'legal montreal zebra');
      expect(text(el)).to.contain('No organization matches all your words. Showing results for: legal, montreal.');
      const marks = [...el.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent);
      expect(marks).to.deep.equal(['legal', 'montreal']);
    });

    it('and in French', async () => {
      const el = await notice({ ...base, relaxed: true, matched: ['aide juridique'] }, 'aide juridique zèbre', 'fr');
      expect(text(el)).to.contain('Aucun organisme ne correspond à tous vos mots. Résultats pour : aide juridique.');
    });
  });

  describe('when a word looked mistyped', () => {
    it('offers the corrected query, which searches for it when chosen', async () => {
      const el = await notice({ ...base, total: 0, suggestions: ['shelter'] }, 'xhelter');
      expect(text(el)).to.contain('No results for “xhelter”.');
      expect(text(el)).to.contain('Did you mean shelter?');
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="suggestion"]')!;
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'rd-search');
      expect(event.detail).to.deep.equal({ q: 'shelter' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('speaks French', async () => {
      const el = await notice({ ...base, total: 0, suggestions: ['hébergement'] }, 'hebergemnt', 'fr');
      expect(text(el)).to.contain('Aucun résultat pour « hebergemnt ».');
      expect(text(el)).to.contain('Vouliez-vous dire hébergement ?');
    });

    it('renders a suggestion as text, never as markup', async () => {
      const el = await notice({ ...base, total: 0, suggestions: ['<img src=x onerror=alert(1)>'] }, 'x');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(el)).to.contain('<img src=x onerror=alert(1)>');
    });
  });
});
