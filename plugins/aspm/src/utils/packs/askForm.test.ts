import {
  askFormValues,
  askRequest,
  askUpdate,
  validateAskForm,
} from './askForm';

describe('ask form', () => {
  it('checks the title and the detail length', () => {
    expect(validateAskForm(askFormValues())).toEqual({
      title: 'Give the ask a title',
    });
    expect(
      validateAskForm({
        ...askFormValues(),
        title: 'x'.repeat(201),
        detail: 'y'.repeat(4001),
      }),
    ).toEqual({
      title: 'At most 200 characters',
      detail: 'At most 4000 characters',
    });
  });

  it('raises an ask for the pack scope and period, and edits one', () => {
    const values = {
      kind: 'platform' as const,
      title: ' SCA by default ',
      detail: '',
      metricIds: ['tier1_coverage'],
    };
    expect(
      askRequest(values, 'businessUnit:group:default/payments-bu', '2026-11'),
    ).toEqual({
      scope: 'businessUnit:group:default/payments-bu',
      kind: 'platform',
      title: 'SCA by default',
      metricIds: ['tier1_coverage'],
      raisedIn: '2026-11',
    });
    expect(askUpdate({ ...values, detail: ' more ' })).toEqual({
      kind: 'platform',
      title: 'SCA by default',
      detail: 'more',
      metricIds: ['tier1_coverage'],
    });
  });
});
