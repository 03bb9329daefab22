/** The staff settings form's fields, by config path, with their labels' catalogue keys and kinds of input. */
import type { EditablePath, SecretPath, StaffSettingsView } from '../../../electron/shared/staff-view';
import type en from '../i18n/locales/en';

type FieldLabel = keyof typeof en.staff.fields;
type GroupTitle = keyof typeof en.staff.groups;

export type FieldKind = 'text' | 'url' | 'number' | 'checkbox' | 'language' | 'camera' | 'serial';

export interface SettingField {
  path: EditablePath;
  label: FieldLabel;
  kind: FieldKind;
}

export interface SecretField {
  path: SecretPath;
  label: FieldLabel;
}

export const SETTING_GROUPS: Array<{ title: GroupTitle; fields: Array<SettingField | SecretField> }> = [
  {
    title: 'kiosk',
    fields: [
      { path: 'storeId', label: 'storeId', kind: 'text' },
      { path: 'terminalId', label: 'terminalId', kind: 'text' },
      { path: 'hasLoyalty', label: 'hasLoyalty', kind: 'checkbox' },
      { path: 'idleResetSeconds', label: 'idleResetSeconds', kind: 'number' },
      { path: 'locale', label: 'locale', kind: 'language' },
    ],
  },
  {
    title: 'identify',
    fields: [
      { path: 'identify.baseUrl', label: 'identifyBaseUrl', kind: 'url' },
      { path: 'identify.token', label: 'identifyToken' },
    ],
  },
  {
    title: 'vipps',
    fields: [
      { path: 'vipps.baseUrl', label: 'vippsBaseUrl', kind: 'url' },
      { path: 'vipps.clientId', label: 'vippsClientId', kind: 'text' },
      { path: 'vipps.clientSecret', label: 'vippsClientSecret' },
      { path: 'vipps.subscriptionKey', label: 'vippsSubscriptionKey' },
      { path: 'vipps.merchantSerialNumber', label: 'vippsMerchantSerialNumber', kind: 'text' },
      { path: 'vipps.loyaltyProgramName', label: 'vippsLoyaltyProgramName', kind: 'text' },
    ],
  },
  {
    title: 'scanners',
    fields: [
      { path: 'scanners.camera.deviceId', label: 'camera', kind: 'camera' },
      { path: 'scanners.serial.path', label: 'serialPort', kind: 'serial' },
      { path: 'scanners.keypad.enabled', label: 'keypad', kind: 'checkbox' },
    ],
  },
];

export const isSecretField = (field: SettingField | SecretField): field is SecretField => !('kind' in field);

/** The URL each secret is sent to: a secret belongs to the origin it was entered for. */
const SECRET_URL: Record<SecretPath, EditablePath> = { 'identify.token': 'identify.baseUrl', 'vipps.clientSecret': 'vipps.baseUrl', 'vipps.subscriptionKey': 'vipps.baseUrl' };

/** `scheme://host[:port]` of an http(s) URL typed in the form, as main reckons it; null for anything else. */
export function originOfTyped(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether the form must ask for a secret again: its service's URL in the form is on an origin
 * the kiosk holds no such secret for (main drops or withholds the old one, and refuses the save
 * without it).
 */
export function mustReenter(path: SecretPath, values: Record<EditablePath, unknown>, view: StaffSettingsView): boolean {
  const typed = originOfTyped(values[SECRET_URL[path]]);
  if (!typed || typed === originOfTyped(view.values[SECRET_URL[path]])) return false;
  const held = view.secretOrigins[path] ?? [];
  return !held.includes(typed) && (view.secretsSet[path] || held.length > 0);
}
