import { ledgerServices } from '../../__testUtils__/scorecardFixtures';
import { serviceTableRows } from './serviceTableRows';

describe('serviceTableRows', () => {
  it('flattens each service for sorting and labels tier and exposure', () => {
    const [payments, invoices] = serviceTableRows(ledgerServices);
    expect(payments).toMatchObject({
      name: 'Payments API',
      tierText: 'Tier 1',
      exposureText: 'Internet-facing',
      oldestCriticalDays: 10.2,
      gapCount: 1,
      weightedBacklog: 120,
    });
    expect(invoices).toMatchObject({
      name: 'Invoice Renderer',
      tierText: 'Untiered',
      exposureText: 'Exposure unknown',
      oldestCriticalDays: undefined,
      gapCount: 3,
    });
  });
});
