import { useTranslation } from 'react-i18next';
import { CustomerOptions } from '../components/CustomerOptions';
import { PhoneHint, ScanGuide } from '../components/ScanGuide';
import { useCustomerStore } from '../customer-store';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';
import { useSessionStore } from '../session-store';

export function ReadyScreen({ language }: { language: string }) {
  const { t } = useTranslation();
  const preview = useSessionStore((state) => state.preview);
  const attract = useCustomerStore((state) => state.attract);
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <section className="screen ready">
      <div className="scan-area">
        <div className="scan-target" aria-hidden="true">
          {/* The camera's picture, fed by main, so customers can aim their code; else a QR glyph. */}
          {preview ? <img className="camera-preview" src={preview.image} alt="" data-testid="camera-preview" /> : <div className="qr-glyph" />}
          <div className="aiming-frame" />
        </div>
        {attract && <PhoneHint />}
      </div>
      <div className="prompt">
        <h1 ref={heading} tabIndex={-1}>
          {t('ready.title')}
        </h1>
        <p className="lead">{t('ready.body')}</p>
        <ScanGuide attract={attract} />
      </div>
      <CustomerOptions language={language} />
    </section>
  );
}
