import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AspmIngestionSource,
  aspmSourcesExtensionPoint,
} from '@aspm/plugin-aspm-node';
import aspmModuleDefectDojo, { DefectDojoSource } from './index';

describe('aspmModuleDefectDojo registration', () => {
  async function start(
    data: NonNullable<
      Parameters<typeof mockServices.rootConfig.factory>[0]
    >['data'],
  ) {
    const added: AspmIngestionSource[] = [];
    const logger = mockServices.logger.mock();
    await startTestBackend({
      extensionPoints: [
        [
          aspmSourcesExtensionPoint,
          { addSource: (...s: AspmIngestionSource[]) => added.push(...s) },
        ],
      ],
      features: [
        aspmModuleDefectDojo,
        mockServices.rootConfig.factory({ data }),
        logger.factory,
      ],
    });
    return { added, logger };
  }

  it('adds the source when aspm.sources.defectdojo is configured', async () => {
    const { added } = await start({
      aspm: {
        sources: {
          defectdojo: {
            baseUrl: 'https://defectdojo.example.com',
            token: 'secret-token',
          },
        },
      },
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toBeInstanceOf(DefectDojoSource);
    expect(added[0].id).toBe('defectdojo');
  });

  it('adds nothing and says so when it is not configured', async () => {
    const { added, logger } = await start({ aspm: {} });
    expect(added).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('DefectDojo source is not configured'),
    );
  });
});
