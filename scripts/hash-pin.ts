/**
 * `npm run hash-pin -- <PIN>`: prints the `staff.pinHash` for a new staff PIN (6 to 12 digits),
 * alone on its last line, for the provisioning file. The PIN itself is never written anywhere.
 */
import { hashPin, newPinProblem } from '../electron/core/staff/pin-hash';

const pin = process.argv[2] ?? '';
const problem = pin ? newPinProblem(pin) : 'Give the PIN to hash.';
if (problem) {
  console.error(`${problem}\nUsage: npm run hash-pin -- <PIN>   (6 to 12 digits)`);
  process.exit(2);
}
console.error('Put this in the config file as "staff": { "pinHash": "…" }:');
console.log(await hashPin(pin));
