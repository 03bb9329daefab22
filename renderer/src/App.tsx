/**
 * Picks the screen for the session state main published. The root carries `data-screen`, the
 * customer's contrast choice and the attract state, and the brand's colours; one live region
 * announces every screen.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../electron/shared/session-view';
import { Announcer } from './components/Announcer';
import { BrandBar } from './components/BrandBar';
import { useCustomerStore } from './customer-store';
import { useAttract } from './hooks/use-attract';
import { useBrandStyle } from './hooks/use-brand-style';
import { closeKeypad, useKeypadStore } from './keypad/keypad-store';
import { useLanguage } from './hooks/use-language';
import { useReadKey } from './hooks/use-read-key';
import { useResultKey } from './hooks/use-result-key';
import { useResultSounds } from './hooks/use-result-sounds';
import { CodeProblemScreen } from './screens/CodeProblemScreen';
import { IdentifyingScreen } from './screens/IdentifyingScreen';
import { MemberScreen } from './screens/MemberScreen';
import { NeedsStaffScreen } from './screens/NeedsStaffScreen';
import { NotMemberScreen } from './screens/NotMemberScreen';
import { ReadyScreen } from './screens/ReadyScreen';
import { ServiceProblemScreen } from './screens/ServiceProblemScreen';
import { StartingScreen } from './screens/StartingScreen';
import { announcement } from './screen-text';
import { useSessionStore } from './session-store';
import { StaffEntry } from './staff/StaffEntry';
import { StaffScreen } from './staff/StaffScreen';
import { useStaffStore } from './staff/staff-store';

const DEFAULT_SOUNDS = { enabled: true, volume: 0.5 };

export function App() {
  const { t } = useTranslation();
  const view = useSessionStore((state) => state.view);
  const appearance = useSessionStore((state) => state.appearance);
  const staff = useStaffStore((state) => state.phase);
  const { highContrast, attract } = useCustomerStore();
  const screen = view?.screen ?? null;
  const language = useLanguage();
  const keypadOpen = useKeypadStore((state) => state.view?.open ?? false);
  const cameraHint = useSessionStore((state) => state.cameraHint.codeNotRead);
  // Someone typing is somebody there: no attract screen over the keypad.
  useAttract(screen === 'ready' && staff === 'closed' && !keypadOpen, appearance?.attractAfterSeconds ?? 60);
  // Staff mode takes the screen: a keypad left open is closed, not found again afterwards.
  useEffect(() => {
    if (staff !== 'closed' && keypadOpen) closeKeypad();
  }, [staff, keypadOpen]);
  const resultKey = useResultKey(view);
  const readKey = useReadKey(view);
  useResultSounds(view, resultKey, readKey, appearance?.sounds ?? DEFAULT_SOUNDS);
  const brandStyle = useBrandStyle(appearance?.brand.color ?? null, highContrast);

  if (staff !== 'closed') {
    return (
      <main className="kiosk staff" data-screen="staff">
        <StaffScreen phase={staff} />
      </main>
    );
  }
  return (
    <main className="kiosk" data-screen={view?.screen} data-contrast={highContrast ? 'high' : 'standard'} data-attract={attract ? 'on' : 'off'} style={brandStyle}>
      <StaffEntry />
      <BrandBar />
      <div className="stage">{view ? <Screen view={view} language={language} readKey={readKey} /> : <StartingScreen />}</div>
      <Announcer text={announcement(t, view, { cameraHint, joinQr: Boolean(appearance?.join) })} announceKey={resultKey} />
    </main>
  );
}

function Screen({ view, language, readKey }: { view: SessionView; language: string; readKey: number }) {
  switch (view.screen) {
    case 'ready':
      return <ReadyScreen language={language} />;
    case 'identifying':
      return <IdentifyingScreen typed={view.typed === true} readKey={readKey} />;
    case 'member':
      return <MemberScreen member={view.member} resetInSeconds={view.resetInSeconds} />;
    case 'notMember':
      return <NotMemberScreen vippsCheckIn={view.vippsCheckIn} resetInSeconds={view.resetInSeconds} />;
    case 'codeProblem':
      return <CodeProblemScreen reason={view.reason} resetInSeconds={view.resetInSeconds} />;
    case 'serviceProblem':
      return <ServiceProblemScreen reason={view.reason} resetInSeconds={view.resetInSeconds} />;
    case 'needsStaff':
      return <NeedsStaffScreen reason={view.reason} fields={view.fields ?? []} resetInSeconds={view.resetInSeconds} />;
  }
}
