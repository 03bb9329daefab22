/**
 * Where to hold the phone: the camera's picture of the aiming area alone (cropped by the capture
 * worker, so the queue behind the customer is never on it; fed by main, never a stream of the
 * page's own), mirrored, as a person expects to see themselves, inside the aiming frame; around
 * it the same picture blurred and dimmed, so the frame sits in a calm field; a QR glyph when
 * there is no picture. Over its top edge, the hint main raises when the decoder has found a
 * code for a few seconds that it cannot read (outside the aria-hidden picture, so it is read out).
 * One component, so a crop or an overlay is added here alone.
 */
import { useTranslation } from 'react-i18next';
import type { CameraHint, Preview } from '../../../electron/shared/contract';

export function CameraPreview({ preview, hint }: { preview: Preview; hint: CameraHint }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="scan-target" aria-hidden="true">
        {preview ? (
          <>
            <img className="camera-preview-surround" src={preview.image} alt="" />
            <img className="camera-preview" src={preview.image} alt="" data-testid="camera-preview" />
          </>
        ) : (
          <div className="qr-glyph" />
        )}
        <div className="aiming-frame" data-testid="aiming-frame" />
      </div>
      {preview && hint.codeNotRead && (
        <p className="camera-hint" data-testid="camera-hint">
          {t('ready.cameraHint')}
        </p>
      )}
    </>
  );
}
