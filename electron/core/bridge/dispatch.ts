/**
 * The transport-independent half of every request: find the contract entry, check the shell
 * accepts it, parse the argument with its schema, and only then call the handler. Electron's
 * IPC wrapper and the web shell's WebSocket both go through here, after their sender checks.
 */
import { z } from 'zod';
import { findRequestByChannel, requestArgs, requestNamesFor, requests, type Handlers, type Page, type RequestName } from '../../shared/contract';

export class BridgeRequestError extends Error {
  override name = 'BridgeRequestError';
}

/** @param page the kind of page the sender is (known from the transport, never from the message). */
export async function dispatch(handlers: Handlers, shell: 'electron' | 'web', page: Page, channel: string, arg: unknown): Promise<unknown> {
  const name = findRequestByChannel(channel);
  if (!name || !requestNamesFor(shell, page).includes(name)) throw new BridgeRequestError(`Unknown channel: ${String(channel).slice(0, 64)}`);
  const parsed = requestArgs[name].safeParse(arg);
  if (!parsed.success) throw new BridgeRequestError(`Invalid argument for ${channel}: ${z.prettifyError(parsed.error)}`);
  const handler = handlers[name] as (value: unknown) => unknown;
  return handler(parsed.data);
}

/** Every channel a shell serves, from either page. */
export function channelsFor(shell: 'electron' | 'web'): string[] {
  return [...requestNamesFor(shell, 'ui'), ...requestNamesFor(shell, 'capture')].map((name: RequestName) => requests[name].channel);
}
