// Finds the local PostgreSQL used by the store tests and prints the
// environment variable backend-test-utils reads for it, or nothing.
// Usage: node scripts/lib/postgres.js [connection-string]
const url = process.argv[2] || 'postgresql://postgres@127.0.0.1:5432';
let Client;
try {
  ({ Client } = require(require.resolve('pg', { paths: [process.cwd() + '/plugins/aspm-backend'] })));
} catch {
  process.exit(0);
}
const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
client
  .connect()
  .then(() => client.query('show server_version_num'))
  .then(res => {
    const major = Math.floor(Number(res.rows[0].server_version_num) / 10000);
    // backend-test-utils knows PostgreSQL 13..18 by id.
    const id = Math.min(18, Math.max(13, major));
    console.log(`BACKSTAGE_TEST_DATABASE_POSTGRES${id}_CONNECTION_STRING=${url} ${major}`);
  })
  .catch(() => {})
  .finally(() => client.end().catch(() => {}));
