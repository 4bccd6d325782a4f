import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createDirectoryClient, type Locale, type NearFields, type PublicOrganization } from '@referral-directory/sdk';
import { organizations } from '../../test/fixtures.js';
import { api, facetsFor } from '../../test/handlers.js';
import { deepActiveElement, expectAccessible } from '../../test/helpers.js';
import { normalizeOrganization } from '../lib/normalize.js';
import './result-card.js';
import type { RdResultCard } from './result-card.js';

const org = (slug: string, locale: Locale = 'en'): PublicOrganization => {
  const found = organizations(locale).find((o) => o.slug === slug);
  if (!found) throw new Error(slug);
  return found;
};

async function card(o: PublicOrganization & NearFields, lang: Locale = 'en', suggestions = false): Promise<RdResultCard> {
  const client = createDirectoryClient({ baseUrl: api() });
  return fixture<RdResultCard>(
    html`<rd-result-card lang=${lang} .organization=${o} .facets=${facetsFor(lang)} .client=${client} ?suggestions=${suggestions}></rd-result-card>`,
  );
}

const root = (el: RdResultCard) => el.shadowRoot!;
const text = (el: RdResultCard) => root(el).textContent!.replace(/\s+/g, ' ');
const toggle = (el: RdResultCard) => root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;

describe('rd-result-card', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`has no axe violations, collapsed and expanded (${lang})`, async () => {
      const el = await card(org('northern-legal-clinic', lang), lang, true);
      await expectAccessible(el);
      toggle(el).click();
      await el.updateComplete;
      await expectAccessible(el);
    });
  }

  describe('summary', () => {
    it('shows name (as a heading), kind and role, description, services, areas, languages and accessibility', async () => {
      const el = await card(org('maison-horizon'));
      expect(root(el).querySelector('h3')!.textContent).to.equal('Maison Horizon');
      const t = text(el);
      // The kind, role and provinces are named by the facets' labels, as the filters name them.
      expect(t).to.contain('Non-profit · Direct services');
      expect(t).to.contain('Safe emergency housing');
      expect(t).to.contain('Emergency shelter, Counselling');
      expect(t).to.contain('Quebec (Montréal, Laval)');
      expect(t).to.contain('French, English, Spanish');
      expect(t).to.contain('Wheelchair accessible');
    });

    it('says how far it is and, open now, until when, on its own clock, in each language', async () => {
      const near = (lang: Locale) => ({
        ...org('northern-legal-clinic', lang),
        distanceKm: 1200,
        open: { now: true, until: '2026-12-03T17:00:00-05:00' },
      });
      expect(root(await card(near('en'))).querySelector('.near')!.textContent).to.equal('1,200 km away · Open now · closes at 5:00 p.m.');
      expect(root(await card(near('fr'), 'fr')).querySelector('.near')!.textContent).to.equal(
        `À ${new Intl.NumberFormat('fr').format(1200)}\u00a0km · Ouvert maintenant · ferme à 17 h 00`,
      );
      const serves = await card({ ...org('northern-legal-clinic'), coverage: 'serves-area' } as PublicOrganization);
      expect(root(serves).querySelector('.near')!.textContent).to.equal('Serves this area');
      expect(root(await card(org('northern-legal-clinic'))).querySelector('.near')).to.equal(null);
    });

    describe('when the list says whether it is open', () => {
      const DAYS = {
        en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
        fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
      };
      // A date `days` from today on the clock of Montréal in winter (-05:00), at 09:00 there.
      const montreal = (days: number) => {
        const d = new Date(Date.now() - 5 * 3_600_000 + days * 86_400_000);
        return { iso: `${d.toISOString().slice(0, 10)}T09:00:00-05:00`, weekday: d.getUTCDay() };
      };
      const closed = (lang: Locale, days: number) =>
        card({ ...org('northern-legal-clinic', lang), open: { now: false, opensAt: montreal(days).iso } }, lang);
      const said = async (el: Promise<RdResultCard>) => root(await el).querySelector('.near')?.textContent;

      it('says when a closed service opens: today, tomorrow, else the day, at its own time, in English', async () => {
        expect(await said(closed('en', 0))).to.equal('Closed · opens today at 9:00 a.m.');
        expect(await said(closed('en', 1))).to.equal('Closed · opens tomorrow at 9:00 a.m.');
        expect(await said(closed('en', 3))).to.equal(`Closed · opens ${DAYS.en[montreal(3).weekday]} at 9:00 a.m.`);
      });

      it('says it in French', async () => {
        expect(await said(closed('fr', 0))).to.equal('Fermé · ouvre aujourd’hui à 9 h 00');
        expect(await said(closed('fr', 1))).to.equal('Fermé · ouvre demain à 9 h 00');
        expect(await said(closed('fr', 4))).to.equal(`Fermé · ouvre ${DAYS.fr[montreal(4).weekday]} à 9 h 00`);
      });

      it('says "open now" alone when it closes no time soon, and leaves 24/7 to its badge', async () => {
        const always = await card({ ...org('northern-legal-clinic'), open: { now: true } });
        expect(root(always).querySelector('.near')!.textContent).to.equal('Open now');
        const fr = await card({ ...org('northern-legal-clinic', 'fr'), open: { now: true } }, 'fr');
        expect(root(fr).querySelector('.near')!.textContent).to.equal('Ouvert maintenant');
        const shelter = await card({ ...org('maison-horizon'), open: { now: true } });
        expect(root(shelter).querySelector('.near')).to.equal(null);
        expect(root(shelter).querySelector('[part="badge"]')!.textContent).to.equal('Open 24/7');
      });
    });

    it('makes 24/7 stand out', async () => {
      const el = await card(org('maison-horizon'));
      expect(root(el).querySelector('[part="badge"]')!.textContent).to.equal('Open 24/7');
      const other = await card(org('northern-legal-clinic'));
      expect(root(other).querySelector('[part="badge"]')).to.equal(null);
    });

    it('links phones with tel: (and extensions), text lines with sms:', async () => {
      const el = await card(org('northern-legal-clinic'));
      const tel = [...root(el).querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')].map((a) => [a.getAttribute('href'), a.textContent]);
      expect(tel).to.deep.equal([
        ['tel:5550100202;ext=12', '555-010-0202 ext. 12'],
        ['tel:15550100203', '1-555-010-0203'],
      ]);
      const youth = await card(org('prairie-youth-outreach'));
      expect(root(youth).querySelector('a[href="sms:5550100303"]')).to.exist;
      expect(text(youth)).to.contain('Youth line (Text message)');
    });

    it('opens the website in a new tab without giving it the opener or the referrer, and says so', async () => {
      const el = await card(org('maison-horizon'));
      const site = root(el).querySelector<HTMLAnchorElement>('a[target="_blank"]')!;
      expect(site.getAttribute('href')).to.equal('https://www.maison-horizon.example.org/');
      expect(site.rel).to.equal('noopener noreferrer');
      expect(site.textContent).to.contain('maison-horizon.example.org');
      expect(site.querySelector('.vh')!.textContent).to.contain('(opens in a new tab)');
      expect(root(el).querySelector('a[href="mailto:aide@maison-horizon.example.org"]')).to.exist;
    });

    it('never links a website or email with an unsafe or invalid value', async () => {
      const el = await card(org('coastal-workers-centre'));
      expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
      expect(root(el).querySelector('a[href^="mailto"]')).to.equal(null);
      expect(root(el).querySelectorAll('a[target="_blank"]')).to.have.length(0);
    });

    it('renders CMS text as text, never as HTML', async () => {
      const el = await card({ ...org('maison-horizon'), description: '<img src=x onerror=alert(1)>Hello' });
      expect(root(el).querySelector('img')).to.equal(null);
      expect(text(el)).to.contain('<img src=x onerror=alert(1)>Hello');
    });

    it('gives the "last verified" date in the reader\'s language', async () => {
      const en = await card(org('maison-horizon'));
      expect(root(en).querySelector('time')!.getAttribute('datetime')).to.equal('2025-03-04');
      expect(text(en)).to.contain('Last verified: March 4, 2025');
      const fr = await card(org('maison-horizon', 'fr'), 'fr');
      expect(text(fr)).to.contain('Dernière vérification : 4 mars 2025');
    });

    it('says "Across Canada" for a national organization', async () => {
      const el = await card(org('national-survivor-network', 'fr'), 'fr');
      expect(text(el)).to.contain('Partout au Canada');
    });
  });

  describe('details', () => {
    it('are disclosed by a button with aria-expanded, and rd-select fires on expanding only', async () => {
      const el = await card(org('northern-legal-clinic'));
      const details = root(el).querySelector<HTMLElement>('[part="details"]')!;
      expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
      expect(toggle(el).getAttribute('aria-controls')).to.equal(details.id);
      expect(details.hidden).to.equal(true);
      const event = oneEvent(el, 'rd-select');
      toggle(el).click();
      expect((await event).detail).to.deep.equal({ slug: 'northern-legal-clinic', name: 'Northern Legal Clinic' });
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
      expect(details.hidden).to.equal(false);
      let fired = false;
      el.addEventListener('rd-select', () => (fired = true));
      toggle(el).click();
      await el.updateComplete;
      expect(fired).to.equal(false);
      expect(details.hidden).to.equal(true);
    });

    it("show opening hours by day, in the reader's language, and eligibility", async () => {
      const el = await card(org('northern-legal-clinic', 'fr'), 'fr');
      toggle(el).click();
      await el.updateComplete;
      const hours = [...root(el).querySelectorAll('.schedule li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(hours[0]).to.equal('lundi 9 h 00–17 h 00');
      expect(hours).to.have.length(5);
      expect(text(el)).to.contain("Personnes résidant dans le Nord de l'Ontario.");
    });

    it('show only the city of a confidential address', async () => {
      const el = await card(org('maison-horizon'));
      toggle(el).click();
      await el.updateComplete;
      const location = root(el).querySelector('[part="details"] ul li')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(location).to.equal('Montréal, Quebec (Confidential address)');
    });

    it('offer "Suggest an update" only when suggestions are on', async () => {
      const off = await card(org('maison-horizon'));
      toggle(off).click();
      await off.updateComplete;
      expect(root(off).querySelector('.suggest-toggle')).to.equal(null);
      const on = await card(org('maison-horizon'), 'en', true);
      toggle(on).click();
      await on.updateComplete;
      const open = root(on).querySelector<HTMLButtonElement>('.suggest-toggle')!;
      open.click();
      await on.updateComplete;
      expect(open.getAttribute('aria-expanded')).to.equal('true');
      const form = root(on).querySelector('rd-suggest-form')!;
      expect(form.getAttribute('lang')).to.equal('en');
      form.dispatchEvent(new Event('rd-suggest-cancel'));
      await on.updateComplete;
      expect(root(on).querySelector('rd-suggest-form')).to.equal(null);
      expect(deepActiveElement()).to.equal(open);
    });
  });

  it('shows a partial record (after normalizeOrganization) with what it has', async () => {
    const partial = normalizeOrganization({ slug: 'x', name: 'Only a name', kind: 'ngo', role: 'direct' } as PublicOrganization);
    const el = await card(partial);
    expect(root(el).querySelector('h3')!.textContent).to.equal('Only a name');
    toggle(el).click();
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('moves focus to its heading when focused', async () => {
    const el = await card(org('maison-horizon'));
    el.focus();
    expect(deepActiveElement()).to.equal(root(el).querySelector('h3'));
  });
});

describe('rd-result-card highlights', () => {
  it('marks the matched words of its name and description, as text, with a part', async () => {
    const o = { ...org('maison-horizon'), name: 'Safe <b>Shelter</b> House', description: 'A shelter in Montréal.' };
    const hit = {
      ...o,
      match: {
        fields: ['name', 'description'],
        name: [[8, 15]],
        description: [
          [2, 9],
          [13, 21],
        ],
      },
    };
    const el = await card(normalizeOrganization(hit));
    const marks = [...root(el).querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).to.deep.equal(['Shelter', 'shelter', 'Montréal']);
    expect(marks.every((m) => m.getAttribute('part') === 'mark')).to.equal(true);
    expect(root(el).querySelector('b')).to.equal(null);
    expect(root(el).querySelector('h3')!.textContent).to.equal('Safe <b>Shelter</b> House');
    await expectAccessible(el);
  });

  it('ignores ranges that do not fit the text, and shows plain text without a match', async () => {
    const o = org('maison-horizon');
    const bad = { ...o, match: { fields: [], name: [[-1, 3], [5, 2], [0, 10_000], 'x'], description: null } };
    const el = await card(normalizeOrganization(bad as unknown as PublicOrganization));
    expect(root(el).querySelectorAll('mark').length).to.equal(0);
    expect(root(el).querySelector('h3')!.textContent).to.equal(o.name);
  });
});
