/** The sandbox's demo staff PIN and its hash, as assets/sandbox-config.json ships them (README, "Staff mode"). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const DEMO_PIN = '246810';
export const DEMO_PIN_HASH = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/sandbox-config.json'), 'utf8')) as { staff: { pinHash: string } }).staff.pinHash;
