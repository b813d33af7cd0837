import { Entity } from '@backstage/catalog-model';
import { AspmAnnotationProcessor } from './AspmAnnotationProcessor';

const location = { type: 'file', target: '/tmp/catalog-info.yaml' };
const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('AspmAnnotationProcessor', () => {
  it('leaves valid entities untouched and emits nothing', async () => {
    const emit = jest.fn();
    const input = entity({
      'aspm.io/tier': '1',
      'aspm.io/exposure': 'internal',
    });
    const out = await new AspmAnnotationProcessor().postProcessEntity(
      input,
      location,
      emit,
    );
    expect(out).toBe(input);
    expect(emit).not.toHaveBeenCalled();
  });

  it('status mode: keeps the entity and adds a catalog-processing error to its status', async () => {
    const emit = jest.fn();
    const out = (await new AspmAnnotationProcessor({
      mode: 'status',
    }).postProcessEntity(
      entity({ 'aspm.io/tier': 'one' }),
      location,
      emit,
    )) as Entity & { status?: any };
    expect(emit).not.toHaveBeenCalled();
    expect(out.status.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message: expect.stringContaining('got "one"'),
      }),
    ]);
  });

  it('reject mode: emits an input error per problem', async () => {
    const emit = jest.fn();
    await new AspmAnnotationProcessor({ mode: 'reject' }).postProcessEntity(
      entity({ 'aspm.io/tier': 'one', 'aspm.io/exposure': 'dmz' }),
      location,
      emit,
    );
    expect(emit).toHaveBeenCalledTimes(2);
    expect(emit.mock.calls[0][0]).toMatchObject({
      type: 'error',
      error: {
        name: 'InputError',
        message: expect.stringContaining('aspm.io/tier'),
      },
    });
  });
});
