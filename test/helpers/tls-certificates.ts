/**
 * A certificate authority and a server certificate for 127.0.0.1 and localhost, made by the
 * test with OpenSSL's command line (Debian's `openssl` package, which .ci/run installs), in a
 * temporary folder removed by `remove`. Nothing here is kept or reused: each test run has its
 * own authority, trusted only by what the test tells to trust it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificates {
  dir: string;
  /** The authority's certificate (PEM file, and its text): what a client trusts. */
  caFile: string;
  ca: string;
  /** The server's certificate and key files. */
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
  remove(): void;
}

const openssl = process.env.OPENSSL ?? 'openssl';

function run(args: string[], cwd: string): void {
  try {
    execFileSync(openssl, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`${openssl} ${args[0]} failed (is Debian's openssl package installed?): ${String((error as { stderr?: Buffer }).stderr ?? error)}`, { cause: error });
  }
}

export function makeTestCertificates(name = 'Kiosk test'): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-tls-'));
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(['req', '-x509', ...curve, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name} CA`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  run(['req', ...curve, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'], dir);
  const file = (name: string) => path.join(dir, name);
  return {
    dir,
    caFile: file('ca.pem'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
