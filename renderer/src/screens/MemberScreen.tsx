import type { MemberView } from '../../../electron/shared/session-view';
import { formatPoints, memberText } from '../messages';
import { ResultLayout } from './ResultLayout';

export function MemberScreen({ member, resetInSeconds }: { member: MemberView; resetInSeconds: number }) {
  return (
    <ResultLayout tone="good" icon="✓" title={memberText.greeting(member.firstName)} resetInSeconds={resetInSeconds}>
      {member.points && (
        <div className="points">
          <span className="points-label">{memberText.pointsLabel}</span>
          <span className="points-value" data-testid="points">
            {formatPoints(member.points.amount, member.points.currency)}
          </span>
        </div>
      )}
      <div className="items">
        <h2>{memberText.itemsTitle}</h2>
        {member.items.length === 0 ? (
          <p className="muted">{memberText.noItems}</p>
        ) : (
          <ul data-testid="items">
            {member.items.map((item, index) => (
              <li key={index} className={`item item-${item.kind}`}>
                <span className="item-quantity">{item.quantity} ×</span>
                <span className="item-name">{item.name}</span>
                <span className="item-kind">{memberText.kind[item.kind]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </ResultLayout>
  );
}
