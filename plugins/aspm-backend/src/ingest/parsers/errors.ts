import { SCAN_FORMATS } from '@aspm/plugin-aspm-common';

/**
 * The uploaded document is JSON, but not a scanner format we read. The router
 * answers 415 Unsupported Media Type for it (`statusCode`).
 */
export class ScanFormatError extends Error {
  readonly statusCode = 415;

  constructor(reason: string) {
    super(
      `Unsupported scan format: ${reason}. Supported formats: ${SCAN_FORMATS.join(
        ', ',
      )}`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}
