// One msw server per test file, failing on any request no handler expects.
import { after, afterEach, before } from 'node:test';
import { setupServer } from 'msw/node';

export const BASE = 'https://directory.test';

export const server = setupServer();

/** Start the server for the current test file and reset handlers between tests. */
export function useServer(): void {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  after(() => server.close());
}
