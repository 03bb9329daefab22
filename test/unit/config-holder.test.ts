/**
 * The configuration holder: a new configuration is one transition (every part prepares while
 * the old one serves, then it becomes current, then every part applies it in the listed order,
 * told what changed in its own section); transitions run one at a time; an invalid file keeps
 * the old configuration (and the provisioning PIN) and tells every part.
 */
import { describe, expect, it } from 'vitest';
import { configChange } from '../../electron/core/config/config-change';
import { ConfigHolder } from '../../electron/core/config/config-holder';
import { ConfigSchema, type KioskConfig } from '../../electron/core/config/config-schema';
import type { ConfigResult } from '../../electron/core/config/load-config';
import type { KioskPart } from '../../electron/core/parts/kiosk-part';

const quiet = { info() {}, warn() {}, error() {} };
const SOURCE = { kind: 'file' as const, path: '/etc/kiosk.json', staffPath: '/tmp/staff.json' };
const valid = (raw: Record<string, unknown>): ConfigResult => ({ ok: true, config: ConfigSchema.parse(raw), source: SOURCE });

/** A part that records what it was told, and what the holder said was current at the time. */
function recorder(name: string, seen: string[], holder: () => ConfigHolder): KioskPart {
  return {
    name,
    prepare: (change) => void seen.push(`${name} prepare (current store ${holder().current().storeId}, next ${change.after.storeId})`),
    apply: (change) => void seen.push(`${name} apply (current store ${holder().current().storeId}; vipps changed: ${change.changed((config) => config.vipps)})`),
    refuse: (problem) => void seen.push(`${name} refuse: ${problem.fields.join(',')}`),
  };
}

describe('ConfigHolder', () => {
  it('prepares every part while the old configuration serves, then applies the new one part by part, in order', async () => {
    const seen: string[] = [];
    const holder = new ConfigHolder(quiet);
    holder.use([recorder('back end', seen, () => holder), recorder('Vipps', seen, () => holder)]);
    await holder.reload(async () => valid({ storeId: '1' }));
    seen.length = 0;
    await holder.reload(async () => valid({ storeId: '2' }));
    expect(seen).toEqual([
      'back end prepare (current store 1, next 2)',
      'Vipps prepare (current store 1, next 2)',
      'back end apply (current store 2; vipps changed: false)',
      'Vipps apply (current store 2; vipps changed: false)',
    ]);
  });

  it('runs one transition at a time, in the order asked, even when a load is slow', async () => {
    const seen: string[] = [];
    const holder = new ConfigHolder(quiet);
    holder.use([{ name: 'probe', apply: ({ after }) => void seen.push(after.storeId) }]);
    const slow = holder.reload(() => new Promise((resolve) => setTimeout(() => resolve(valid({ storeId: 'slow' })), 50)));
    const fast = holder.reload(async () => valid({ storeId: 'fast' }));
    await Promise.all([slow, fast]);
    expect(seen).toEqual(['slow', 'fast']);
    expect(holder.current().storeId).toBe('fast');
  });

  it('keeps the old configuration for an invalid file, keeps its PIN for staff, and tells every part which fields', async () => {
    const seen: string[] = [];
    const holder = new ConfigHolder(quiet);
    holder.use([recorder('session', seen, () => holder)]);
    await holder.reload(async () => valid({ storeId: '7' }));
    await holder.reload(async () => ({
      ok: false,
      error: 'Configuration in /etc/kiosk.json is invalid: idleResetSeconds: too small',
      source: SOURCE,
      issues: [{ field: 'idleResetSeconds', message: 'too small' }],
      pinHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    }));
    expect(holder.current().storeId).toBe('7');
    expect(holder.current().staff.pinHash).toBe('scrypt$16384$8$1$c2FsdA$aGFzaA');
    expect(holder.problem()).toContain('idleResetSeconds');
    expect(seen.at(-1)).toBe('session refuse: idleResetSeconds');
  });

  it('a part that fails to apply is reported as a configuration problem to every part, and the next reload still runs', async () => {
    const seen: string[] = [];
    const holder = new ConfigHolder(quiet);
    let fail = true;
    holder.use([
      {
        name: 'flaky',
        apply: () => {
          if (fail) throw new Error('port busy');
        },
        refuse: (problem) => void seen.push(problem.message),
      },
    ]);
    await holder.reload(async () => valid({}));
    expect(holder.problem()).toBe('The kiosk could not apply its configuration: port busy'); // for staff and kiosk_config_valid
    fail = false;
    await holder.reload(async () => valid({ storeId: '3' }));
    expect(holder.problem()).toBeNull();
    expect(seen).toEqual(['The kiosk could not apply its configuration: port busy']);
    expect(holder.current().storeId).toBe('3');
  });

  it('the parts after one that fails still apply the configuration (or they would never catch up)', async () => {
    const applied: string[] = [];
    const holder = new ConfigHolder(quiet);
    holder.use([
      { name: 'first', apply: ({ after }) => void applied.push(`first ${after.storeId}`) },
      {
        name: 'flaky',
        apply: ({ after }) => {
          if (after.storeId === '2') throw new Error('port busy');
        },
      },
      { name: 'last', apply: ({ after, changed }) => void (changed((config) => config.storeId) && applied.push(`last ${after.storeId}`)) },
    ]);
    await holder.reload(async () => valid({ storeId: '1' }));
    await holder.reload(async () => valid({ storeId: '2' }));
    await holder.reload(async () => valid({ storeId: '2', terminalId: '9' }));
    expect(applied).toEqual(['first 1', 'last 1', 'first 2', 'last 2', 'first 2']);
  });
});

describe('configChange', () => {
  const config = (raw: Record<string, unknown>): KioskConfig => ConfigSchema.parse(raw);

  it('compares a section by value, whatever the key order; the first configuration changes everything', () => {
    const before = config({ scanners: { camera: { fps: 10, enabled: true } } });
    const after = config({ scanners: { camera: { enabled: true, fps: 10 } }, storeId: '2' });
    const change = configChange(before, after, false);
    expect(change.changed((each) => each.scanners.camera)).toBe(false);
    expect(change.changed((each) => each.storeId)).toBe(true);
    expect(configChange(before, before, true).changed((each) => each.scanners.camera)).toBe(true);
  });
});
