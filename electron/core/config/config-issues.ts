/**
 * A configuration's problems as staff read them: each zod issue by its field path, never with the
 * value, with a code the staff screen translates (and its parameters).
 */
import type { z } from 'zod';
import type { FieldIssue, IssueCode } from '../../shared/staff-view';
import { SCHEMA_MESSAGES } from './schema-parts';

/** Each zod issue by field path, never with the value; with a code the staff screen translates. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const field = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.length ? `${field}.` : '';
      return issue.keys.map((key) => ({ field: `${prefix}${key}`, message: 'unknown field', code: 'unknownField' as const }));
    }
    return [{ field, message: issue.message, ...issueCode(issue) }];
  });
}

const CODE_OF_MESSAGE = new Map<string, IssueCode>([...Object.entries(SCHEMA_MESSAGES).map(([code, message]) => [message, code as IssueCode] as const), ['must be an https URL', 'httpsUrl']]);

function issueCode(issue: z.core.$ZodIssue): Pick<FieldIssue, 'code' | 'params'> {
  const own = CODE_OF_MESSAGE.get(issue.message);
  if (own) return { code: own };
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { code: 'empty' } : { code: 'tooShort', params: { minimum } };
      return issue.origin === 'array' ? { code: 'tooShort', params: { minimum } } : { code: 'tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      return issue.origin === 'number' || issue.origin === 'int' ? { code: 'tooBig', params: { maximum } } : { code: 'tooLong', params: { maximum } };
    }
    case 'invalid_type':
      return issue.expected === 'int' ? { code: 'notInteger' } : { code: 'wrongType', params: { expected: issue.expected } };
    case 'invalid_value':
      return { code: 'oneOf', params: { options: issue.values.map(String).join(', ') } };
    default:
      return {};
  }
}

/** "identify.timeoutMs: Too small…; storeId: …" — field paths first, never the values. */
export function formatIssues(error: z.ZodError): string {
  return fieldIssues(error)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
}

