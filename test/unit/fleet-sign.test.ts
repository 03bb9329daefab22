/**
 * `npm run fleet-sign -- KEYFILE CONFIG.json`, as a chain's desk runs it: the first time it
 * makes the key pair (private key owner-only, public key printed for the provisioning file),
 * then signs the document's exact bytes so that the kiosk's own check accepts it; it never
 * overwrites a key, and refuses a document the kiosks would refuse.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FleetSchema } from '../../electron/core/config/fleet-schema';
import { verifyFleetDocument } from '../../electron/core/fleet/fleet-document';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-fleet-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fleetSign(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/fleet-sign.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run fleet-sign', () => {
  const key = path.join(dir, 'chain-fleet.key');
  const document = path.join(dir, 'kiosk.json');

  it('makes a key pair the first time, and signs the exact bytes so that the kiosk accepts them', () => {
    const text = '{\n  "serial": 3,\n  "config": { "terminalId": "kiosk-3", "locked": ["terminalId"] }\n}\n';
    writeFileSync(document, text);
    const { code, stdout, stderr } = fleetSign(key, document);
    expect(code, stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const publicKey = JSON.parse(stdout.trim()) as string; // printed as a JSON string, for the provisioning file
    expect(publicKey).toBe(readFileSync(`${key}.pub`, 'utf8'));
    expect(FleetSchema.safeParse({ config: { url: 'https://fleet.example.com/kiosk.json', publicKey } }).success).toBe(true);
    expect(stderr).toContain('serial 3');
    const verdict = verifyFleetDocument(readFileSync(document), readFileSync(`${document}.sig`, 'utf8'), publicKey);
    expect(verdict).toEqual({ ok: true, document: { serial: 3, config: { terminalId: 'kiosk-3', locked: ['terminalId'] } } });
  }, 60_000);

  it('signs the next document with the same key, printing no new key; never overwrites a key', () => {
    const before = readFileSync(key, 'utf8');
    writeFileSync(document, JSON.stringify({ serial: 4, config: { idleResetSeconds: 20 } }));
    const { code, stdout } = fleetSign(key, document);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(key, 'utf8')).toBe(before);
    expect(verifyFleetDocument(readFileSync(document), readFileSync(`${document}.sig`, 'utf8'), readFileSync(`${key}.pub`, 'utf8')).ok).toBe(true);
  }, 60_000);

  it('refuses what the kiosks would refuse, writing no signature: no serial, a fleet section, an unknown field', () => {
    for (const [content, message] of [
      ['{"config": {}}', 'serial'],
      ['{"serial": 5, "config": {"fleet": {}}}', 'config.fleet'],
      ['{"serial": 5, "config": {"terminalID": "typo"}}', 'unknown field(s) terminalID'],
      ['not json', 'not JSON'],
    ] as const) {
      const file = path.join(dir, `refused-${message.replace(/\W/g, '')}.json`);
      writeFileSync(file, content);
      const { code, stderr } = fleetSign(key, file);
      expect({ code, message: stderr.includes(message) }).toEqual({ code: 1, message: true });
      expect(existsSync(`${file}.sig`)).toBe(false);
    }
    expect(fleetSign().code).toBe(2);
  }, 120_000);
});
