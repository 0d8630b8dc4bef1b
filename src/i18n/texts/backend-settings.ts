import type { TextTable } from '../types';

/** The "where programs run" dialog behind ⚙ (src/app/sb-backend-settings.ts). */
export const backendSettingsTexts = {
  'backendSettings.title': { en: 'Where programs run', de: 'Wo Programme laufen' },
  'backendSettings.choices': { en: 'Run programs on', de: 'Programme ausführen auf' },
  'backendSettings.address': { en: 'Server address', de: 'Serveradresse' },
  'backendSettings.token': { en: 'Access token', de: 'Zugangstoken' },
  'backendSettings.tokenKept': { en: 'The token is kept only until this tab is closed.', de: 'Das Token bleibt nur gespeichert, bis du diesen Tab schließt.' },
  'backendSettings.check': { en: 'Check connection', de: 'Verbindung prüfen' },
  'backendSettings.cancel': { en: 'Cancel', de: 'Abbrechen' },
  'backendSettings.use': { en: 'Use', de: 'Übernehmen' },
  'backendSettings.checking': { en: 'Checking…', de: 'Wird geprüft …' },
  'backendSettings.connected': { en: 'Connected: {summary}.', de: 'Verbunden: {summary}.' },
  'backendSettings.connectedModels': { en: 'Connected: {summary} — {count} models.', de: 'Verbunden: {summary} – {count} Modelle.' },
} satisfies TextTable;
