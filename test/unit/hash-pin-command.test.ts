/** `npm run hash-pin -- <PIN>` as an operator runs it: new PINs are 6 to 12 digits, and a refusal says why. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPinHash, verifyPin } from '../../electron/core/staff/pin-hash';

const root = path.resolve(import.meta.dirname, '../..');

function hashPinCommand(...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/hash-pin.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run hash-pin', () => {
  it.each<[string[], string]>([
    [['2468'], 'A staff PIN needs at least 6 digits (this one has 4): shorter ones are too easy to guess at the counter.'],
    [['12345'], 'A staff PIN needs at least 6 digits (this one has 5)'],
    [['1234567890123'], 'A staff PIN has at most 12 digits (this one has 13): the PIN pad takes no more.'],
    [['24681O'], 'A staff PIN is digits only'],
    [[], 'Give the PIN to hash.'],
  ])('refuses %j with exit code 2, saying why and how it is used, and prints no hash', (args, why) => {
    const run = hashPinCommand(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(why);
    expect(run.stderr).toContain('Usage: npm run hash-pin -- <PIN>   (6 to 12 digits)');
    expect(run.stdout).toBe('');
  }, 60_000);

  it('prints the hash of a 6-digit PIN alone on its last line, and it verifies', async () => {
    const run = hashPinCommand('246810');
    expect(run.status).toBe(0);
    const hash = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(isPinHash(hash)).toBe(true);
    expect(await verifyPin('246810', hash)).toBe(true);
    expect(run.stdout).not.toContain('246810');
  }, 60_000);
});
