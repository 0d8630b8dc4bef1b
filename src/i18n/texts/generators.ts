import type { TextTable } from '../types';

/**
 * Problems the generators (generators/*.ts) show on blocks. NEST's own error texts
 * ("IllegalConnection: …", "BadProperty: …") stay as NEST writes them, in a {nest} place: a
 * learner meets the same words when NEST itself refuses and can look them up; what we add is ours.
 * Names (n1, lif1), model and parameter names, shapes and numbers come in through places.
 */
export const generatorsTexts = {
  // ---- both generators ---------------------------------------------------------------------------
  'generators.detachedStack': {
    en: 'This stack is not attached to the program above; it runs after it, in top-to-bottom order. Snap it on to make the order clear.',
    de: 'Dieser Stapel hängt nicht am Programm darüber; er läuft danach, von oben nach unten. Häng ihn an, damit die Reihenfolge klar ist.',
  },
  'generators.notPython': {
    en: 'This block cannot be turned into Python: {error}',
    de: 'Dieser Block lässt sich nicht in Python übersetzen: {error}',
  },
  'generators.notFinite': { en: '{input} must be a finite number, not {value}.', de: '{input} muss eine endliche Zahl sein, nicht {value}.' },
  'generators.needsName': { en: 'This block needs a name.', de: 'Dieser Block braucht einen Namen.' },

  // ---- NEST ----------------------------------------------------------------------------------------
  'generators.nest.unknownModel': { en: 'Unknown neuron model {model}.', de: 'Unbekanntes Neuronenmodell {model}.' },
  'generators.nest.onlyParamBlocks': {
    en: 'Only "set … to …" parameter blocks belong under "more parameters".',
    de: 'Unter „weitere Parameter“ gehören nur „setze … auf …“-Blöcke.',
  },
  'generators.nest.noSuchParam': { en: '{model} has no parameter {param}.', de: '{model} hat keinen Parameter {param}.' },
  'generators.nest.twoCreators': {
    en: 'Two blocks create {name}: give this one another name.',
    de: 'Zwei Blöcke erzeugen {name}: Gib diesem einen anderen Namen.',
  },
  'generators.nest.populationSize': {
    en: 'BadParameterValue: the number of neurons must be a whole number of at least 1, not {size}.',
    de: 'BadParameterValue: Die Anzahl der Neuronen muss eine ganze Zahl von mindestens 1 sein, nicht {size}.',
  },
  'generators.nest.wholeNumber': { en: '{nest} ({key} must be a whole number).', de: '{nest} ({key} muss eine ganze Zahl sein).' },
  'generators.nest.chooseConnection': {
    en: 'Choose what to connect: a source and a target.',
    de: 'Wähle, was verbunden werden soll: eine Quelle und ein Ziel.',
  },
  'generators.nest.nothingCreates': {
    en: 'Nothing creates {name} before this block: add a block that creates it above.',
    de: 'Vor diesem Block erzeugt nichts {name}: Füge darüber einen Block ein, der es erzeugt.',
  },
  'generators.nest.unknownRule': { en: 'Unknown connection rule {rule}.', de: 'Unbekannte Verbindungsregel {rule}.' },
  'generators.nest.recorderToNeurons': {
    en: '{nest} (Connect the {model} to the neurons: {target} → {source}.)',
    de: '{nest} (Verbinde das {model} mit den Neuronen: {target} → {source}.)',
  },
  'generators.nest.neuronsToSpikeRecorder': {
    en: '{nest} (Connect the neurons to the spike recorder: {target} → {source}.)',
    de: '{nest} (Verbinde die Neuronen mit dem Spike-Rekorder: {target} → {source}.)',
  },
  'generators.nest.parrotCurrent': {
    en: '{nest} (A parrot_neuron only repeats the spikes it gets: connect spikes to it, e.g. from Poisson spikes.)',
    de: '{nest} (Ein parrot_neuron wiederholt nur die Spikes, die es bekommt: Verbinde Spikes damit, z. B. Poisson-Spikes.)',
  },
  'generators.nest.nothingToRecord': {
    en: '{nest} (A {model} has no membrane potential to record; record its spikes with a spike recorder.)',
    de: '{nest} (Ein {model} hat kein Membranpotential zum Messen; zeichne seine Spikes mit einem Spike-Rekorder auf.)',
  },
  'generators.nest.unknownSynapse': { en: 'Unknown synapse model {synapse}.', de: 'Unbekanntes Synapsenmodell {synapse}.' },
  'generators.nest.stdpFromStimulus': {
    en:
      '{nest} (STDP learns between neurons: connect the stimulus with a static synapse, e.g. to a parrot_neuron population, ' +
      'and that population with STDP.)',
    de:
      '{nest} (STDP lernt zwischen Neuronen: Verbinde den Reiz mit einer statischen Synapse, z. B. mit einer ' +
      'parrot_neuron-Population, und diese Population mit STDP.)',
  },
  'generators.nest.simulateNeedsTime': { en: 'simulate needs a time in ms.', de: 'simuliere braucht eine Zeit in ms.' },
  'generators.nest.chooseNode': { en: 'Choose which node to change.', de: 'Wähle, welchen Knoten du ändern willst.' },
  'generators.nest.unknownParam': { en: 'Unknown parameter {param}.', de: 'Unbekannter Parameter {param}.' },
  'generators.nest.giveValue': { en: 'Give the new value.', de: 'Gib den neuen Wert an.' },
  'generators.nest.chooseRecorder': { en: 'Choose the spike recorder to count.', de: 'Wähle den Spike-Rekorder, dessen Spikes du zählen willst.' },
  'generators.nest.onlySpikeRecorderCounts': {
    en: '{name} is a {model}: only a spike_recorder counts spikes.',
    de: '{name} ist ein {model}: Nur ein spike_recorder zählt Spikes.',
  },
  'generators.nest.givePoint': { en: 'Give both numbers of the point: x and y.', de: 'Gib beide Zahlen des Punkts an: x und y.' },
  'generators.nest.nameTable': { en: 'Give the result table a name.', de: 'Gib der Ergebnistabelle einen Namen.' },
  'generators.nest.randomPlace': {
    en: 'A random value goes only into a neuron parameter, or the weight or delay of a connection.',
    de: 'Ein Zufallswert passt nur in einen Neuronenparameter oder in Gewicht oder Verzögerung einer Verbindung.',
  },
  'generators.nest.randomPlaceNot': {
    en: 'A random value goes only into a neuron parameter, or the weight or delay of a connection, not into a parameter of {model}.',
    de: 'Ein Zufallswert passt nur in einen Neuronenparameter oder in Gewicht oder Verzögerung einer Verbindung, nicht in einen Parameter von {model}.',
  },
  'generators.nest.randomDelay': {
    en: '{nest} (every connection draws its own delay from min to max: raise min.)',
    de: '{nest} (jede Verbindung zieht ihre eigene Verzögerung zwischen min und max: Erhöhe min.)',
  },
  'generators.nest.spikeTimes': {
    en: 'Spike times must be numbers in ms separated by commas; not understood: {bad}.',
    de: 'Spike-Zeiten müssen Zahlen in ms sein, durch Kommas getrennt; nicht verstanden: {bad}.',
  },
  'generators.nest.stepTimes': {
    en: 'Step times must be numbers in ms separated by commas; not understood: {bad}.',
    de: 'Die Zeiten der Stufen müssen Zahlen in ms sein, durch Kommas getrennt; nicht verstanden: {bad}.',
  },
  'generators.nest.stepValues': {
    en: 'Step values must be numbers in pA separated by commas; not understood: {bad}.',
    de: 'Die Werte der Stufen müssen Zahlen in pA sein, durch Kommas getrennt; nicht verstanden: {bad}.',
  },
  'generators.nest.paramOutside': {
    en: 'Put this parameter block under "more parameters" of a neuron or stimulus block.',
    de: 'Setze diesen Parameterblock unter „weitere Parameter“ eines Neuronen- oder Reizblocks.',
  },

  // ---- Norse: the names of numbers in problems ------------------------------------------------------
  'generators.norse.label.timeSteps': { en: 'time steps', de: 'Zeitschritte' },
  'generators.norse.label.neurons': { en: 'number of neurons', de: 'Anzahl der Neuronen' },
  'generators.norse.label.firstStep': { en: 'first step', de: 'erster Schritt' },
  'generators.norse.label.endStep': { en: 'step where it ends', de: 'Schritt, an dem sie endet' },
  'generators.norse.label.value': { en: 'value', de: 'Wert' },
  'generators.norse.label.inputsPerStep': { en: 'inputs per step', de: 'Eingänge je Schritt' },
  'generators.norse.label.outputsPerStep': { en: 'outputs per step', de: 'Ausgänge je Schritt' },
  'generators.norse.label.weight': { en: 'weight', de: 'Gewicht' },
  'generators.norse.label.scale': { en: 'scale', de: 'Faktor' },
  'generators.norse.label.spread': { en: 'spread', de: 'Streuung' },
  'generators.norse.label.mean': { en: 'mean', de: 'Mittelwert' },
  'generators.norse.label.seed': { en: 'The seed', de: 'Der Seed' },

  // ---- Norse ---------------------------------------------------------------------------------------
  'generators.norse.give': { en: 'Give the {label}.', de: 'Gib „{label}“ an.' },
  'generators.norse.wholeNumber': {
    en: 'The {label} must be a whole number of at least {min}, not {value}.',
    de: '„{label}“ muss eine ganze Zahl von mindestens {min} sein, nicht {value}.',
  },
  'generators.norse.twoMakers': {
    en: 'Two blocks make {name}: give this one another name.',
    de: 'Zwei Blöcke erzeugen {name}: Gib diesem einen anderen Namen.',
  },
  'generators.norse.tooLarge': {
    en:
      '{name} is {T} time steps × {N} neurons = {count} numbers ({gb} GB as float32): ' +
      'too large to run in this browser (at most {limit} numbers per tensor). Make it smaller, or run it on a Norse backend (⚙).',
    de:
      '{name} hat {T} Zeitschritte × {N} Neuronen = {count} Zahlen ({gb} GB als float32): ' +
      'zu groß für diesen Browser (höchstens {limit} Zahlen je Tensor). Mach es kleiner oder lass es auf einem Norse-Backend laufen (⚙).',
  },
  'generators.norse.trillion': { en: '{n} trillion', de: '{n} Billionen' },
  'generators.norse.billion': { en: '{n} billion', de: '{n} Milliarden' },
  'generators.norse.million': { en: '{n} million', de: '{n} Millionen' },
  'generators.norse.chooseInput': { en: 'Choose what this block takes in.', de: 'Wähle, was dieser Block als Eingabe nimmt.' },
  'generators.norse.nothingMakes': {
    en: 'Nothing makes {name} above this block: add the block that makes it first.',
    de: 'Über diesem Block erzeugt nichts {name}: Füge zuerst den Block ein, der es erzeugt.',
  },
  'generators.norse.scaleNotFinite': {
    en: 'The input factor must be a finite number, not {value}.',
    de: 'Der Eingabefaktor muss eine endliche Zahl sein, nicht {value}.',
  },
  'generators.norse.wrongParams': {
    en: 'This layer takes {cls}: use the matching parameter block.',
    de: 'Diese Schicht nimmt {cls}: Nimm den passenden Parameterblock.',
  },
  'generators.norse.rateAboveZero': {
    en: '{key} must be above 0: it is a rate 1/τ in 1/s (100 means τ = 10 ms), not {value}.',
    de: '{key} muss größer als 0 sein: Es ist eine Rate 1/τ in 1/s (100 heißt τ = 10 ms), nicht {value}.',
  },
  'generators.norse.stepTooLong': {
    en: 'dt · {key} = {product}: a step longer than the time constant jumps past the dynamics. Use a smaller dt or {key}.',
    de: 'dt · {key} = {product}: Ein Schritt, der länger ist als die Zeitkonstante, springt über die Dynamik hinweg. Nimm ein kleineres dt oder {key}.',
  },
  'generators.norse.unknownMethod': { en: 'Unknown method {method}.', de: 'Unbekannte Methode {method}.' },
  'generators.norse.stepOrder': {
    en: 'The step runs from step {from} up to step {to}: the first step must come before the end.',
    de: 'Die Stufe läuft von Schritt {from} bis Schritt {to}: Der erste Schritt muss vor dem Ende liegen.',
  },
  'generators.norse.stepPastEnd': {
    en: 'The step ends at step {to}, past the end of {name} ({T} time steps, 0 to {last}).',
    de: 'Die Stufe endet bei Schritt {to}, nach dem Ende von {name} ({T} Zeitschritte, 0 bis {last}).',
  },
  'generators.norse.spikeList': {
    en: 'Spikes are written step:neuron, separated by commas (e.g. "10:0, 30:1"); not understood: {bad}.',
    de: 'Spikes schreibst du als Schritt:Neuron, durch Kommas getrennt (z. B. „10:0, 30:1“); nicht verstanden: {bad}.',
  },
  'generators.norse.spikePastEnd': {
    en: 'The spike {spike} is at step {t}, past the end ({T} time steps, 0 to {last}).',
    de: 'Der Spike {spike} liegt bei Schritt {t}, nach dem Ende ({T} Zeitschritte, 0 bis {last}).',
  },
  'generators.norse.spikeNoNeuron': {
    en: 'The spike {spike} is for neuron {n}, but there are {N} neurons (0 to {last}).',
    de: 'Der Spike {spike} ist für Neuron {n}, aber es gibt {N} Neuronen (0 bis {last}).',
  },
  'generators.norse.values': {
    en: 'Values must be numbers separated by commas; not understood: {bad}.',
    de: 'Werte müssen Zahlen sein, durch Kommas getrennt; nicht verstanden: {bad}.',
  },
  'generators.norse.noValues': {
    en: 'Give at least one value: one number per neuron.',
    de: 'Gib mindestens einen Wert an: eine Zahl je Neuron.',
  },
  'generators.norse.addSteps': {
    en: '{a} has {aT} time steps (shape {aShape}), {b} has {bT} (shape {bShape}): parts added together need the same number of time steps.',
    de: '{a} hat {aT} Zeitschritte (Form {aShape}), {b} hat {bT} (Form {bShape}): Was addiert wird, braucht gleich viele Zeitschritte.',
  },
  'generators.norse.addNeurons': {
    en: '{a} has {aN} neurons (shape {aShape}), {b} has {bN} (shape {bShape}): parts added together need the same number of neurons.',
    de: '{a} hat {aN} Neuronen (Form {aShape}), {b} hat {bN} (Form {bShape}): Was addiert wird, braucht gleich viele Neuronen.',
  },
  'generators.norse.encoderInput': {
    en:
      '{cls} takes one value per neuron (shape (neurons,)), but {name} has shape {shape}: ' +
      'an encoder makes the time steps itself. Give it a "one value per neuron" block.',
    de:
      '{cls} nimmt einen Wert je Neuron (Form (neurons,)), aber {name} hat die Form {shape}: ' +
      'Ein Kodierer erzeugt die Zeitschritte selbst. Gib ihm einen Block „ein Wert je Neuron“.',
  },
  'generators.norse.fmaxNegative': {
    en: 'f_max is a rate in Hz and cannot be negative, not {value}.',
    de: 'f_max ist eine Rate in Hz und kann nicht negativ sein, nicht {value}.',
  },
  'generators.norse.layer.lif': { en: 'A LIF layer', de: 'Eine LIF-Schicht' },
  'generators.norse.layer.li': { en: 'An LI layer', de: 'Eine LI-Schicht' },
  'generators.norse.layer.recurrent': { en: 'A recurrent LIF layer', de: 'Eine rekurrente LIF-Schicht' },
  'generators.norse.layer.box': { en: 'A LIF box cell', de: 'Eine LIF-Box-Zelle' },
  'generators.norse.layer.linear': { en: 'A Linear layer here', de: 'Eine lineare Schicht hier' },
  'generators.norse.layer.sequence': { en: 'A sequence of layers', de: 'Eine Folge von Schichten' },
  'generators.norse.layerInput': {
    en:
      '{what} needs a (time steps, neurons) tensor, but {name} has shape {shape}: ' +
      'the time dimension is missing. Feed it through an encoder first.',
    de:
      '{what} braucht einen Tensor der Form (Zeitschritte, Neuronen), aber {name} hat die Form {shape}: ' +
      'Die Zeitdimension fehlt. Schick es zuerst durch einen Kodierer.',
  },
  'generators.norse.linearInputs': {
    en: 'Linear expects {expected} inputs per step, gets {N} from {from} (shape ({T}, {N})).',
    de: 'Linear erwartet {expected} Eingänge je Schritt, bekommt {N} von {from} (Form ({T}, {N})).',
  },
  'generators.norse.layerAbove': { en: 'the layer above', de: 'der Schicht darüber' },
  'generators.norse.onlyLayers': {
    en: 'Only the layer blocks of the Containers category go inside a sequence.',
    de: 'In eine Folge gehören nur die Schichtblöcke der Kategorie Container.',
  },
  'generators.norse.emptySequence': {
    en: 'Put at least one layer inside the sequence.',
    de: 'Setz mindestens eine Schicht in die Folge.',
  },
  'generators.norse.noTimeSteps': {
    en: '{name} has no time steps to plot (shape {shape}): record the encoder that turns it into spikes.',
    de: '{name} hat keine Zeitschritte zum Darstellen (Form {shape}): Zeichne den Kodierer auf, der daraus Spikes macht.',
  },
  'generators.norse.tickSomething': { en: 'Tick what to record: spikes, v or i.', de: 'Kreuze an, was aufgezeichnet werden soll: Spikes, v oder i.' },
  'generators.norse.absent.box': { en: 'A LIF box cell has no input current', de: 'Eine LIF-Box-Zelle hat keinen Eingangsstrom' },
  'generators.norse.absent.encoder': { en: 'An encoder sends spikes only', de: 'Ein Kodierer sendet nur Spikes' },
  'generators.norse.absent.li': { en: 'An LI layer sends its voltage, not spikes', de: 'Eine LI-Schicht sendet ihre Spannung, keine Spikes' },
  'generators.norse.word.spikes': { en: 'spikes', de: 'Spikes' },
  'generators.norse.word.v': { en: 'voltage v', de: 'Spannung v' },
  'generators.norse.word.i': { en: 'current i', de: 'Strom i' },
  'generators.norse.or': { en: ' or ', de: ' oder ' },
  'generators.norse.and': { en: ' and ', de: ' und ' },
  'generators.norse.notRecordedOne': {
    en: '{what}: {name} has no {words} to record, so it is left out. Untick {untick}.',
    de: '{what}: {name} hat keine(n) {words} zum Aufzeichnen, das fällt weg. Entferne das Häkchen bei {untick}.',
  },
  'generators.norse.notRecordedMany': {
    en: '{what}: {name} has no {words} to record, so they are left out. Untick {untick}.',
    de: '{what}: {name} hat keine {words} zum Aufzeichnen, die fallen weg. Entferne die Häkchen bei {untick}.',
  },
  'generators.norse.secondSettings': {
    en: 'There is a simulation settings block already: keep one.',
    de: 'Es gibt schon einen Block Simulationseinstellungen: Behalte nur einen.',
  },
  'generators.norse.settingsFirst': {
    en: 'Put the simulation settings first: the blocks above it use dt before it is set.',
    de: 'Setz die Simulationseinstellungen an den Anfang: Die Blöcke darüber nutzen dt, bevor es gesetzt ist.',
  },
  'generators.norse.dtPositive': {
    en: 'dt is the length of one time step in seconds and must be above 0, not {value}.',
    de: 'dt ist die Länge eines Zeitschritts in Sekunden und muss größer als 0 sein, nicht {value}.',
  },
  'generators.norse.dtLong': {
    en: "dt is in seconds: {value} s per step is long for neurons (Norse's default is 0.001 s = 1 ms).",
    de: 'dt ist in Sekunden: {value} s pro Schritt ist lang für Neuronen (Norses Standard ist 0.001 s = 1 ms).',
  },
  'generators.norse.seed': {
    en: 'The seed must be a whole number of at least 0, not {value}.',
    de: 'Der Seed muss eine ganze Zahl von mindestens 0 sein, nicht {value}.',
  },
  'generators.norse.stdNegative': {
    en: 'The spread (std) cannot be negative, not {value}.',
    de: 'Die Streuung (std) kann nicht negativ sein, nicht {value}.',
  },
  'generators.norse.seqOutside': {
    en: 'This layer goes inside a "layers in sequence" block (Containers).',
    de: 'Diese Schicht gehört in einen Block „Schichten nacheinander“ (Container).',
  },

  // ---- NIR export (generators/norse-nir.ts) -------------------------------------------------------
  'generators.nir.give': { en: 'Give the {what}: NIR needs every number.', de: 'Gib „{what}“ an: NIR braucht jede Zahl.' },
  'generators.nir.computed': {
    en: 'The {what} is computed by blocks; NIR needs the number itself. Put a plain number there to export.',
    de: '„{what}“ wird von Blöcken berechnet; NIR braucht die Zahl selbst. Setz dort eine einfache Zahl ein, um zu exportieren.',
  },
  'generators.nir.notFinite': {
    en: 'The {what} must be a finite number to export, not {value}.',
    de: '„{what}“ muss zum Exportieren eine endliche Zahl sein, nicht {value}.',
  },
  'generators.nir.label.neurons': { en: 'number of neurons', de: 'Anzahl der Neuronen' },
  'generators.nir.label.scale': { en: 'input factor', de: 'Eingabefaktor' },
  'generators.nir.label.dt': { en: 'time step dt', de: 'Zeitschritt dt' },
  'generators.nir.nothingToExport': {
    en: 'Nothing makes {name} above this block, so there is nothing to export it from.',
    de: 'Über diesem Block erzeugt nichts {name}, also gibt es nichts, woraus exportiert werden kann.',
  },
  'generators.nir.noTimeSteps': {
    en: '{name} has no time steps: feed it through an encoder first.',
    de: '{name} hat keine Zeitschritte: Schick es zuerst durch einen Kodierer.',
  },
  'generators.nir.inputs': {
    en: '{what} expects {expected} inputs per step but gets {N}.',
    de: '{what} erwartet {expected} Eingänge je Schritt, bekommt aber {N}.',
  },
  'generators.nir.thisLinear': { en: 'This Linear layer', de: 'Diese lineare Schicht' },
  'generators.nir.layerOf': { en: 'Layer {k} of {name}', de: 'Schicht {k} von {name}' },
  'generators.nir.nothingMakes': { en: 'Nothing makes {name} above this block.', de: 'Über diesem Block erzeugt nichts {name}.' },
  'generators.nir.addsLayer': {
    en:
      '{name} adds {layer}, the output of a layer, to something else: NIR has no node for ' +
      'adding an input inside the network. Feed the layers from inputs only to export.',
    de:
      '{name} addiert {layer}, die Ausgabe einer Schicht, zu etwas anderem: NIR hat keinen Knoten, um innerhalb des ' +
      'Netzwerks eine Eingabe zu addieren. Speise die Schichten nur aus Eingaben, um zu exportieren.',
  },
  'generators.nir.nothingAdded': { en: 'Nothing makes what this block adds above it.', de: 'Über diesem Block erzeugt nichts, was er addiert.' },
  'generators.nir.recurrent': {
    en:
      '{name} is a recurrent LIF layer: its input and recurrent weights are random numbers PyTorch draws when the ' +
      'program runs, so the blocks do not know them, and NIR needs every weight. Only layers whose weights the blocks set can be exported.',
    de:
      '{name} ist eine rekurrente LIF-Schicht: Ihre Eingangs- und rekurrenten Gewichte sind Zufallszahlen, die PyTorch ' +
      'beim Ausführen zieht, die Blöcke kennen sie also nicht, und NIR braucht jedes Gewicht. Nur Schichten, deren ' +
      'Gewichte die Blöcke festlegen, lassen sich exportieren.',
  },
  'generators.nir.fixFirst': { en: 'Fix this before exporting as NIR: {message}', de: 'Behebe das vor dem Export als NIR: {message}' },
  'generators.nir.noLayer': {
    en: 'There is no layer to export: NIR holds the network (LIF, LI, LIF box, Linear, sequence blocks), not its inputs.',
    de: 'Es gibt keine Schicht zum Exportieren: NIR enthält das Netzwerk (LIF-, LI-, LIF-Box-, Linear- und Folge-Blöcke), nicht seine Eingaben.',
  },
  'generators.nir.twoInputs': {
    en: 'The network takes two inputs, {a} and {b}: the NIR export takes one. Add them with a "+" block first.',
    de: 'Das Netzwerk hat zwei Eingaben, {a} und {b}: Der NIR-Export nimmt eine. Addiere sie zuerst mit einem „+“-Block.',
  },
  'generators.nir.leftOut': {
    en: '{name} ({what}) feeds no layer: it is not in the NIR file.',
    de: '{name} ({what}) speist keine Schicht: Es ist nicht in der NIR-Datei.',
  },
  'generators.nir.source.norse_constant': { en: 'constant input', de: 'konstante Eingabe' },
  'generators.nir.source.norse_rand': { en: 'random input (uniform)', de: 'zufällige Eingabe (gleichverteilt)' },
  'generators.nir.source.norse_randn': { en: 'random input (normal)', de: 'zufällige Eingabe (normalverteilt)' },
  'generators.nir.source.norse_step_current': { en: 'step input', de: 'Stufeneingabe' },
  'generators.nir.source.norse_spike_train': { en: 'spikes at chosen steps', de: 'Spikes in gewählten Schritten' },
  'generators.nir.source.norse_add': { en: 'sum of inputs', de: 'Summe von Eingaben' },
  'generators.nir.source.norse_poisson_encoder': { en: 'Poisson encoder', de: 'Poisson-Kodierer' },
  'generators.nir.source.norse_constant_current_encoder': { en: 'constant-current LIF encoder', de: 'Konstantstrom-LIF-Kodierer' },
  'generators.nir.source.norse_spike_latency_encoder': { en: 'spike-latency LIF encoder', de: 'Spike-Latenz-LIF-Kodierer' },
  'generators.nir.source.norse_values': { en: 'one value per neuron', de: 'ein Wert je Neuron' },
} satisfies TextTable;
