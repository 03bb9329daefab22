/**
 * `npm run hash-pin -- <PIN>`: prints the `staff.pinHash` for a PIN, alone on its last line,
 * for the provisioning file. The PIN itself is never written anywhere.
 */
import { hashPin, PIN_PATTERN } from '../electron/core/staff/pin-hash';

const pin = process.argv[2] ?? '';
if (!PIN_PATTERN.test(pin)) {
  console.error('Usage: npm run hash-pin -- <PIN>   (4 to 12 digits)');
  process.exit(2);
}
console.error('Put this in the config file as "staff": { "pinHash": "…" }:');
console.log(await hashPin(pin));
