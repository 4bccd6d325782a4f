import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { api, listRequests, requests, scenarios } from '../test/handlers.js';
import { startWorker, useScenario, worker } from '../test/helpers.js';
import type { RdErrorDetail, RdResultsDetail } from './lib/events.js';
import './referral-directory.js';
import type { ReferralDirectory } from './referral-directory.js';

/**
 * What a host page learns after each load (`rd-results`, `rd-error`), and what removing the
 * widget does to its requests in flight.
 */
const WAIT = { timeout: 5000 };
const shadow = (el: Element) => el.shadowRoot!;

function mountTemplate(extra = ''): ReferralDirectory {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<referral-directory api-url="${api()}" lang="en" ${extra}></referral-directory>`;
  return wrapper.firstElementChild as ReferralDirectory;
}

/** Collects the load events that reach the document (so: they bubble and are composed). */
function collect(): { results: RdResultsDetail[]; errors: RdErrorDetail[]; stop: () => void } {
  const results: RdResultsDetail[] = [];
  const errors: RdErrorDetail[] = [];
  const onResults = (e: CustomEvent<RdResultsDetail>) => results.push(e.detail);
  const onError = (e: CustomEvent<RdErrorDetail>) => errors.push(e.detail);
  document.addEventListener('rd-results', onResults);
  document.addEventListener('rd-error', onError);
  return {
    results,
    errors,
    stop: () => {
      document.removeEventListener('rd-results', onResults);
      document.removeEventListener('rd-error', onError);
    },
  };
}

describe('events for the host page', () => {
  let seen: ReturnType<typeof collect>;

  before(async () => {
    await startWorker();
  });

  beforeEach(() => {
    useScenario('default');
    seen = collect();
  });

  afterEach(() => seen.stop());

  describe('rd-results', () => {
    it('fires after the first load with the count and the filters in force', async () => {
      const el = mountTemplate('province="QC"');
      const event = oneEvent(el, 'rd-results');
      await fixture(el);
      const { detail, bubbles, composed } = await event;
      expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
      expect(detail).to.deep.equal({ count: 2, q: '', filters: { province: ['QC'] } });
    });

    it('fires again after each load: a search, a filter change, another page', async () => {
      const el = await fixture<ReferralDirectory>(mountTemplate('page-size="2"'));
      await waitUntil(() => seen.results.length === 1, 'no first rd-results', WAIT);
      expect(seen.results[0]).to.deep.equal({ count: 6, q: '', filters: {} });

      el.q = 'montréal';
      await waitUntil(() => seen.results.length === 2, 'no rd-results after the search', WAIT);
      expect(seen.results[1]!.q).to.equal('montréal');
      expect(seen.results[1]!.count).to.be.within(1, 5);

      el.q = '';
      el.province = 'ON';
      await waitUntil(() => seen.results.length === 3, 'no rd-results after the filter', WAIT);
      expect(seen.results[2]).to.deep.include({ q: '', filters: { province: ['ON'] } });

      el.province = '';
      await waitUntil(() => seen.results.length === 4, 'no rd-results with no filter', WAIT);
      shadow(el).querySelector<HTMLButtonElement>('.more button')!.click();
      await waitUntil(() => seen.results.length === 5, 'no rd-results after "show more"', WAIT);
      expect(seen.results[4]).to.deep.equal({ count: 6, q: '', filters: {} });
      expect(seen.errors).to.deep.equal([]);
    });
  });

  describe('rd-error', () => {
    it('fires after each failed load, with the HTTP status, and not rd-results', async () => {
      useScenario('error');
      const el = mountTemplate();
      const event = oneEvent(el, 'rd-error');
      await fixture(el);
      const { detail, bubbles, composed } = await event;
      expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
      expect(detail).to.deep.equal({ name: 'HttpError', status: 503 });
      await waitUntil(() => shadow(el).querySelector('[part="error"]'), 'no error state', WAIT);
      shadow(el).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
      await waitUntil(() => seen.errors.length === 2, 'no rd-error after the retry', WAIT);
      expect(seen.results).to.deep.equal([]);
    });
  });

  describe('when the widget is removed', () => {
    it('aborts its requests in flight, without an rd-error', async () => {
      useScenario('slow');
      const signals: AbortSignal[] = [];
      const original = globalThis.fetch;
      globalThis.fetch = (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return original(input, init);
      };
      try {
        const el = await fixture<ReferralDirectory>(mountTemplate());
        // settings, facets and the list, all held by the slow API.
        await waitUntil(() => requests().length >= 3 && signals.length >= 3, 'requests not sent', WAIT);
        expect(signals.some((s) => s.aborted)).to.equal(false);
        el.remove();
        expect(signals.map((s) => s.aborted)).to.deep.equal(signals.map(() => true));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen.errors).to.deep.equal([]);
      } finally {
        globalThis.fetch = original;
      }
    });

    it('loads again when it is put back', async () => {
      useScenario('slow');
      const el = await fixture<ReferralDirectory>(mountTemplate());
      await waitUntil(() => listRequests().length === 1, 'list not requested', WAIT);
      const parent = el.parentElement!;
      el.remove();
      worker.resetHandlers(...scenarios.default);
      parent.append(el);
      await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'results did not load again', WAIT);
      expect(seen.results).to.have.length(1);
    });
  });
});
