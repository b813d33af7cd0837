import { demoPack } from '../../__testUtils__/packFixtures';
import {
  draftFormValues,
  narrativeFormValues,
  narrativeRequest,
  validateNarrativeForm,
} from './narrativeForm';

const narrative = () => demoPack().sections[0].blocks[0] as any;

describe('narrative form', () => {
  it('starts from the shown narrative or from the generated draft', () => {
    expect(narrativeFormValues(narrative()).items[0]).toEqual({
      whatChanged: 'The backlog rose from 540 points to 640 points.',
      why: 'Driven mostly by the business unit Payments (300 to 400 points).',
      decision: 'Decide whether Identity gets dedicated remediation capacity.',
      metricIds: ['risk_weighted_critical_backlog'],
      tone: 'worsening',
    });
    expect(draftFormValues(narrative())).toEqual({
      headline: 'Generated headline',
      items: [
        {
          whatChanged: 'Generated item',
          why: 'Generated why',
          decision: '',
          metricIds: [],
          tone: 'flat',
        },
      ],
    });
  });

  it('checks what the backend would refuse', () => {
    expect(
      validateNarrativeForm({
        headline: 'x'.repeat(501),
        items: [
          { whatChanged: ' ', why: '', decision: '', metricIds: [] },
          {
            whatChanged: 'ok',
            why: 'y'.repeat(2001),
            decision: '',
            metricIds: [],
          },
        ],
      }),
    ).toEqual({
      headline: 'At most 500 characters',
      'items.0.whatChanged': 'Say what changed',
      'items.1.why': 'At most 2000 characters',
    });
    const many = Array.from({ length: 21 }, () => ({
      whatChanged: 'a',
      why: '',
      decision: '',
      metricIds: [],
    }));
    expect(validateNarrativeForm({ headline: '', items: many }).items).toMatch(
      /At most 20 items/,
    );
    expect(validateNarrativeForm(narrativeFormValues(narrative()))).toEqual({});
  });

  it('sends trimmed text and leaves out empty decisions and headline', () => {
    expect(
      narrativeRequest({
        headline: '  ',
        items: [
          {
            whatChanged: ' A ',
            why: ' B ',
            decision: ' ',
            metricIds: ['mttr'],
          },
        ],
      }),
    ).toEqual({ items: [{ whatChanged: 'A', why: 'B', metricIds: ['mttr'] }] });
  });
});
