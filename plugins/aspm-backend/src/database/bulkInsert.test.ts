import { Knex } from 'knex';
import { bulkInsert } from './bulkInsert';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('bulkInsert');

describe.each(ids)('bulkInsert on %s', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.schema.dropTableIfExists('bulk_t');
    await knex.schema.createTable('bulk_t', t => {
      t.bigIncrements('id').primary();
      t.string('name', 100).notNullable();
      t.text('body');
      t.boolean('flag').notNullable().defaultTo(false);
      t.integer('n');
      t.float('x');
      t.timestamp('at', { useTz: true });
    });
  });

  afterEach(async () => {
    await knex('bulk_t').delete();
  });

  const awkward = [
    'plain',
    'with "double" and \'single\' quotes',
    'back\\slash and {braces}, commas, NULL',
    'unicode ✓ — 日本語',
    '',
  ];

  it('round-trips every value and returns each id with the asked columns', async () => {
    const rows = awkward.map((body, i) => ({
      name: `row-${i}`,
      body,
      flag: i % 2 === 0,
      n: i === 3 ? null : i * 10,
      x: i === 4 ? null : i + 0.5,
      at: i === 2 ? null : `2026-10-0${i + 1}T12:00:00.000Z`,
    }));
    const returned = await knex.transaction(tx =>
      bulkInsert(tx, 'bulk_t', rows, ['name']),
    );
    expect(returned).toHaveLength(rows.length);

    const stored = await knex('bulk_t').orderBy('id');
    const byId = new Map(stored.map(r => [Number(r.id), r]));
    for (const r of returned) {
      const row = byId.get(Number(r.id));
      expect(row?.name).toBe(r.name);
    }
    for (const [i, row] of stored.entries()) {
      expect(row.name).toBe(`row-${i}`);
      expect(row.body).toBe(awkward[i]);
      expect(Boolean(row.flag)).toBe(i % 2 === 0);
      expect(row.n === null ? null : Number(row.n)).toBe(
        i === 3 ? null : i * 10,
      );
      expect(row.x === null ? null : Number(row.x)).toBe(
        i === 4 ? null : i + 0.5,
      );
      expect(row.at === null ? null : new Date(row.at).toISOString()).toBe(
        i === 2 ? null : `2026-10-0${i + 1}T12:00:00.000Z`,
      );
    }
  });

  it('inserts more rows than one statement holds', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => ({
      name: `r${i}`,
      n: i,
    }));
    const returned = await knex.transaction(tx =>
      bulkInsert(tx, 'bulk_t', rows, ['n']),
    );
    expect(new Set(returned.map(r => Number(r.id))).size).toBe(12_345);
    const [{ count, sum }] = await knex('bulk_t')
      .count({ count: '*' })
      .sum({ sum: 'n' });
    expect(Number(count)).toBe(12_345);
    expect(Number(sum)).toBe((12_344 * 12_345) / 2);
  });

  it('is part of the transaction: a later failure leaves no rows', async () => {
    await expect(
      knex.transaction(async tx => {
        await bulkInsert(tx, 'bulk_t', [{ name: 'a' }, { name: 'b' }]);
        throw new Error('later failure');
      }),
    ).rejects.toThrow('later failure');
    const [{ c }] = await knex('bulk_t').count({ c: '*' });
    expect(Number(c)).toBe(0);
  });

  it('refuses a column the table does not have, inserting nothing', async () => {
    // Compared as text: the driver's error class can come from another jest
    // realm, which toThrow does not recognise as an Error.
    const outcome = await knex
      .transaction(tx => bulkInsert(tx, 'bulk_t', [{ name: 'a', nope: 1 }]))
      .then(
        () => 'inserted',
        e => String(e),
      );
    expect(outcome).toMatch(/nope/);
    const [{ c }] = await knex('bulk_t').count({ c: '*' });
    expect(Number(c)).toBe(0);
  });
});
