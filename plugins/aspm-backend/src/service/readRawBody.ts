import { createGunzip, createInflate } from 'node:zlib';
import { Readable } from 'node:stream';
import { Request } from 'express';
import { InputError } from '@backstage/errors';

/** An error the backend's error handler answers with its `statusCode`. */
class HttpError extends Error {
  constructor(readonly statusCode: number, name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Reads a request body as bytes, inflating `Content-Encoding: gzip` or
 * `deflate`, and stops with 413 as soon as the (inflated) size passes `max`,
 * so neither a large upload nor a zip bomb is held in memory.
 */
export async function readRawBody(req: Request, max: number): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let stream: Readable = req;
  if (encoding === 'gzip' || encoding === 'x-gzip') {
    stream = req.pipe(createGunzip());
  } else if (encoding === 'deflate') {
    stream = req.pipe(createInflate());
  } else if (encoding !== 'identity' && encoding !== '') {
    throw new HttpError(
      415,
      'UnsupportedMediaTypeError',
      `Content-Encoding "${encoding}" is not supported; send gzip, deflate or no encoding`,
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    throw new HttpError(
      413,
      'PayloadTooLargeError',
      `The body is ${declared} bytes; the limit is ${max} bytes (aspm.ingest.maxBytes)`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > max) {
        req.resume();
        throw new HttpError(
          413,
          'PayloadTooLargeError',
          `The body is larger than the limit of ${max} bytes (aspm.ingest.maxBytes)`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new InputError(
      `The body could not be read${
        encoding === 'identity' ? '' : ` as ${encoding}`
      }: ${(e as Error).message}`,
    );
  }
  if (size === 0) {
    throw new InputError(
      'The body is empty: send the scanner output file as the request body',
    );
  }
  return Buffer.concat(chunks);
}
