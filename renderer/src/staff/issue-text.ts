/**
 * What is wrong with a setting, in the staff screen's language: main sends a code with its
 * values beside the English message, and the catalogue says it; a problem without a code (a
 * file that cannot be read) keeps main's words.
 */
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../electron/shared/staff-view';

type TypeName = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
type StorageCode = 'webShell' | 'noEncryption' | 'basicText';

export function issueText(t: TFunction, issue: FieldIssue): string {
  const params = issue.params ?? {};
  switch (issue.code) {
    case undefined:
      return issue.message;
    case 'wrongType':
      return t('staff.issues.wrongType', { expected: t(`staff.issues.types.${params.expected as TypeName}`, { defaultValue: String(params.expected) }) });
    case 'secretStorage':
      return t(`staff.secretStorage.${params.storage as StorageCode}`, { defaultValue: issue.message });
    default:
      return t(`staff.issues.${issue.code}`, params);
  }
}
