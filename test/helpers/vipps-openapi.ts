/**
 * Holds a request to Vipps (or an answer from it) against Vipps MobilePay's published OpenAPI
 * files, copied in test/fixtures/vipps-openapi/ (see its README for where from): the
 * operation's header parameters (required, and each one's schema) and its JSON body, with ajv.
 *
 * OpenAPI 3.0's own schema words are read as its specification has them: `nullable`
 * (ajv knows it), `example`/`x-examples` (ignored). Formats: `guid` (the portal's client_id),
 * `int32`, `uri`, and `byte`, which Vipps' own example fills with a JWT (base64url segments and
 * dots), so it is taken to mean that.
 */
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const FILES = [
  // The server URL's path is the prefix of each of the file's paths, as the kiosk calls them.
  { file: 'access-token-api.yaml', prefix: '' },
  { file: 'qr-api.yaml', prefix: '/qr' },
  { file: 'check-in-api.yaml', prefix: '/point-of-sale' },
] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: object;
  $ref?: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> } | undefined>;
}
interface Document {
  paths: Record<string, Record<string, Operation | Parameter[] | undefined>>;
  components?: { parameters?: Record<string, Parameter> };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addFormat('guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
ajv.addFormat('byte', /^[A-Za-z0-9+/_=.-]+$/);

interface Found {
  id: string;
  document: Document;
  path: string;
  operation: Operation;
  pathParameters: Parameter[];
}

const documents = FILES.map(({ file, prefix }) => {
  const id = `vipps-${file}`;
  const document = parse(readFileSync(new URL(`../fixtures/vipps-openapi/${file}`, import.meta.url), 'utf8')) as Document;
  ajv.addSchema(document as object, id);
  return { id, document, prefix };
});

/** The published operation for a method and a path as the kiosk calls it; null when none is published. */
function operationFor(method: string, url: string): Found | null {
  const pathname = url.split('?')[0] ?? '';
  for (const { id, document, prefix } of documents) {
    if (!pathname.startsWith(`${prefix}/`) && prefix !== '') continue;
    const path = pathname.slice(prefix.length);
    const item = Object.hasOwn(document.paths, path) ? document.paths[path] : undefined;
    const operation = item && Object.hasOwn(item, method.toLowerCase()) ? (item[method.toLowerCase()] as Operation) : undefined;
    if (operation) return { id, document, path, operation, pathParameters: (item?.parameters as Parameter[] | undefined) ?? [] };
  }
  return null;
}

/** Compiles a schema from a document, its `$ref`s resolved in that document. */
const compiled = new Map<string, ValidateFunction>();
function validator(id: string, pointer: string): ValidateFunction {
  const key = `${id}#${pointer}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.getSchema(key);
    if (!validate) throw new Error(`no schema at ${key}`);
    compiled.set(key, validate);
  }
  return validate;
}

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const describe = (validate: ValidateFunction, whole = 'the value') => (validate.errors ?? []).map((error) => `${error.instancePath || whole} ${error.message ?? ''}`.trim()).join('; ');

export interface VippsRequest {
  method: string;
  /** The path as sent (`/point-of-sale/v1/loyalty-check-in`), maybe with a query. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON (undefined: no body). */
  body: unknown;
}

/**
 * What breaks the published rules in a request: [] when nothing does; null when no published
 * operation has this method and path (not a Vipps call).
 */
export function requestProblems(request: VippsRequest): string[] | null {
  const found = operationFor(request.method, request.url);
  if (!found) return null;
  const problems: string[] = [];
  const { id, document, path, operation, pathParameters } = found;
  const base = `/paths/${escape(path)}/${request.method.toLowerCase()}`;
  const parameters = [...pathParameters.map((p, i) => ({ p, pointer: `/paths/${escape(path)}/parameters/${i}` })), ...(operation.parameters ?? []).map((p, i) => ({ p, pointer: `${base}/parameters/${i}` }))];
  for (const { p, pointer } of parameters) {
    const refName = p.$ref?.replace('#/components/parameters/', '');
    const parameter = refName !== undefined ? document.components?.parameters?.[refName] : p;
    const parameterPointer = refName !== undefined ? `/components/parameters/${escape(refName)}` : pointer;
    if (!parameter || parameter.in !== 'header') continue;
    const value = request.headers[parameter.name.toLowerCase()];
    if (value === undefined) {
      if (parameter.required) problems.push(`header ${parameter.name} is required`);
      continue;
    }
    if (!parameter.schema) continue;
    const validate = validator(id, `${parameterPointer}/schema`);
    if (!validate(value)) problems.push(`header ${parameter.name}: ${describe(validate)}`);
  }
  const body = operation.requestBody;
  if (body?.content && Object.hasOwn(body.content, 'application/json')) {
    if (request.body === undefined) {
      if (body.required) problems.push('a JSON body is required');
    } else {
      const validate = validator(id, `${base}/requestBody/content/application~1json/schema`);
      if (!validate(request.body)) problems.push(`body: ${describe(validate, 'the body')}`);
    }
  }
  return problems;
}

/** What breaks the published rules in an answer to a request (its status and media type); null when none is published for them. */
export function responseProblems(request: Pick<VippsRequest, 'method' | 'url'>, status: number, contentType: string, body: unknown): string[] | null {
  const found = operationFor(request.method, request.url);
  const response = found?.operation.responses?.[String(status)];
  if (!found || !response) return null;
  const content = response.content ?? {};
  const type = Object.keys(content).find((candidate) => candidate.toLowerCase() === contentType.toLowerCase()) ?? (contentType === 'application/problem+json' && Object.hasOwn(content, 'application/json') ? 'application/json' : undefined);
  if (type === undefined) return Object.keys(content).length === 0 ? [] : [`content type ${contentType} is not one of ${Object.keys(content).join(', ')}`];
  const validate = validator(found.id, `/paths/${escape(found.path)}/${request.method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`);
  return validate(body) ? [] : [`answer: ${describe(validate, 'the answer')}`];
}
