/**
 * Shared test plumbing: the msw service worker (started once per test page), scenario switching,
 * an axe check, and helpers that read through shadow roots.
 */
import 'axe-core/axe.min.js';
import type axeCore from 'axe-core';
import { setupWorker } from 'msw/browser';
import { API_HOST, nextApi, scenarios, type ScenarioName } from './handlers.js';

declare global {
  interface Window {
    axe: typeof axeCore;
  }
}

export const worker = setupWorker(...scenarios.default);

/** Requests that left for somewhere other than the test server or the API (should stay empty). */
export const foreignRequests: string[] = [];

let started: Promise<unknown> | undefined;

/** Starts msw (once) with the `default` scenario. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest(request, print) {
      const { origin, hostname } = new URL(request.url);
      if (hostname.endsWith(API_HOST)) print.error();
      else if (origin !== location.origin) foreignRequests.push(request.url);
    },
  });
  return started;
}

/** Replaces the handlers with those of a scenario. Call before mounting: it also moves to a fresh API origin. */
export function useScenario(name: ScenarioName): void {
  worker.resetHandlers(...scenarios[name]);
  nextApi();
}

/** Runs axe on `element` (through its shadow roots) and fails with a readable list of violations. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await window.axe.run(element, { resultTypes: ['violations'] });
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  if (problems.length) throw new Error(`axe found ${problems.length} violation(s):\n  ${problems.join('\n  ')}`);
}

/** Every text node and text-bearing attribute under `root`, crossing shadow roots. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Text) parts.push(node.data);
    if (node instanceof Element) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(attr);
        if (value) parts.push(value);
      }
      if (node instanceof HTMLElement && node.shadowRoot) visit(node.shadowRoot);
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** `querySelector` that pierces shadow roots, depth first. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** Every match of `selector` under `root` (its shadow root included), piercing shadow roots. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const out: T[] = [];
  const visit = (scope: Element | ShadowRoot | Document) => {
    if (scope instanceof Element && scope.shadowRoot) visit(scope.shadowRoot);
    out.push(...scope.querySelectorAll<T>(selector));
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return out;
}

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
