import type { TextTable } from '../types';

/** Why a project file is refused (src/storage/project.ts). */
export const projectTexts = {
  'project.untitled': { en: 'Untitled', de: 'Ohne Titel' },
  'project.tooLarge': { en: 'This file is too large for a Spikeblocks project ({size} MB; Spikeblocks opens projects up to {limit} MB, and a class project is a few kB).', de: 'Diese Datei ist zu groß für ein Spikeblocks-Projekt ({size} MB; Spikeblocks öffnet Projekte bis {limit} MB, und ein Klassenprojekt hat ein paar kB).' },
  'project.notJson': { en: 'This file is not a Spikeblocks project: it is not valid JSON ({message}).', de: 'Diese Datei ist kein Spikeblocks-Projekt: Sie ist kein gültiges JSON ({message}).' },
  'project.noObject': { en: 'This file is not a Spikeblocks project: it holds no project object.', de: 'Diese Datei ist kein Spikeblocks-Projekt: Sie enthält kein Projektobjekt.' },
  'project.nestDesktop': { en: 'This looks like a NEST Desktop project: open it with Open… and Spikeblocks turns it into blocks.', de: 'Das sieht nach einem NEST-Desktop-Projekt aus: Öffne es mit Öffnen …, dann macht Spikeblocks Blöcke daraus.' },
  'project.noFormat': { en: 'This file is not a Spikeblocks project (it has no "format": "spikeblocks-project" field).', de: 'Diese Datei ist kein Spikeblocks-Projekt (ihr fehlt das Feld "format": "spikeblocks-project").' },
  'project.noVersion': { en: 'This project file has no valid version number.', de: 'Diese Projektdatei hat keine gültige Versionsnummer.' },
  'project.newer': { en: 'This project was saved by a newer Spikeblocks (file version {version}, this one reads up to {supported}). Update Spikeblocks to open it.', de: 'Dieses Projekt wurde mit einem neueren Spikeblocks gespeichert (Dateiversion {version}, dieses liest bis {supported}). Aktualisiere Spikeblocks, um es zu öffnen.' },
  'project.noUpgrade': { en: 'Project file version {version} cannot be upgraded.', de: 'Projektdateiversion {version} lässt sich nicht aktualisieren.' },
  'project.unknownSimulator': { en: 'This project is for a simulator Spikeblocks does not know ("{simulator}").', de: 'Dieses Projekt ist für einen Simulator, den Spikeblocks nicht kennt („{simulator}“).' },
  'project.noWorkspace': { en: 'This project file has no blocks in it (no "workspace" object).', de: 'In dieser Projektdatei sind keine Blöcke (kein "workspace"-Objekt).' },
} satisfies TextTable;
