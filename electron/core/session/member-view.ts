/** What the member screen shows of an identified member: first name, points, named items. */
import type { MemberItemView, MemberView } from '../../shared/session-view';
import type { IdentifiedMember } from '../identify/identify-outcome';

/**
 * PLU → product name. A Map: a PLU is the back end's text, and `"__proto__"` or `"constructor"`
 * must find no name (a plain object would give what every object inherits, which no screen can show).
 */
export type Catalog = ReadonlyMap<string, string>;

export function toMemberView(member: IdentifiedMember, catalog: Catalog): MemberView {
  return {
    firstName: firstNameOf(member.name),
    points: member.points,
    items: member.order
      .filter((line) => line.quantity > 0)
      .map((line) => ({
        name: catalog.get(line.productId) ?? line.productId,
        named: catalog.has(line.productId),
        quantity: line.quantity,
        kind: kindOf(line.productType),
      })),
  };
}

/** A counter screen faces the queue: greet by first name only. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? '';
}

function kindOf(productType: string | null): MemberItemView['kind'] {
  const type = productType?.toUpperCase();
  return type === 'REWARD' ? 'reward' : type === 'OFFER' ? 'offer' : 'other';
}
