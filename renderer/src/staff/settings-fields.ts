/** The staff settings form's fields, by config path, with their labels and kinds of input. */
import type { EditablePath, SecretPath } from '../../../electron/shared/staff-view';

export type FieldKind = 'text' | 'url' | 'number' | 'checkbox' | 'language' | 'camera' | 'serial';

export interface SettingField {
  path: EditablePath;
  label: string;
  kind: FieldKind;
}

export interface SecretField {
  path: SecretPath;
  label: string;
}

export const SETTING_GROUPS: Array<{ title: string; fields: Array<SettingField | SecretField> }> = [
  {
    title: 'This kiosk',
    fields: [
      { path: 'storeId', label: 'Store ID', kind: 'text' },
      { path: 'terminalId', label: 'Terminal ID', kind: 'text' },
      { path: 'hasLoyalty', label: 'Has loyalty', kind: 'checkbox' },
      { path: 'idleResetSeconds', label: 'Idle reset seconds', kind: 'number' },
      { path: 'locale', label: 'Language', kind: 'language' },
    ],
  },
  {
    title: 'Loyalty service',
    fields: [
      { path: 'identify.baseUrl', label: 'Identify URL', kind: 'url' },
      { path: 'identify.token', label: 'Identify token' },
    ],
  },
  {
    title: 'Vipps',
    fields: [
      { path: 'vipps.baseUrl', label: 'Vipps API URL', kind: 'url' },
      { path: 'vipps.clientId', label: 'Vipps client ID', kind: 'text' },
      { path: 'vipps.clientSecret', label: 'Vipps client secret' },
      { path: 'vipps.subscriptionKey', label: 'Vipps subscription key' },
      { path: 'vipps.merchantSerialNumber', label: 'Vipps merchant serial number', kind: 'text' },
      { path: 'vipps.loyaltyProgramName', label: 'Loyalty programme name', kind: 'text' },
    ],
  },
  {
    title: 'Scanners',
    fields: [
      { path: 'scanners.camera.deviceId', label: 'Camera', kind: 'camera' },
      { path: 'scanners.serial.path', label: 'Serial port', kind: 'serial' },
    ],
  },
];

export const isSecretField = (field: SettingField | SecretField): field is SecretField => !('kind' in field);

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'nb', label: 'Norsk bokmål' },
];
