/**
 * The load run of `npm run bench:load`, reduced: the saved example operations from 8 concurrent
 * clients for 3 s against the real server. Every request must succeed; the numbers are printed,
 * never asserted (this machine's speed is not the API's contract).
 */
import { describe, expect, it } from 'vitest';
import { formatReport, runLoad, savedOperations } from '../../bench/load.js';
import { useTestServer } from '../support/server.js';

const server = useTestServer();

describe('load (reduced)', () => {
  it('the saved operations, 8 clients × 3 s: zero errors, zero non-2xx, zero GraphQL errors', async () => {
    const { operations } = savedOperations();
    expect(operations.length).toBeGreaterThan(0);
    const report = await runLoad({ url: server.url, connections: 8, durationSeconds: 3, operations });
    process.stdout.write(`${formatReport(report)}\n`);
    expect(report.requests).toBeGreaterThan(0);
    expect({ errors: report.errors, timeouts: report.timeouts, non2xx: report.non2xx, graphqlErrors: report.graphqlErrors, first: report.firstGraphQLError }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      graphqlErrors: 0,
      first: undefined,
    });
  });

  it('refuses anything but loopback', async () => {
    await expect(runLoad({ url: 'http://example.com/graphql', durationSeconds: 1 })).rejects.toThrow(/loopback only/);
  });
});
