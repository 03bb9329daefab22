/**
 * `npm run fleet-sign -- KEYFILE CONFIG.json`: signs a fleet configuration document for the
 * kiosks (README, "Running a fleet"). When KEYFILE does not exist it first makes an Ed25519 key
 * pair: the private key in KEYFILE (owner-only; keep it at the desk, never on a kiosk), the
 * public key in KEYFILE.pub, printed for each kiosk's provisioning file (`fleet.config.publicKey`).
 * The document is checked as the kiosks check it ({"serial", "config"}, no `fleet`, known
 * fields only), then its exact bytes are signed: the base64 signature goes to CONFIG.json.sig.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigSchema } from '../electron/core/config/config-schema';
import { readFleetDocument } from '../electron/core/fleet/fleet-document';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const [keyFile, documentFile] = process.argv.slice(2);
if (!keyFile || !documentFile) fail('Usage: npm run fleet-sign -- KEYFILE CONFIG.json   (KEYFILE is made, with KEYFILE.pub, when it does not exist)', 2);

if (!existsSync(keyFile)) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeFileSync(`${keyFile}.pub`, publicPem, { flag: 'wx' });
  console.error(`New key pair: the private key is in ${keyFile} (keep it at the desk, never on a kiosk), the public key in ${keyFile}.pub.`);
  console.error('Put the public key in every kiosk\'s provisioning file, as "fleet": { "config": { "url": "https://…", "publicKey": … } }:');
  console.log(JSON.stringify(publicPem));
}

const privateKey = (() => {
  try {
    return createPrivateKey(readFileSync(keyFile));
  } catch (error) {
    return fail(`${keyFile} is not a private key (${(error as Error).message})`);
  }
})();
if (privateKey.asymmetricKeyType !== 'ed25519') fail(`${keyFile} is a ${privateKey.asymmetricKeyType} key: fleet documents are signed with Ed25519`);

const bytes = (() => {
  try {
    return readFileSync(documentFile);
  } catch (error) {
    return fail(`${documentFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
})();
const read = readFleetDocument(bytes);
if (!read.ok) fail(`${documentFile}: ${read.message}`);
const known = new Set(Object.keys(ConfigSchema.shape));
const unknown = Object.keys(read.document.config).filter((key) => !known.has(key));
if (unknown.length) fail(`${documentFile}: config: unknown field(s) ${unknown.join(', ')} (the kiosks would refuse it)`);

const signature = sign(null, bytes, privateKey).toString('base64');
if (!verify(null, bytes, createPublicKey(privateKey), Buffer.from(signature, 'base64'))) fail('the signature does not verify: nothing was written');
writeFileSync(`${documentFile}.sig`, `${signature}\n`);
console.error(`Signed ${documentFile} (serial ${read.document.serial}). Publish it unchanged at the kiosks' fleet.config.url, and ${documentFile}.sig at that URL + ".sig".`);
