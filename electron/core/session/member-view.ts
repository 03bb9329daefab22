/** What the member screen shows of an identified member: first name, points, named items. */
import type { MemberItemView, MemberView } from '../../shared/session-view';
import type { IdentifiedMember } from '../identify/identify-outcome';

export function toMemberView(member: IdentifiedMember, catalog: Record<string, string>): MemberView {
  return {
    firstName: firstNameOf(member.name),
    points: member.points,
    items: member.order
      .filter((line) => line.quantity > 0)
      .map((line) => ({
        name: catalog[line.productId] ?? line.productId,
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
