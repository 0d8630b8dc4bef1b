import type { TextTable } from '../types';

/** The app shell: header, run flow, notices (src/app/sb-app.ts) and the language menu. */
export const appTexts = {
  'app.language': { en: 'Language', de: 'Sprache' },
  'app.languageTitle': { en: 'Show Spikeblocks in another language (the page reloads; your blocks stay)', de: 'Spikeblocks in einer anderen Sprache zeigen (die Seite lädt neu, deine Blöcke bleiben)' },
  'app.kioskLanguageTitle': { en: 'Show Spikeblocks in {language}', de: 'Spikeblocks auf {language} zeigen' },
  'app.defaultProjectName': { en: 'My network', de: 'Mein Netzwerk' },

  // the Python engine in the status line
  'app.engineLoading': { en: 'Python engine loading…', de: 'Python-Engine lädt …' },
  'app.engineReadyAfter': { en: 'Python engine ready ({seconds} s)', de: 'Python-Engine bereit ({seconds} s)' },
  'app.engineReady': { en: 'Python engine ready', de: 'Python-Engine bereit' },
  'app.engineRestarting': { en: 'Python engine restarting…', de: 'Python-Engine startet neu …' },
  'app.engineFailed': { en: 'Python engine failed to start', de: 'Python-Engine konnte nicht starten' },
  'app.engineFailedNotice': { en: 'The Python engine could not start, so Run is not available.', de: 'Die Python-Engine konnte nicht starten, darum kannst du nichts ausführen.' },

  // header
  'app.run': { en: '▶ Run', de: '▶ Start' },
  'app.running': { en: 'Running…', de: 'Läuft …' },
  'app.runTitle': { en: 'Run the program (Ctrl+Enter)', de: 'Das Programm ausführen (Strg+Eingabe)' },
  'app.runOnTitle': { en: 'Run the program (Ctrl+Enter) on {server}', de: 'Das Programm auf {server} ausführen (Strg+Eingabe)' },
  'app.stop': { en: '■ Stop', de: '■ Stopp' },
  'app.stopTitle': { en: 'Stop the running program (Esc)', de: 'Das laufende Programm anhalten (Esc)' },
  'app.compare': { en: '⇄ Compare', de: '⇄ Vergleichen' },
  'app.compareTitle': { en: 'Run the program here and on the server, and show both results side by side', de: 'Das Programm hier und auf dem Server ausführen und beide Ergebnisse nebeneinander zeigen' },
  'app.live': { en: 'Live', de: 'Live' },
  'app.liveTitle': { en: 'Run again by itself after every change to the blocks', de: 'Nach jeder Änderung an den Blöcken von selbst neu ausführen' },
  'app.backendTitle': { en: 'Choose where programs run: this browser, NEST Server, Norse Server or Jupyter', de: 'Wähle, wo Programme laufen: dieser Browser, NEST Server, Norse Server oder Jupyter' },
  'app.simulator': { en: 'Simulator', de: 'Simulator' },
  'app.simulatorTitle': { en: 'Which simulator the blocks are for', de: 'Für welchen Simulator die Blöcke sind' },
  'app.kioskReset': { en: '↺ Start again', de: '↺ Neu anfangen' },
  'app.kioskResetTitle': { en: 'Clear the blocks and start again from the first example', de: 'Die Blöcke löschen und mit dem ersten Beispiel neu anfangen' },
  'app.lessons': { en: 'Lessons', de: 'Lektionen' },
  'app.lessonsTitle': { en: 'Lessons: step-by-step tasks with a goal that is checked after each run', de: 'Lektionen: Aufgaben Schritt für Schritt, mit einem Ziel, das nach jedem Lauf geprüft wird' },
  'app.open': { en: 'Open…', de: 'Öffnen …' },
  'app.openTitle': { en: 'Open a project file (.json)', de: 'Eine Projektdatei (.json) öffnen' },
  'app.save': { en: 'Save', de: 'Speichern' },
  'app.saveTitle': { en: 'Save the project as a file', de: 'Das Projekt als Datei speichern' },
  'app.share': { en: 'Share', de: 'Teilen' },
  'app.shareTitle': { en: 'Copy a link that opens these blocks (the project travels inside the link)', de: 'Einen Link kopieren, der diese Blöcke öffnet (das Projekt steckt im Link selbst)' },
  'app.notOnServer': { en: 'not on this server: {models}', de: 'nicht auf diesem Server: {models}' },

  // results area ({run} is the Run button's name, shown in bold)
  'app.results': { en: 'Results', de: 'Ergebnisse' },
  'app.runName': { en: 'Run', de: 'Start' },
  'app.stale': { en: 'These results are from before your last change — press {run} to update them.', de: 'Diese Ergebnisse sind von vor deiner letzten Änderung – drücke {run}, um sie zu erneuern.' },
  'app.placeholder': { en: 'Press {run} to simulate the network. Spikes and membrane potentials appear here.', de: 'Drücke {run}, um das Netzwerk zu simulieren. Spikes und Membranpotentiale erscheinen hier.' },
  'app.thisBrowser': { en: 'This browser', de: 'Dieser Browser' },
  'app.undo': { en: 'Undo', de: 'Rückgängig' },

  // notices: running
  'app.wrongServerNorse': { en: '{server} does not run {simulator} programs. Choose Jupyter (with Norse installed there) or a Norse Server in ⚙, or run in this browser.', de: '{server} führt keine {simulator}-Programme aus. Wähle unter ⚙ Jupyter (mit Norse dort installiert) oder einen Norse Server, oder führe es in diesem Browser aus.' },
  'app.wrongServerNest': { en: '{server} does not run {simulator} programs. Choose NEST Server or Jupyter (with NEST installed there) in ⚙, or run in this browser.', de: '{server} führt keine {simulator}-Programme aus. Wähle unter ⚙ NEST Server oder Jupyter (mit NEST dort installiert), oder führe es in diesem Browser aus.' },
  'app.runHere': { en: 'Run in this browser', de: 'In diesem Browser ausführen' },
  'app.useHere': { en: 'Use this browser', de: 'Diesen Browser nehmen' },
  'app.waitingRun': { en: 'Waiting for the Python engine to finish loading; the run starts by itself.', de: 'Die Python-Engine lädt noch; der Lauf startet dann von selbst.' },
  'app.waitingCompare': { en: 'Waiting for the Python engine to finish loading; the comparison starts by itself.', de: 'Die Python-Engine lädt noch; der Vergleich startet dann von selbst.' },
  'app.notRun': { en: 'Not run: {problem}', de: 'Nicht ausgeführt: {problem}' },
  'app.notRunMore': { en: 'Not run: {problem} (and more problems marked on the blocks)', de: 'Nicht ausgeführt: {problem} (und weitere Probleme, an den Blöcken markiert)' },
  'app.serverCouldNotRun': { en: 'The server could not run the program.', de: 'Der Server konnte das Programm nicht ausführen.' },
  'app.runStopped': { en: 'The run was stopped.', de: 'Der Lauf wurde angehalten.' },
  'app.stopped': { en: 'Stopped.', de: 'Angehalten.' },
  'app.stoppedRestart': { en: 'Stopped. The Python engine had to restart, so the next run takes a few seconds longer.', de: 'Angehalten. Die Python-Engine musste neu starten, darum dauert der nächste Lauf ein paar Sekunden länger.' },
  'app.stoppedOnServer': { en: 'Stopped. {server} finishes the given-up run on its own, so a next run there may wait for it.', de: 'Angehalten. {server} rechnet den abgebrochenen Lauf noch selbst zu Ende, darum kann ein nächster Lauf dort darauf warten.' },
  'app.runNotFinished': { en: 'The last run did not finish.', de: 'Der letzte Lauf ist nicht fertig geworden.' },
  'app.runFailed': { en: 'The run did not finish.', de: 'Der Lauf ist nicht fertig geworden.' },
  'app.runError': { en: 'The last run stopped with an error: see the message below.', de: 'Der letzte Lauf endete mit einem Fehler: siehe die Meldung unten.' },
  'app.pythonErrorAtLine': { en: '{type} (line {line}): {message}', de: '{type} (Zeile {line}): {message}' },
  'app.printed': { en: 'The program printed:', de: 'Das Programm hat ausgegeben:' },
  'app.livePausedStopped': { en: 'live runs paused: the last run was stopped — press Run', de: 'Live angehalten: der letzte Lauf wurde abgebrochen – drücke Start' },
  'app.livePausedStoppedFull': { en: 'Live runs paused: the last run was stopped — press Run to run the new blocks.', de: 'Live angehalten: der letzte Lauf wurde abgebrochen – drücke Start, um die neuen Blöcke auszuführen.' },
  'app.livePausedSlow': { en: 'live runs paused: the last run took {seconds} s — press Run', de: 'Live angehalten: der letzte Lauf dauerte {seconds} s – drücke Start' },
  'app.livePausedSlowFull': { en: 'Live runs paused: the last run took {seconds} s — press Run to run the new blocks.', de: 'Live angehalten: der letzte Lauf dauerte {seconds} s – drücke Start, um die neuen Blöcke auszuführen.' },

  // notices: comparing
  'app.compareNotFinished': { en: 'The comparison did not finish.', de: 'Der Vergleich ist nicht fertig geworden.' },
  'app.compareStopped': { en: 'The comparison was stopped.', de: 'Der Vergleich wurde angehalten.' },
  'app.compareFailedHere': { en: 'The program failed in this browser: see the message below.', de: 'Das Programm ist in diesem Browser fehlgeschlagen: siehe die Meldung unten.' },
  'app.compareFailedThere': { en: 'The program failed on the server: see the message below.', de: 'Das Programm ist auf dem Server fehlgeschlagen: siehe die Meldung unten.' },

  // notices: the server
  'app.settingNotKept': { en: 'This browser refused to remember the setting; it lasts until the page is closed.', de: 'Dieser Browser merkt sich die Einstellung nicht; sie gilt, bis du die Seite schließt.' },
  'app.connecting': { en: 'connecting to {address}…', de: 'verbinde mit {address} …' },
  'app.notConnected': { en: 'not connected to {address}', de: 'nicht verbunden mit {address}' },

  // notices: projects, files, links
  'app.restoreFailed': { en: 'Your last saved work could not be read back, so the first example is shown. The saved text is kept in this browser under "{key}".', de: 'Deine zuletzt gespeicherte Arbeit ließ sich nicht lesen, darum siehst du das erste Beispiel. Der gespeicherte Text bleibt in diesem Browser unter „{key}“ erhalten.' },
  'app.projectNotOpened': { en: 'This project could not be opened; nothing was changed.', de: 'Dieses Projekt ließ sich nicht öffnen; nichts wurde geändert.' },
  'app.opened': { en: 'Opened "{name}".', de: '„{name}“ geöffnet.' },
  'app.backTo': { en: 'Back to "{name}".', de: 'Zurück zu „{name}“.' },
  'app.backToFurther': { en: 'Back to "{name}". Undo goes back further.', de: 'Zurück zu „{name}“. Rückgängig geht noch weiter zurück.' },
  'app.fileNotOpened': { en: '"{file}" could not be opened; nothing was changed.', de: '„{file}“ ließ sich nicht öffnen; nichts wurde geändert.' },
  'app.nestDesktopRefused': { en: '"{file}" is a NEST Desktop project the blocks cannot express; nothing was changed.', de: '„{file}“ ist ein NEST-Desktop-Projekt, das die Blöcke nicht ausdrücken können; nichts wurde geändert.' },
  'app.nestDesktopOpened': { en: 'Opened the NEST Desktop project "{name}" as blocks.', de: 'Das NEST-Desktop-Projekt „{name}“ als Blöcke geöffnet.' },
  'app.linkNotOpened': { en: 'The shared link could not be opened; nothing was changed.', de: 'Der geteilte Link ließ sich nicht öffnen; nichts wurde geändert.' },
  'app.saved': { en: 'Saved {file}: Open… brings these blocks back.', de: '{file} gespeichert: Mit Öffnen … holst du diese Blöcke zurück.' },
  'app.savedWithEdits': { en: 'Saved {file}: Open… brings these blocks back, with your hand-edited code.', de: '{file} gespeichert: Mit Öffnen … holst du diese Blöcke zurück, mit deinem von Hand geänderten Code.' },
  'app.notStored': { en: 'This browser refused to store your work. Use Save to keep a file.', de: 'Dieser Browser speichert deine Arbeit nicht. Nimm Speichern, um eine Datei zu behalten.' },
  'app.editsPutAside': { en: 'Your hand-edited code was put aside; the code panel follows the blocks again.', de: 'Dein von Hand geänderter Code ist beiseitegelegt; der Code folgt wieder den Blöcken.' },
  'app.editsBack': { en: 'Your hand-edited code is back.', de: 'Dein von Hand geänderter Code ist wieder da.' },

  // notices: NIR export
  'app.nirNotWritten': { en: 'The NIR file could not be written.', de: 'Die NIR-Datei ließ sich nicht schreiben.' },
  'app.nirRefused': { en: 'Not exported as NIR: {problem}', de: 'Nicht als NIR exportiert: {problem}' },
  'app.nirRefusedMore': { en: 'Not exported as NIR: {problem} (and more, marked on the blocks)', de: 'Nicht als NIR exportiert: {problem} (und mehr, an den Blöcken markiert)' },
  'app.nirSaved': { en: 'Saved {file} ({kB} kB): the network as NIR, with its time step dt.', de: '{file} gespeichert ({kB} kB): das Netzwerk als NIR, mit seinem Zeitschritt dt.' },
  'app.nirSavedLeftOut': { en: 'Saved {file} ({kB} kB): the network as NIR, with its time step dt. Not in it: {leftOut}', de: '{file} gespeichert ({kB} kB): das Netzwerk als NIR, mit seinem Zeitschritt dt. Nicht enthalten: {leftOut}' },

  // why a project's blocks could not be loaded
  'app.unknownBlocks': { en: 'It uses blocks this version of Spikeblocks does not have: {types}.', de: 'Es nutzt Blöcke, die diese Version von Spikeblocks nicht hat: {types}.' },
  'app.foreignBlocks': { en: 'It says it is a {own} project, but it holds {other} blocks ({types}): the file may have been changed by hand.', de: 'Es gibt an, ein {own}-Projekt zu sein, enthält aber {other}-Blöcke ({types}): Die Datei wurde vielleicht von Hand geändert.' },
  'app.blocksUnreadable': { en: 'The blocks in it could not be read: {message}', de: 'Die Blöcke darin ließen sich nicht lesen: {message}' },
} satisfies TextTable;
