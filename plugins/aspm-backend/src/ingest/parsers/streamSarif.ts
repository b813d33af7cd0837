import { pipeline, Readable } from 'node:stream';
import { InputError } from '@backstage/errors';
import { ParsedScan } from '@aspm/plugin-aspm-common';
import { parser } from 'stream-json';
import { ignore } from 'stream-json/filters/Ignore';
import { pick } from 'stream-json/filters/Pick';
import Assembler from 'stream-json/Assembler';
import { streamValues } from 'stream-json/streamers/StreamValues';
import { asRecord } from './json';
import { sarifRunReader, sarifRuns } from './sarif';

/**
 * Uploads at least this large are parsed as a stream: slower (stream-json,
 * about 5 MB/s a pass) but bounded in memory; smaller ones parse in memory.
 */
export const STREAM_THRESHOLD_BYTES = 48 * 1024 * 1024;

/**
 * The body in 64 KiB slices (views, no copies): fed whole, the parser would
 * turn it into millions of tokens at once and backpressure could not help.
 */
function* slices(body: Buffer): Generator<Buffer> {
  for (let i = 0; i < body.length; i += 65536) {
    yield body.subarray(i, i + 65536);
  }
}

/** Streams `body` through the stages; errors anywhere end the last stage. */
function stages(body: Buffer, ...rest: NodeJS.ReadWriteStream[]) {
  return pipeline(
    Readable.from(slices(body), { objectMode: false }),
    parser({ streamValues: false }),
    ...(rest as [NodeJS.ReadWriteStream]),
    () => {},
  ) as unknown as NodeJS.ReadableStream;
}

/** The log without any run's `results`: small however large the upload. */
async function skeletonOf(body: Buffer): Promise<unknown> {
  const stream = stages(body, ignore({ filter: /^runs\.\d+\.results$/ }));
  const assembler = Assembler.connectTo(stream as any);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return assembler.current;
}

/**
 * Parses a large SARIF log without building it in memory: one pass reads the
 * log without its results (tool, rules, invocations), then one pass per run
 * turns its results into findings one at a time. The same rules as
 * `parseSarif`; JSON errors become an InputError.
 */
export async function parseSarifStream(body: Buffer): Promise<ParsedScan> {
  try {
    const skeleton = await skeletonOf(body);
    const runs = sarifRuns(skeleton);
    const parsed = [];
    for (let i = 0; i < runs.length; i++) {
      const where = `runs[${i}]`;
      const run = asRecord(runs[i]);
      if (!run) throw new InputError(`SARIF: ${where} must be an object`);
      const reader = sarifRunReader(run, where);
      const stream = stages(
        body,
        pick({ filter: new RegExp(`^runs\\.${i}\\.results\\.\\d+$`) }),
        streamValues(),
      );
      let j = 0;
      for await (const item of stream as AsyncIterable<{ value: unknown }>) {
        reader.add(item.value, j++);
      }
      parsed.push(reader.finish());
    }
    return { format: 'sarif', runs: parsed };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      `Malformed or truncated JSON in the SARIF log: ${(e as Error).message}`,
    );
  }
}

/** Whether the start of a large upload looks like a SARIF log. */
export function looksLikeSarif(body: Buffer): boolean {
  const head = body.subarray(0, 4096).toString('utf8');
  return /"runs"\s*:/.test(head) || /sarif/i.test(head);
}
