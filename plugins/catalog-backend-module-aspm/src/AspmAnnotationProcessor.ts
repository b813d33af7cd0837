import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { parseAspmAnnotations } from '@aspm/plugin-aspm-common';

/** The entity status type the catalog UI shows as processing errors. */
const CATALOG_PROCESSING_STATUS = 'backstage.io/catalog-processing';

/**
 * How invalid ASPM annotations are reported:
 * - `status` (default): the entity stays in the catalog and carries an error
 *   in its status, which the catalog UI shows as a processing error on the
 *   entity page. A typo never hides a service from security posture.
 * - `reject`: the entity fails processing, as with any other invalid entity
 *   (a new entity then does not appear until it is fixed).
 * @public
 */
export type AspmAnnotationValidationMode = 'status' | 'reject';

/**
 * Validates the `aspm.io/*` annotations (tier, exposure, business unit) and
 * the DefectDojo product id during catalog processing.
 * @public
 */
export class AspmAnnotationProcessor implements CatalogProcessor {
  constructor(
    private readonly options: { mode: AspmAnnotationValidationMode } = {
      mode: 'status',
    },
  ) {}

  getProcessorName(): string {
    return 'AspmAnnotationProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const { problems } = parseAspmAnnotations(entity.metadata.annotations);
    if (!problems.length) return entity;
    if (this.options.mode === 'reject') {
      for (const p of problems) {
        emit(processingResult.inputError(location, p.message));
      }
      return entity;
    }
    const existing = (entity as Entity & { status?: { items?: unknown[] } })
      .status?.items;
    return {
      ...entity,
      status: {
        items: [
          ...(Array.isArray(existing) ? existing : []),
          ...problems.map(p => ({
            type: CATALOG_PROCESSING_STATUS,
            level: 'error',
            message: `InputError: ${p.message}`,
            error: { name: 'InputError', message: p.message },
          })),
        ],
      },
    } as Entity;
  }
}
