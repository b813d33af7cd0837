/** Rule and advisory templates the demo history draws from (realistic, made up). */

export const CODE_RULES = [
  { id: 'javascript.express.security.injection.tainted-sql-string', title: 'SQL query built from user input', cwe: 'CWE-89', score: 8.8, path: 'src/db/queries.ts' },
  { id: 'javascript.browser.security.insecure-innerhtml', title: 'User input written to innerHTML', cwe: 'CWE-79', score: 6.1, path: 'src/ui/render.ts' },
  { id: 'javascript.lang.security.audit.path-traversal.path-join-resolve-traversal', title: 'Path built from user input', cwe: 'CWE-22', score: 7.5, path: 'src/files/download.ts' },
  { id: 'javascript.jsonwebtoken.security.jwt-none-alg', title: 'JWT verified without an algorithm allow-list', cwe: 'CWE-347', score: 9.1, path: 'src/auth/jwt.ts' },
  { id: 'javascript.lang.security.audit.unsafe-formatstring', title: 'Format string built from user input', cwe: 'CWE-134', score: 3.7, path: 'src/log/format.ts' },
  { id: 'javascript.express.security.audit.express-open-redirect', title: 'Open redirect', cwe: 'CWE-601', score: 5.4, path: 'src/routes/login.ts' },
  { id: 'javascript.lang.security.detect-child-process', title: 'Command built from user input', cwe: 'CWE-78', score: 9.8, path: 'src/jobs/convert.ts' },
  { id: 'javascript.express.security.audit.xss.direct-response-write', title: 'Unescaped response write', cwe: 'CWE-79', score: 6.1, path: 'src/routes/search.ts' },
  { id: 'javascript.lang.security.insecure-random', title: 'Math.random used for a security token', cwe: 'CWE-338', score: 5.3, path: 'src/auth/tokens.ts' },
  { id: 'javascript.express.security.cors-misconfiguration', title: 'CORS allows any origin with credentials', cwe: 'CWE-942', score: 4.3, path: 'src/server.ts' },
] as const;

export const PACKAGES = [
  { name: 'lodash', version: '4.17.15', fixed: '4.17.21', id: 'GHSA-35jh-r3h4-6jhm', cve: 'CVE-2021-23337', severity: 'HIGH', score: 7.2 },
  { name: 'minimist', version: '1.2.5', fixed: '1.2.6', id: 'GHSA-xvch-5gv4-984h', cve: 'CVE-2021-44906', severity: 'CRITICAL', score: 9.8 },
  { name: 'axios', version: '0.21.0', fixed: '0.21.1', id: 'GHSA-4w2v-q235-vp99', cve: 'CVE-2020-28168', severity: 'MEDIUM', score: 5.9 },
  { name: 'jsonwebtoken', version: '8.5.1', fixed: '9.0.0', id: 'GHSA-27h2-hvpr-p74q', cve: 'CVE-2022-23529', severity: 'HIGH', score: 7.6 },
  { name: 'semver', version: '7.5.1', fixed: '7.5.2', id: 'GHSA-c2qf-rxjj-qqgw', cve: 'CVE-2022-25883', severity: 'MEDIUM', score: 5.3 },
  { name: 'express', version: '4.17.1', fixed: '4.20.0', id: 'GHSA-qw6h-vgh9-j6wx', cve: 'CVE-2024-43796', severity: 'LOW', score: 2.3 },
  { name: 'tough-cookie', version: '4.0.0', fixed: '4.1.3', id: 'GHSA-72xf-g2v4-qvf3', cve: 'CVE-2023-26136', severity: 'MEDIUM', score: 6.5 },
  { name: 'word-wrap', version: '1.2.3', fixed: '1.2.4', id: 'GHSA-j8xg-fqg3-53r7', cve: 'CVE-2023-26115', severity: 'MEDIUM', score: 5.3 },
  { name: 'follow-redirects', version: '1.15.2', fixed: '1.15.4', id: 'GHSA-jchw-25xp-jwwc', cve: 'CVE-2023-26159', severity: 'MEDIUM', score: 6.1 },
  { name: 'node-forge', version: '1.2.1', fixed: '1.3.0', id: 'GHSA-cfm4-qjh2-4765', cve: 'CVE-2022-24771', severity: 'HIGH', score: 7.5 },
] as const;

export const OS_PACKAGES = [
  { name: 'openssl', version: '3.0.11-1~deb12u1', fixed: '3.0.13-1~deb12u1', cve: 'CVE-2023-5678', severity: 'MEDIUM', score: 5.3 },
  { name: 'libc6', version: '2.36-9+deb12u3', fixed: '2.36-9+deb12u4', cve: 'CVE-2023-4911', severity: 'HIGH', score: 7.8 },
  { name: 'zlib1g', version: '1:1.2.13.dfsg-1', fixed: '', cve: 'CVE-2023-45853', severity: 'CRITICAL', score: 9.8 },
  { name: 'curl', version: '7.88.1-10+deb12u4', fixed: '7.88.1-10+deb12u5', cve: 'CVE-2023-38545', severity: 'CRITICAL', score: 9.8 },
  { name: 'libexpat1', version: '2.5.0-1', fixed: '2.5.0-1+deb12u1', cve: 'CVE-2024-45491', severity: 'HIGH', score: 7.5 },
  { name: 'perl-base', version: '5.36.0-7', fixed: '5.36.0-7+deb12u1', cve: 'CVE-2023-31484', severity: 'HIGH', score: 8.1 },
  { name: 'libgnutls30', version: '3.7.9-2', fixed: '3.7.9-2+deb12u2', cve: 'CVE-2024-0553', severity: 'MEDIUM', score: 5.9 },
  { name: 'tar', version: '1.34+dfsg-1.2', fixed: '', cve: 'CVE-2005-2541', severity: 'LOW', score: 2.1 },
] as const;

export const SECRET_RULES = [
  { id: 'aws-access-token', title: 'AWS access key', path: 'deploy/env.sh' },
  { id: 'github-pat', title: 'GitHub personal access token', path: '.github/scripts/release.sh' },
  { id: 'slack-webhook-url', title: 'Slack webhook URL', path: 'config/notify.yaml' },
  { id: 'private-key', title: 'Private key', path: 'certs/dev.key' },
] as const;

/** The critical that internet-facing tier-1 services carry for months. */
export const AGING_CRITICAL_OS = {
  name: 'liblzma5', version: '5.6.0-0.2', fixed: '5.6.1+really5.4.5-1', cve: 'CVE-2024-3094', severity: 'CRITICAL', score: 10,
} as const;
export const AGING_CRITICAL_NPM = {
  name: 'vm2', version: '3.9.17', fixed: '', id: 'GHSA-cchq-frgv-rjh5', cve: 'CVE-2023-37466', severity: 'CRITICAL', score: 9.8,
} as const;
