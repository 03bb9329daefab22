/** Environment variables that may carry secrets instead of the file. */
export const SECRET_ENV = {
  identifyToken: 'KIOSK_IDENTIFY_TOKEN',
  vippsClientSecret: 'KIOSK_VIPPS_CLIENT_SECRET',
  vippsSubscriptionKey: 'KIOSK_VIPPS_SUBSCRIPTION_KEY',
  handoffSecret: 'KIOSK_HANDOFF_SECRET',
  handoffToken: 'KIOSK_HANDOFF_TOKEN',
  metricsToken: 'KIOSK_METRICS_TOKEN',
  otlpHeaders: 'KIOSK_OTLP_HEADERS',
  fleetApiToken: 'KIOSK_FLEET_API_TOKEN',
} as const;
