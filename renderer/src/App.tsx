/** Picks the screen for the session state main published; the root carries `data-screen`. */
import type { SessionView } from '../../electron/shared/session-view';
import { CodeProblemScreen } from './screens/CodeProblemScreen';
import { IdentifyingScreen } from './screens/IdentifyingScreen';
import { MemberScreen } from './screens/MemberScreen';
import { NeedsStaffScreen } from './screens/NeedsStaffScreen';
import { NotMemberScreen } from './screens/NotMemberScreen';
import { ReadyScreen } from './screens/ReadyScreen';
import { ServiceProblemScreen } from './screens/ServiceProblemScreen';
import { StartingScreen } from './screens/StartingScreen';
import { useSessionStore } from './session-store';
import { StaffEntry } from './staff/StaffEntry';
import { StaffScreen } from './staff/StaffScreen';
import { useStaffStore } from './staff/staff-store';

export function App() {
  const view = useSessionStore((state) => state.view);
  const staff = useStaffStore((state) => state.phase);
  if (staff !== 'closed') {
    return (
      <main className="kiosk staff" data-screen="staff">
        <StaffScreen phase={staff} />
      </main>
    );
  }
  return (
    <main className="kiosk" data-screen={view?.screen}>
      <StaffEntry />
      {view ? <Screen view={view} /> : <StartingScreen />}
    </main>
  );
}

function Screen({ view }: { view: SessionView }) {
  switch (view.screen) {
    case 'ready':
      return <ReadyScreen />;
    case 'identifying':
      return <IdentifyingScreen />;
    case 'member':
      return <MemberScreen member={view.member} resetInSeconds={view.resetInSeconds} />;
    case 'notMember':
      return <NotMemberScreen vippsCheckIn={view.vippsCheckIn} resetInSeconds={view.resetInSeconds} />;
    case 'codeProblem':
      return <CodeProblemScreen reason={view.reason} resetInSeconds={view.resetInSeconds} />;
    case 'serviceProblem':
      return <ServiceProblemScreen reason={view.reason} resetInSeconds={view.resetInSeconds} />;
    case 'needsStaff':
      return <NeedsStaffScreen reason={view.reason} detail={view.detail} resetInSeconds={view.resetInSeconds} />;
  }
}
