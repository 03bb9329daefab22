import { useTranslation } from 'react-i18next';
import { CameraPreview } from '../components/CameraPreview';
import { CustomerOptions } from '../components/CustomerOptions';
import { PhoneHint, ScanGuide } from '../components/ScanGuide';
import { useCustomerStore } from '../customer-store';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';
import { Keypad } from '../keypad/Keypad';
import { useKeypadStore } from '../keypad/keypad-store';
import { TypeCodeButton } from '../keypad/TypeCodeButton';
import { useSessionStore } from '../session-store';

/** What members get (`brand.attractLine`), in the language on screen, else the kiosk's own; null: none configured. */
function useAttractLine(language: string): string | null {
  const appearance = useSessionStore((state) => state.appearance);
  const lines = appearance?.attractLine ?? [];
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  return (lines.find((line) => base(line.language) === base(language)) ?? lines.find((line) => base(line.language) === base(appearance?.locale ?? '')))?.text ?? null;
}

export function ReadyScreen({ language }: { language: string }) {
  const { t } = useTranslation();
  const preview = useSessionStore((state) => state.preview);
  const hint = useSessionStore((state) => state.cameraHint);
  const attract = useCustomerStore((state) => state.attract);
  const attractLine = useAttractLine(language);
  const keypadOpen = useKeypadStore((state) => state.view?.open ?? false);
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <section className="screen ready">
      <div className="scan-area">
        <CameraPreview preview={preview} hint={hint} />
        {attract && <PhoneHint />}
      </div>
      <div className="prompt">
        <h1 ref={heading} tabIndex={-1}>
          {t('ready.title')}
        </h1>
        <p className="lead">{t('ready.body')}</p>
        {attract && attractLine && (
          <p className="attract-line" data-testid="attract-line">
            {attractLine}
          </p>
        )}
        <ScanGuide attract={attract} />
        <TypeCodeButton />
      </div>
      <CustomerOptions language={language} />
      {keypadOpen && <Keypad />}
    </section>
  );
}
