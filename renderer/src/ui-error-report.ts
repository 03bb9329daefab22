/**
 * What main is told of a render error the error boundary caught (`ui-error` in its log): the
 * screen, the error's class, a short message and the components' names. Never the customer's
 * data: whatever the page showed of them (first name, item names, currency) is cut out of the
 * message, and so are URLs (the web shell's carry its launch token); main's log redacts again.
 */
import type { UiErrorReport } from '../../electron/shared/contract';
import type { SessionView } from '../../electron/shared/session-view';

const MAX_MESSAGE = 300;
const MAX_COMPONENTS = 12;

export function uiErrorReport(error: unknown, componentStack: string | null | undefined, screen: UiErrorReport['screen'], view: SessionView | null): UiErrorReport {
  const errorName = error instanceof Error ? error.name : typeof error;
  const raw = error instanceof Error ? error.message : String(error);
  return {
    screen,
    errorName: errorName.replace(/[^\w$.]/g, '').slice(0, 64),
    message: withoutCustomer(raw, customerTexts(view)).slice(0, MAX_MESSAGE),
    components: componentNames(componentStack ?? ''),
  };
}

/** What the page holds of the customer: the strings it shows them. */
function customerTexts(view: SessionView | null): string[] {
  if (view?.screen !== 'member') return [];
  const { member } = view;
  const texts = [member.firstName, member.points?.currency ?? ''];
  for (const item of member.items) texts.push(item.name);
  return texts.filter((text) => text.length >= 2);
}

function withoutCustomer(message: string, texts: readonly string[]): string {
  let text = message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '<url>');
  // Longest first, so a name inside an item's name goes with it.
  for (const customer of [...texts].sort((a, b) => b.length - a.length)) text = text.split(customer).join('<customer>');
  return text.replace(/\s+/g, ' ').trim();
}

/** "at MemberScreen (http://…)" / "in MemberScreen": the names, innermost first, each once in a row. */
function componentNames(stack: string): string[] {
  const names: string[] = [];
  for (const match of stack.matchAll(/(?:^|\n)\s*(?:at|in)\s+([\w$.]{1,64})/g)) {
    const name = match[1] ?? '';
    if (name && names.at(-1) !== name) names.push(name);
    if (names.length === MAX_COMPONENTS) break;
  }
  return names;
}
