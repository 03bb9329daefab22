import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncLanguage } from './i18n/language-sync';
import { App } from './App';
import { kioskBridge } from './kiosk-bridge';
import { connectSessionStore } from './session-store';
import './styles.css';

const kiosk = kioskBridge();
if (kiosk) connectSessionStore(kiosk);
syncLanguage();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
