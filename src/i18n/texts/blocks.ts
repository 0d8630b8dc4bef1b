import type { TextTable } from '../types';

/**
 * The blocks (blocks/nest/*, blocks/norse/*): labels, tooltips, dropdown labels, toolbox
 * categories. Every key here also becomes a Blockly message (blocks/messages.ts), so block
 * definitions refer to it as %{BKY_SB_…}; `%1`, `%2` are Blockly's places for a block's fields
 * and inputs (German may reorder them). No '%' other than those, no '{place}' (Blockly fills
 * these messages without parameters), except the few texts blocks/messages.ts fills itself.
 * NEST/Norse names, parameter names (V_m, tau_m) and units stay as they are in both languages.
 */
export const blocksTexts = {
  // ---- toolbox categories (the English name is also the category's id in lessons) ----------
  'blocks.category.Neurons': { en: 'Neurons', de: 'Neuronen' },
  'blocks.category.Stimuli': { en: 'Stimuli', de: 'Reize' },
  'blocks.category.Recorders': { en: 'Recorders', de: 'Messgeräte' },
  'blocks.category.Connections': { en: 'Connections', de: 'Verbindungen' },
  'blocks.category.Random': { en: 'Random', de: 'Zufall' },
  'blocks.category.Simulation': { en: 'Simulation', de: 'Simulation' },
  'blocks.category.Logic': { en: 'Logic', de: 'Logik' },
  'blocks.category.Loops': { en: 'Loops', de: 'Schleifen' },
  'blocks.category.Math': { en: 'Math', de: 'Mathematik' },
  'blocks.category.Variables': { en: 'Variables', de: 'Variablen' },
  'blocks.category.Inputs': { en: 'Inputs', de: 'Eingaben' },
  'blocks.category.Encoders': { en: 'Encoders', de: 'Kodierer' },
  'blocks.category.Layers': { en: 'Layers', de: 'Schichten' },
  'blocks.category.Containers': { en: 'Containers', de: 'Container' },
  'blocks.category.Recording': { en: 'Recording', de: 'Aufzeichnung' },

  // ---- shared rows --------------------------------------------------------------------------
  'blocks.moreParameters': { en: 'more parameters', de: 'weitere Parameter' },
  'blocks.simulationSettings': { en: 'simulation settings', de: 'Simulationseinstellungen' },
  'blocks.randomSeed': { en: 'random seed %1', de: 'Zufalls-Seed %1' },

  // ---- NEST: neurons ---------------------------------------------------------------------------
  'blocks.population.title': { en: '%1 = neurons of model %2', de: '%1 = Neuronen des Modells %2' },
  'blocks.population.howMany': { en: 'how many %1', de: 'Anzahl %1' },
  'blocks.population.tooltip': {
    en:
      'Creates a population of neurons of a NEST model (nest.Create). Choosing the model shows the parameters a learner ' +
      'changes first; every other parameter of the model goes under "more parameters". A parameter row also takes a ' +
      'random value (Random category): each neuron then draws its own.',
    de:
      'Erzeugt eine Population von Neuronen eines NEST-Modells (nest.Create). Das gewählte Modell zeigt die Parameter, ' +
      'die du meist zuerst änderst; alle anderen Parameter des Modells kommen unter „weitere Parameter“. Eine ' +
      'Parameterzeile nimmt auch einen Zufallswert (Kategorie Zufall): Dann zieht jedes Neuron seinen eigenen.',
  },
  'blocks.population.model': { en: '{model}: {doc}', de: '{model}: {doc}' },
  'blocks.row.I_e': { en: 'input current', de: 'Eingangsstrom' },
  'blocks.row.V_th': { en: 'threshold', de: 'Schwelle' },
  'blocks.row.tau_m': { en: 'time constant', de: 'Zeitkonstante' },
  'blocks.row.g_L': { en: 'leak conductance', de: 'Leckleitfähigkeit' },
  'blocks.row.g_Na': { en: 'sodium conductance', de: 'Natrium-Leitfähigkeit' },
  'blocks.row.g_K': { en: 'potassium conductance', de: 'Kalium-Leitfähigkeit' },
  'blocks.row.tau_w': { en: 'adaptation time constant', de: 'Adaptations-Zeitkonstante' },
  'blocks.row.Delta_T': { en: 'spike sharpness', de: 'Spike-Schärfe' },
  'blocks.row.izhikevich.a': { en: 'recovery speed', de: 'Erholungstempo' },
  'blocks.row.izhikevich.b': { en: 'recovery sensitivity', de: 'Erholungsempfindlichkeit' },
  'blocks.row.izhikevich.c': { en: 'reset voltage', de: 'Reset-Spannung' },
  'blocks.row.izhikevich.d': { en: 'recovery jump', de: 'Erholungssprung' },
  'blocks.row.aeif_cond_alpha.a': { en: 'subthreshold adaptation', de: 'unterschwellige Adaptation' },
  'blocks.row.aeif_cond_alpha.b': { en: 'spike adaptation', de: 'Spike-Adaptation' },

  // ---- NEST: "more parameters" ----------------------------------------------------------------
  'blocks.param.title': { en: 'set %1 to %2', de: 'setze %1 auf %2' },
  'blocks.param.tooltip': {
    en:
      "One more parameter of the neuron or stimulus this block sits in; the list shows that model's parameters. " +
      'Units as NEST uses them. A neuron parameter also takes a random value (each neuron draws its own).',
    de:
      'Ein weiterer Parameter des Neurons oder Reizes, in dem dieser Block steckt; die Liste zeigt die Parameter dieses ' +
      'Modells. Einheiten wie in NEST. Ein Neuronenparameter nimmt auch einen Zufallswert (jedes Neuron zieht seinen eigenen).',
  },
  'blocks.param.none': { en: '(no parameters)', de: '(keine Parameter)' },
  'blocks.param.notHere': { en: '{label} — not a parameter here', de: '{label} — hier kein Parameter' },

  // ---- NEST: connections -----------------------------------------------------------------------
  'blocks.connect.title': { en: 'connect %1 → %2', de: 'verbinde %1 → %2' },
  'blocks.connect.rule': { en: 'rule %1', de: 'Regel %1' },
  'blocks.connect.rule.all_to_all': { en: 'all to all', de: 'alle mit allen' },
  'blocks.connect.rule.one_to_one': { en: 'one to one', de: 'eins zu eins' },
  'blocks.connect.rule.fixed_indegree': { en: 'fixed indegree', de: 'fester Eingangsgrad' },
  'blocks.connect.rule.fixed_outdegree': { en: 'fixed outdegree', de: 'fester Ausgangsgrad' },
  'blocks.connect.rule.fixed_total_number': { en: 'fixed total number', de: 'feste Gesamtzahl' },
  'blocks.connect.rule.pairwise_bernoulli': { en: 'random, probability p', de: 'zufällig, Wahrscheinlichkeit p' },
  'blocks.connect.number.fixed_indegree': { en: 'indegree (sources per target) %1', de: 'Eingangsgrad (Quellen je Ziel) %1' },
  'blocks.connect.number.fixed_outdegree': { en: 'outdegree (targets per source) %1', de: 'Ausgangsgrad (Ziele je Quelle) %1' },
  'blocks.connect.number.fixed_total_number': { en: 'N (connections in all) %1', de: 'N (Verbindungen insgesamt) %1' },
  'blocks.connect.number.pairwise_bernoulli': { en: 'p (probability per pair) %1', de: 'p (Wahrscheinlichkeit je Paar) %1' },
  'blocks.connect.allow': { en: 'allow autapses %1 multapses %2 %3', de: 'erlaube Autapsen %1 Multapsen %2 %3' },
  'blocks.connect.weight': { en: 'weight %2 %1', de: 'Gewicht %2 %1' },
  'blocks.connect.delay': { en: 'delay (ms) %1', de: 'Verzögerung (ms) %1' },
  'blocks.connect.synapse': { en: 'synapse %1 %2', de: 'Synapse %1 %2' },
  'blocks.connect.synapse.static_synapse': { en: 'static (fixed weight)', de: 'statisch (festes Gewicht)' },
  'blocks.connect.synapse.stdp_synapse': { en: 'STDP (weight learns)', de: 'STDP (Gewicht lernt)' },
  'blocks.connect.timesCurrent': { en: '(× current)', de: '(× Strom)' },
  'blocks.connect.tooltip': {
    en:
      'Connects sources to targets (nest.Connect). Rules: all to all; one to one; fixed indegree (every target gets ' +
      'that many random sources); fixed outdegree (every source gets that many random targets); fixed total number ' +
      '(N random pairs); random with probability p per pair. Autapses: a neuron connected to itself; multapses: the ' +
      'same pair connected more than once. Weight: peak current in pA (jump in mV for iaf_psc_delta); ' +
      'negative weights inhibit. From a current generator the weight is a factor that multiplies its current. ' +
      'Delay: ms until the spike arrives. Weight and delay also take a random value (each connection draws its own). ' +
      'Synapse: static keeps the weight; STDP (stdp_synapse) strengthens it when the source fires just before the target ' +
      'and weakens it when it fires just after, up to Wmax — only between neurons (NEST refuses it from stimuli). ' +
      'Recorders ignore weight, delay and synapse, so the block hides them.',
    de:
      'Verbindet Quellen mit Zielen (nest.Connect). Regeln: alle mit allen; eins zu eins; fester Eingangsgrad (jedes Ziel ' +
      'bekommt so viele zufällige Quellen); fester Ausgangsgrad (jede Quelle bekommt so viele zufällige Ziele); feste ' +
      'Gesamtzahl (N zufällige Paare); zufällig mit Wahrscheinlichkeit p je Paar. Autapsen: ein Neuron ist mit sich selbst ' +
      'verbunden; Multapsen: dasselbe Paar ist mehrfach verbunden. Gewicht: Spitzenstrom in pA (Sprung in mV bei ' +
      'iaf_psc_delta); negative Gewichte hemmen. Von einem Stromgenerator ist das Gewicht ein Faktor, der seinen Strom ' +
      'multipliziert. Verzögerung: ms, bis der Spike ankommt. Gewicht und Verzögerung nehmen auch einen Zufallswert (jede ' +
      'Verbindung zieht ihren eigenen). Synapse: statisch behält das Gewicht; STDP (stdp_synapse) verstärkt es, wenn die ' +
      'Quelle kurz vor dem Ziel feuert, und schwächt es, wenn sie kurz danach feuert, bis höchstens Wmax — nur zwischen ' +
      'Neuronen (von Reizen lehnt NEST das ab). Messgeräte ignorieren Gewicht, Verzögerung und Synapse, daher blendet der ' +
      'Block sie dort aus.',
  },
  'blocks.stdp.tau_plus': { en: 'STDP window tau_plus (ms) %1', de: 'STDP-Fenster tau_plus (ms) %1' },
  'blocks.stdp.lambda': { en: 'learning rate lambda %1', de: 'Lernrate lambda %1' },
  'blocks.stdp.alpha': { en: 'weakening vs strengthening alpha %1', de: 'Schwächung zu Stärkung alpha %1' },
  'blocks.stdp.Wmax': { en: 'largest weight Wmax %1', de: 'größtes Gewicht Wmax %1' },
  'blocks.stdp.tau_plus.tooltip': {
    en: 'tau_plus: How long a presynaptic spike counts for strengthening (time constant, ms). The window for weakening is tau_minus of the target neurons.',
    de: 'tau_plus: Wie lange ein präsynaptischer Spike für die Verstärkung zählt (Zeitkonstante, ms). Das Fenster für die Schwächung ist tau_minus der Zielneuronen.',
  },
  'blocks.stdp.lambda.tooltip': {
    en: 'lambda: How big each weight change is (as a fraction of Wmax).',
    de: 'lambda: Wie groß jede Gewichtsänderung ist (als Anteil von Wmax).',
  },
  'blocks.stdp.alpha.tooltip': {
    en: 'alpha: How strong weakening is compared with strengthening (1: the same).',
    de: 'alpha: Wie stark die Schwächung im Vergleich zur Verstärkung ist (1: gleich stark).',
  },
  'blocks.stdp.Wmax.tooltip': {
    en: 'Wmax: The weight never grows beyond this value. It must have the same sign as the weight.',
    de: 'Wmax: Über diesen Wert wächst das Gewicht nie hinaus. Er muss dasselbe Vorzeichen haben wie das Gewicht.',
  },

  // ---- NEST: value blocks --------------------------------------------------------------------
  'blocks.slider.weight': { en: 'Connection weight.', de: 'Gewicht der Verbindung.' },
  'blocks.slider.delay': { en: 'Connection delay in ms.', de: 'Verzögerung der Verbindung in ms.' },
  'blocks.slider.sim_time': { en: 'Simulation time in ms.', de: 'Simulationszeit in ms.' },
  'blocks.slider.param': { en: '{param}{unit}: {doc}', de: '{param}{unit}: {doc}' },
  'blocks.count.tooltip': { en: 'How many: a whole number, at least 1.', de: 'Wie viele: eine ganze Zahl, mindestens 1.' },
  'blocks.seed.tooltip': {
    en: 'Seed of the random numbers: the same seed gives the same random spikes every run.',
    de: 'Startwert (Seed) der Zufallszahlen: Derselbe Seed ergibt bei jedem Lauf dieselben zufälligen Spikes.',
  },

  // ---- NEST: random values ---------------------------------------------------------------------
  'blocks.random.uniform': { en: 'random uniform from %1 to %2', de: 'zufällig gleichverteilt von %1 bis %2' },
  'blocks.random.uniform.tooltip': {
    en:
      'nest.random.uniform: a random number between min and max, every value equally likely. Each neuron (or each ' +
      'connection) draws its own. Plugs into a neuron parameter or a connection weight or delay.',
    de:
      'nest.random.uniform: eine Zufallszahl zwischen min und max, jeder Wert gleich wahrscheinlich. Jedes Neuron (oder ' +
      'jede Verbindung) zieht seine eigene. Passt in einen Neuronenparameter oder in Gewicht oder Verzögerung einer Verbindung.',
  },
  'blocks.random.normal': { en: 'random normal: mean %1 spread (std) %2', de: 'zufällig normalverteilt: Mittelwert %1 Streuung (std) %2' },
  'blocks.random.normal.tooltip': {
    en:
      'nest.random.normal: a random number from a bell curve around mean; std (the standard deviation, > 0) says how ' +
      'far values spread. Each neuron (or each connection) draws its own.',
    de:
      'nest.random.normal: eine Zufallszahl aus einer Glockenkurve um den Mittelwert (mean); std (die Standardabweichung, ' +
      '> 0) gibt an, wie weit die Werte streuen. Jedes Neuron (oder jede Verbindung) zieht seine eigene.',
  },
  'blocks.random.lognormal': { en: 'random lognormal: mean %1 std %2 of the log', de: 'zufällig lognormal: Mittelwert %1 std %2 des Logarithmus' },
  'blocks.random.lognormal.tooltip': {
    en:
      'nest.random.lognormal: always positive, with a long tail of large values; its logarithm is normal with this ' +
      'mean and std (> 0). Good for weights that must stay positive.',
    de:
      'nest.random.lognormal: immer positiv, mit einem langen Ausläufer großer Werte; ihr Logarithmus ist normalverteilt ' +
      'mit diesem Mittelwert und std (> 0). Gut für Gewichte, die positiv bleiben müssen.',
  },
  'blocks.random.exponential': { en: 'random exponential: mean (beta) %1', de: 'zufällig exponentiell: Mittelwert (beta) %1' },
  'blocks.random.exponential.tooltip': {
    en: 'nest.random.exponential: a positive random number, small values most likely; beta is its mean.',
    de: 'nest.random.exponential: eine positive Zufallszahl, kleine Werte am wahrscheinlichsten; beta ist ihr Mittelwert.',
  },

  // ---- NEST: recorders -------------------------------------------------------------------------
  'blocks.spikeRecorder.title': { en: '%1 = spike recorder', de: '%1 = Spike-Rekorder' },
  'blocks.spikeRecorder.tooltip': {
    en: 'spike_recorder: records which neuron spiked and when. Connect neurons to it: connect n1 → sr1.',
    de: 'spike_recorder: zeichnet auf, welches Neuron wann einen Spike hatte. Verbinde Neuronen damit: verbinde n1 → sr1.',
  },
  'blocks.voltmeter.title': { en: '%1 = voltmeter', de: '%1 = Voltmeter' },
  'blocks.voltmeter.tooltip': {
    en: 'voltmeter: samples the membrane potential V_m. Connect it to the neurons: connect vm1 → n1.',
    de: 'voltmeter: misst das Membranpotential V_m. Verbinde es mit den Neuronen: verbinde vm1 → n1.',
  },
  'blocks.recordEvery': { en: 'record every', de: 'Messintervall' },
  'blocks.multimeter.title': { en: '%1 = multimeter', de: '%1 = Multimeter' },
  'blocks.multimeter.record': { en: 'record', de: 'aufzeichnen:' },
  'blocks.multimeter.tooltip': {
    en: 'multimeter: samples the ticked state variables. Connect it to the neurons: connect mm1 → n1.',
    de: 'multimeter: misst die angekreuzten Zustandsgrößen. Verbinde es mit den Neuronen: verbinde mm1 → n1.',
  },
  'blocks.multimeter.connected': {
    en: 'The boxes are those of {models}, the model of the neurons it is connected to.',
    de: 'Die Kästchen sind die von {models}, dem Modell der Neuronen, mit denen es verbunden ist.',
  },
  'blocks.multimeter.and': { en: ' and ', de: ' und ' },
  'blocks.multimeter.notConnected': {
    en:
      'Not connected to neurons yet: the boxes are those of {model}; ' +
      'they follow the model of the neurons once a connect block links them (connect mm1 → n1).',
    de:
      'Noch nicht mit Neuronen verbunden: Die Kästchen sind die von {model}; ' +
      'sie folgen dem Modell der Neuronen, sobald ein Verbindungsblock sie verknüpft (verbinde mm1 → n1).',
  },
  'blocks.spikeCount.title': { en: 'number of spikes recorded by %1', de: 'Anzahl Spikes von %1' },
  'blocks.spikeCount.tooltip': {
    en:
      'How many spikes this spike recorder has recorded so far (n_events), over every simulate block before this one. ' +
      'For the spikes of one simulate: store the count in a variable before it and subtract it afterwards.',
    de:
      'Wie viele Spikes dieser Spike-Rekorder bisher aufgezeichnet hat (n_events), über alle Simulationsblöcke vor diesem. ' +
      'Für die Spikes einer einzelnen Simulation: Speichere die Anzahl vorher in einer Variablen und ziehe sie danach ab.',
  },
  'blocks.recordResult.title': { en: 'add to result table %1', de: 'trage in Ergebnistabelle %1 ein' },
  'blocks.recordResult.tooltip': {
    en:
      'Adds one point (x, y) to a table of results, e.g. the input current and the spike count of one simulate in a loop: ' +
      'an f–I curve. The program hands back every table in response["results"] as a list of [x, y] points.',
    de:
      'Fügt einen Punkt (x, y) zu einer Ergebnistabelle hinzu, z. B. den Eingangsstrom und die Spike-Anzahl einer Simulation ' +
      'in einer Schleife: eine f-I-Kurve. Das Programm gibt jede Tabelle in response["results"] als Liste von [x, y]-Punkten zurück.',
  },

  // ---- NEST: simulation ------------------------------------------------------------------------
  'blocks.kernel.resolution': { en: 'resolution %1 ms', de: 'Auflösung %1 ms' },
  'blocks.kernel.tooltip': {
    en: 'nest.SetKernelStatus: the time step of the simulation (ms) and the seed of its random numbers. Put it first.',
    de: 'nest.SetKernelStatus: der Zeitschritt der Simulation (ms) und der Seed ihrer Zufallszahlen. Setze diesen Block an den Anfang.',
  },
  'blocks.simulate.title': { en: 'simulate %1 ms', de: 'simuliere %1 ms' },
  'blocks.simulate.tooltip': {
    en: 'nest.Simulate: runs the network for this many ms. Run it again to continue where it stopped.',
    de: 'nest.Simulate: lässt das Netzwerk so viele ms laufen. Ein weiterer Aufruf macht dort weiter, wo es aufgehört hat.',
  },
  'blocks.set.title': { en: 'change %1 of %2 to %3', de: 'ändere %1 von %2 auf %3' },
  'blocks.set.tooltip': {
    en:
      'Changes one parameter of a node (node.set), e.g. the amplitude of a current between two simulate blocks. ' +
      'A neuron parameter also takes a random value: each neuron draws its own.',
    de:
      'Ändert einen Parameter eines Knotens (node.set), z. B. die Amplitude eines Stroms zwischen zwei Simulationsblöcken. ' +
      'Ein Neuronenparameter nimmt auch einen Zufallswert: Jedes Neuron zieht seinen eigenen.',
  },

  // ---- NEST: stimuli ---------------------------------------------------------------------------
  'blocks.poisson.title': { en: '%1 = Poisson spikes', de: '%1 = Poisson-Spikes' },
  'blocks.poisson.rate': { en: 'rate', de: 'Rate' },
  'blocks.poisson.tooltip': {
    en: 'poisson_generator: random spikes at an average rate; every connected neuron gets its own spike train.',
    de: 'poisson_generator: zufällige Spikes mit einer mittleren Rate; jedes verbundene Neuron bekommt seine eigene Spikefolge.',
  },
  'blocks.dc.title': { en: '%1 = constant current', de: '%1 = konstanter Strom' },
  'blocks.amplitude': { en: 'amplitude', de: 'Amplitude' },
  'blocks.dc.tooltip': {
    en: 'dc_generator: injects a constant current into the connected neurons, from start to stop (ms).',
    de: 'dc_generator: gibt einen konstanten Strom in die verbundenen Neuronen, von start bis stop (ms).',
  },
  'blocks.spikeGenerator.title': { en: '%1 = spikes at chosen times', de: '%1 = Spikes zu gewählten Zeiten' },
  'blocks.spikeGenerator.times': { en: 'spike times %1', de: 'Spike-Zeiten %1' },
  'blocks.spikeGenerator.tooltip': {
    en: 'spike_generator: sends a spike at each listed time (ms), e.g. "10, 20.5, 30". Times must increase.',
    de: 'spike_generator: sendet zu jeder aufgelisteten Zeit (ms) einen Spike, z. B. „10, 20.5, 30“ — oder mit Dezimalkomma und Semikolons: „10; 20,5; 30“. Die Zeiten müssen aufsteigen.',
  },
  'blocks.ac.title': { en: '%1 = sine-wave current', de: '%1 = Sinusstrom' },
  'blocks.ac.frequency': { en: 'frequency', de: 'Frequenz' },
  'blocks.ac.tooltip': {
    en: 'ac_generator: injects a sine-wave current, offset + amplitude · sin(2π · frequency · t + phase), into the connected neurons.',
    de: 'ac_generator: gibt einen Sinusstrom, offset + amplitude · sin(2π · frequency · t + phase), in die verbundenen Neuronen.',
  },
  'blocks.step.title': { en: '%1 = stepping current', de: '%1 = Stufenstrom' },
  'blocks.step.times': { en: 'at times %1', de: 'zu den Zeiten %1' },
  'blocks.step.values': { en: 'current becomes %1', de: 'Strom wird zu %1' },
  'blocks.step.tooltip': {
    en:
      'step_current_generator: the current jumps to each listed value at the time listed with it (ms) and stays ' +
      'there until the next one, e.g. times "100, 300" with values "200, -100". Times must increase; one value per time.',
    de:
      'step_current_generator: Der Strom springt zu jeder Zeit (ms) auf den zugehörigen Wert und bleibt dort bis zum ' +
      'nächsten, z. B. Zeiten „100, 300“ mit Werten „200, -100“. Die Zeiten müssen aufsteigen; ein Wert je Zeit.',
  },
  'blocks.noise.title': { en: '%1 = noise current', de: '%1 = Rauschstrom' },
  'blocks.mean': { en: 'mean', de: 'Mittelwert' },
  'blocks.spread': { en: 'spread (std)', de: 'Streuung (std)' },
  'blocks.noise.every': { en: 'new value every', de: 'neuer Wert alle' },
  'blocks.noise.tooltip': {
    en:
      'noise_generator: injects a noisy current. Every dt ms each connected neuron gets its own new random value ' +
      '(Gaussian: mean ± std). dt must be a multiple of the resolution. A larger std makes the neurons fire irregularly.',
    de:
      'noise_generator: gibt einen verrauschten Strom ein. Alle dt ms bekommt jedes verbundene Neuron einen eigenen neuen ' +
      'Zufallswert (gaußverteilt: mean ± std). dt muss ein Vielfaches der Auflösung sein. Ein größeres std lässt die ' +
      'Neuronen unregelmäßig feuern.',
  },

  // ---- Norse: values and settings --------------------------------------------------------------
  'blocks.norse.count.tooltip': {
    en: 'How many: a whole number, at least 1 (time steps, neurons or layer size).',
    de: 'Wie viele: eine ganze Zahl, mindestens 1 (Zeitschritte, Neuronen oder Schichtgröße).',
  },
  'blocks.norse.seed.tooltip': {
    en: 'Seed of torch.manual_seed: the same seed gives the same random numbers every run.',
    de: 'Seed von torch.manual_seed: Derselbe Seed ergibt bei jedem Lauf dieselben Zufallszahlen.',
  },
  'blocks.norse.dt': { en: 'time step dt (s) %1', de: 'Zeitschritt dt (s) %1' },
  'blocks.norse.settings.tooltip': {
    en:
      "dt is in seconds (Norse's default 0.001 s = 1 ms per step); every layer and encoder uses it. " +
      'torch.manual_seed(seed): the same seed gives the same random inputs every run. Put it first.',
    de:
      'dt ist in Sekunden (Norses Standard 0.001 s = 1 ms pro Schritt); jede Schicht und jeder Kodierer nutzt es. ' +
      'torch.manual_seed(seed): Derselbe Seed ergibt bei jedem Lauf dieselben zufälligen Eingaben. Setze diesen Block an den Anfang.',
  },
  'blocks.norse.timeSteps': { en: 'time steps %1', de: 'Zeitschritte %1' },
  'blocks.norse.neurons': { en: 'neurons %1', de: 'Neuronen %1' },
  'blocks.norse.value': { en: 'value %1', de: 'Wert %1' },
  'blocks.norse.mean': { en: 'mean %1', de: 'Mittelwert %1' },
  'blocks.norse.spread': { en: 'spread (std) %1', de: 'Streuung (std) %1' },
  'blocks.norse.shapeNote': {
    en: 'Shape (time steps, neurons): row t is what every neuron gets at step t.',
    de: 'Form (Zeitschritte, Neuronen): Zeile t ist, was jedes Neuron im Schritt t bekommt.',
  },
  'blocks.norse.constant.title': { en: '%1 = constant input', de: '%1 = konstante Eingabe' },
  'blocks.norse.constant.tooltip': {
    en: 'torch.ones(steps, neurons) * value: the same input at every step for every neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
    de: 'torch.ones(steps, neurons) * value: dieselbe Eingabe in jedem Schritt für jedes Neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
  },
  'blocks.norse.rand.title': { en: '%1 = random input (uniform)', de: '%1 = zufällige Eingabe (gleichverteilt)' },
  'blocks.norse.rand.times': { en: 'times %1', de: 'mal %1' },
  'blocks.norse.rand.tooltip': {
    en: 'torch.rand(steps, neurons) * scale: a new random number between 0 and scale for every step and neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
    de: 'torch.rand(steps, neurons) * scale: eine neue Zufallszahl zwischen 0 und scale für jeden Schritt und jedes Neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
  },
  'blocks.norse.randn.title': { en: '%1 = random input (normal)', de: '%1 = zufällige Eingabe (normalverteilt)' },
  'blocks.norse.randn.tooltip': {
    en: 'torch.randn(steps, neurons) * std + mean: Gaussian noise, a new number for every step and neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
    de: 'torch.randn(steps, neurons) * std + mean: gaußsches Rauschen, eine neue Zahl für jeden Schritt und jedes Neuron. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
  },
  'blocks.norse.step.title': { en: '%1 = step input', de: '%1 = Stufeneingabe' },
  'blocks.norse.step.from': { en: 'from step %1', de: 'ab Schritt %1' },
  'blocks.norse.step.to': { en: 'up to (not including) step %1', de: 'bis (ohne) Schritt %1' },
  'blocks.norse.step.tooltip': {
    en:
      'Zero, then value from one step up to (not including) another, for every neuron: torch.zeros(steps, neurons), ' +
      'then x[from:to] = value. Steps count from 0; with dt = 0.001 s, step 20 is at 20 ms. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
    de:
      'Null, dann value von einem Schritt bis (ohne) zu einem anderen, für jedes Neuron: torch.zeros(steps, neurons), ' +
      'dann x[from:to] = value. Schritte zählen ab 0; mit dt = 0.001 s liegt Schritt 20 bei 20 ms. %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
  },
  'blocks.norse.spikeTrain.title': { en: '%1 = spikes at chosen steps', de: '%1 = Spikes in gewählten Schritten' },
  'blocks.norse.spikeTrain.spikes': { en: 'spikes (step:neuron) %1', de: 'Spikes (Schritt:Neuron) %1' },
  'blocks.norse.spikeTrain.tooltip': {
    en:
      'Zeros with a 1 wherever a spike is listed as step:neuron, e.g. "10:0, 30:1" is neuron 0 at step 10 and neuron 1 ' +
      'at step 30 (both count from 0). %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
    de:
      'Nullen mit einer 1 überall, wo ein Spike als Schritt:Neuron steht, z. B. „10:0, 30:1“ ist Neuron 0 in Schritt 10 ' +
      'und Neuron 1 in Schritt 30 (beide zählen ab 0). %{BKY_SB_BLOCKS_NORSE_SHAPENOTE}',
  },
  'blocks.norse.values.title': { en: '%1 = one value per neuron', de: '%1 = ein Wert je Neuron' },
  'blocks.norse.values.values': { en: 'values %1', de: 'Werte %1' },
  'blocks.norse.values.tooltip': {
    en:
      'torch.tensor([...]): one number per neuron, shape (neurons,), no time steps. Feed it to an encoder, which turns ' +
      'it into spikes over time.',
    de:
      'torch.tensor([...]): eine Zahl je Neuron, Form (neurons,), ohne Zeitschritte. Gib sie einem Kodierer, der daraus ' +
      'Spikes über die Zeit macht.',
  },
  'blocks.norse.add.tooltip': {
    en:
      'Adds two inputs step by step, e.g. a step input plus noise. Both need the same time steps and neurons ' +
      '(or one value per neuron, added at every step).',
    de:
      'Addiert zwei Eingaben Schritt für Schritt, z. B. eine Stufeneingabe plus Rauschen. Beide brauchen dieselben ' +
      'Zeitschritte und Neuronen (oder einen Wert je Neuron, der in jedem Schritt addiert wird).',
  },

  // ---- Norse: encoders -------------------------------------------------------------------------
  'blocks.norse.inputNote': {
    en: 'Its input is one value per neuron (shape (neurons,)); its output has shape (time steps, neurons).',
    de: 'Seine Eingabe ist ein Wert je Neuron (Form (neurons,)); seine Ausgabe hat die Form (Zeitschritte, Neuronen).',
  },
  'blocks.norse.poisson.title': { en: '%1 = Poisson encoder of %2', de: '%1 = Poisson-Kodierer von %2' },
  'blocks.norse.poisson.fmax': { en: 'top rate f_max (Hz) %1', de: 'Höchstrate f_max (Hz) %1' },
  'blocks.norse.poisson.tooltip': {
    en:
      'norse.PoissonEncoder: random spikes; a value x spikes with probability dt · f_max · x per step ' +
      '(f_max 100 Hz and dt 0.001 s: 0.1 · x). %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
    de:
      'norse.PoissonEncoder: zufällige Spikes; ein Wert x erzeugt pro Schritt mit Wahrscheinlichkeit dt · f_max · x einen ' +
      'Spike (f_max 100 Hz und dt 0.001 s: 0.1 · x). %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
  },
  'blocks.norse.neuronParameters': { en: 'neuron parameters %1', de: 'Neuronenparameter %1' },
  'blocks.norse.constantCurrent.title': { en: '%1 = constant-current LIF encoder of %2', de: '%1 = Konstantstrom-LIF-Kodierer von %2' },
  'blocks.norse.constantCurrent.tooltip': {
    en:
      'norse.ConstantCurrentLIFEncoder: each value is a constant current into its own LIF neuron; a larger value ' +
      'spikes more often. %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
    de:
      'norse.ConstantCurrentLIFEncoder: Jeder Wert ist ein konstanter Strom in sein eigenes LIF-Neuron; ein größerer Wert ' +
      'feuert öfter. %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
  },
  'blocks.norse.spikeLatency.title': { en: '%1 = spike-latency LIF encoder of %2', de: '%1 = Spike-Latenz-LIF-Kodierer von %2' },
  'blocks.norse.spikeLatency.tooltip': {
    en: 'norse.SpikeLatencyLIFEncoder: each neuron spikes once at most; a larger value spikes earlier. %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
    de: 'norse.SpikeLatencyLIFEncoder: Jedes Neuron feuert höchstens einmal; ein größerer Wert feuert früher. %{BKY_SB_BLOCKS_NORSE_INPUTNOTE}',
  },

  // ---- Norse: layers ---------------------------------------------------------------------------
  'blocks.norse.inputsPerStep': { en: 'inputs per step %1', de: 'Eingänge je Schritt %1' },
  'blocks.norse.outputsPerStep': { en: 'outputs per step %1', de: 'Ausgänge je Schritt %1' },
  'blocks.norse.everyWeight': { en: 'every weight %1', de: 'jedes Gewicht %1' },
  'blocks.norse.inputTimes': { en: 'input × %1', de: 'Eingabe × %1' },
  'blocks.norse.tupleNote': {
    en: 'The input row scales what goes in (a layer returns spikes and states together, so scale the input, not the layer).',
    de: 'Die Eingabezeile skaliert, was hineingeht (eine Schicht gibt Spikes und Zustände zusammen zurück, also skaliere die Eingabe, nicht die Schicht).',
  },
  'blocks.norse.lif.title': { en: '%1 = LIF layer on %2', de: '%1 = LIF-Schicht auf %2' },
  'blocks.norse.lif.tooltip': {
    en:
      'norse.LIF: leaky integrate-and-fire neurons, one per input column, stepped over dimension 0 (time). It returns ' +
      'spikes of the same shape and its states (v, i). %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
    de:
      'norse.LIF: Leaky-Integrate-and-Fire-Neuronen, eines je Eingabespalte, Schritt für Schritt über Dimension 0 (Zeit). ' +
      'Gibt Spikes derselben Form und seine Zustände (v, i) zurück. %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
  },
  'blocks.norse.li.title': { en: '%1 = leaky integrator (LI) on %2', de: '%1 = Leaky Integrator (LI) auf %2' },
  'blocks.norse.li.tooltip': {
    en:
      'norse.LI: integrates its input without spiking; its output is the voltage v, shape (time steps, neurons). ' +
      'Often the read-out after spiking layers. %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
    de:
      'norse.LI: integriert seine Eingabe, ohne zu feuern; seine Ausgabe ist die Spannung v, Form (Zeitschritte, Neuronen). ' +
      'Oft die Ausleseschicht nach feuernden Schichten. %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
  },
  'blocks.norse.recurrent.title': { en: '%1 = recurrent LIF layer on %2', de: '%1 = rekurrente LIF-Schicht auf %2' },
  'blocks.norse.recurrent.tooltip': {
    en:
      'norse.LIFRecurrent(inputs, neurons): LIF neurons whose spikes feed back to each other. Input and recurrent weights ' +
      'are random (seeded by the settings), with no self-connections. %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
    de:
      'norse.LIFRecurrent(inputs, neurons): LIF-Neuronen, deren Spikes aufeinander zurückwirken. Eingangs- und rekurrente ' +
      'Gewichte sind zufällig (Seed aus den Einstellungen), ohne Selbstverbindungen. %{BKY_SB_BLOCKS_NORSE_TUPLENOTE}',
  },
  'blocks.norse.box.title': { en: '%1 = LIF box cell on %2', de: '%1 = LIF-Box-Zelle auf %2' },
  'blocks.norse.box.tooltip': {
    en:
      'norse.LIFBoxCell: the simplest LIF neuron (no synaptic current: the input goes straight into v), stepped one ' +
      'time step at a time in a Python loop. Outputs spikes; v can be recorded.',
    de:
      'norse.LIFBoxCell: das einfachste LIF-Neuron (kein synaptischer Strom: die Eingabe geht direkt in v), Schritt für ' +
      'Schritt in einer Python-Schleife. Gibt Spikes aus; v lässt sich aufzeichnen.',
  },
  'blocks.norse.linear.title': { en: '%1 = Linear layer on %2', de: '%1 = lineare Schicht auf %2' },
  'blocks.norse.linear.tooltip': {
    en:
      'torch.nn.Linear(inputs, outputs, bias=False): every output is the weighted sum of all inputs, at every time step. ' +
      'All weights are set to one number (torch.nn.init.constant_). Inputs per step must match the neurons of its input.',
    de:
      'torch.nn.Linear(inputs, outputs, bias=False): Jeder Ausgang ist die gewichtete Summe aller Eingänge, in jedem ' +
      'Zeitschritt. Alle Gewichte bekommen eine Zahl (torch.nn.init.constant_). Die Eingänge je Schritt müssen zu den ' +
      'Neuronen seiner Eingabe passen.',
  },
  'blocks.norse.surrogate': { en: 'surrogate method %1', de: 'Surrogat-Methode %1' },
  'blocks.norse.units': {
    en:
      'Units: dt is in seconds, the tau_*_inv are rates in 1/s (1/τ; 100 means τ = 10 ms), and each step moves by ' +
      'dt · tau_inv (0.001 · 100 = 0.1). Voltages have no unit.',
    de:
      'Einheiten: dt ist in Sekunden, die tau_*_inv sind Raten in 1/s (1/τ; 100 heißt τ = 10 ms), und jeder Schritt ' +
      'bewegt sich um dt · tau_inv (0.001 · 100 = 0.1). Spannungen haben keine Einheit.',
  },
  'blocks.norse.paramsTooltip': {
    en: "norse.{cls}: {what} {units} Defaults are Norse's: {defaults}. {docs}",
    de: 'norse.{cls}: {what} {units} Die Standardwerte sind die von Norse: {defaults}. {docs}',
  },
  'blocks.norse.lifParams.title': { en: 'LIF parameters', de: 'LIF-Parameter' },
  'blocks.norse.lifParams.what': {
    en: 'the parameters of LIF neurons (layers, recurrent layers, LIF encoders).',
    de: 'die Parameter von LIF-Neuronen (Schichten, rekurrente Schichten, LIF-Kodierer).',
  },
  'blocks.norse.liParams.title': { en: 'LI parameters', de: 'LI-Parameter' },
  'blocks.norse.liParams.what': {
    en: 'the parameters of a leaky integrator (no threshold, no reset).',
    de: 'die Parameter eines Leaky Integrators (keine Schwelle, kein Reset).',
  },
  'blocks.norse.boxParams.title': { en: 'LIF box parameters', de: 'LIF-Box-Parameter' },
  'blocks.norse.boxParams.what': {
    en: 'the parameters of the LIF box cell (no synaptic current).',
    de: 'die Parameter der LIF-Box-Zelle (kein synaptischer Strom).',
  },
  'blocks.norse.doc.tau_syn_inv': {
    en: 'tau_syn_inv (1/s): how fast the input current decays, 1/τ_syn. 200 means τ_syn = 5 ms.',
    de: 'tau_syn_inv (1/s): wie schnell der Eingangsstrom abklingt, 1/τ_syn. 200 heißt τ_syn = 5 ms.',
  },
  'blocks.norse.doc.tau_mem_inv': {
    en: 'tau_mem_inv (1/s): how fast the membrane follows its input, 1/τ_mem. 100 means τ_mem = 10 ms.',
    de: 'tau_mem_inv (1/s): wie schnell die Membran ihrer Eingabe folgt, 1/τ_mem. 100 heißt τ_mem = 10 ms.',
  },
  'blocks.norse.doc.v_leak': {
    en: 'v_leak: the voltage the membrane leaks back to (Norse voltages have no unit; 0 by default).',
    de: 'v_leak: die Spannung, zu der die Membran zurückfließt (Spannungen in Norse haben keine Einheit; Standard 0).',
  },
  'blocks.norse.doc.v_th': {
    en: 'v_th: a neuron spikes when its voltage goes above this threshold (1 by default).',
    de: 'v_th: Ein Neuron feuert, wenn seine Spannung diese Schwelle überschreitet (Standard 1).',
  },
  'blocks.norse.doc.v_reset': {
    en: 'v_reset: the voltage right after a spike (0 by default).',
    de: 'v_reset: die Spannung direkt nach einem Spike (Standard 0).',
  },

  // ---- Norse: containers and recording ---------------------------------------------------------
  'blocks.norse.sequential.title': {
    en: '%1 = layers in sequence (SequentialState) on %2',
    de: '%1 = Schichten nacheinander (SequentialState) auf %2',
  },
  'blocks.norse.sequential.layers': { en: 'layers %1', de: 'Schichten %1' },
  'blocks.norse.sequential.tooltip': {
    en:
      'norse.SequentialState: runs the layers inside one after another, each on the output of the one above, and keeps ' +
      'the state of each. Its output is the output of the last layer; recording it records the last layer.',
    de:
      'norse.SequentialState: führt die Schichten darin nacheinander aus, jede auf der Ausgabe der darüber, und behält den ' +
      'Zustand jeder Schicht. Seine Ausgabe ist die der letzten Schicht; es aufzuzeichnen zeichnet die letzte Schicht auf.',
  },
  'blocks.norse.seqLinear.title': { en: 'Linear layer', de: 'lineare Schicht' },
  'blocks.norse.seqLinear.tooltip': {
    en:
      'torch.nn.Linear(inputs, outputs, bias=False) inside a sequence: weighted sums of the output of the layer above ' +
      "(or of the sequence's input). Every weight is set to one number.",
    de:
      'torch.nn.Linear(inputs, outputs, bias=False) in einer Folge: gewichtete Summen der Ausgabe der Schicht darüber ' +
      '(oder der Eingabe der Folge). Jedes Gewicht bekommt dieselbe Zahl.',
  },
  'blocks.norse.seqLif.title': { en: 'LIF layer', de: 'LIF-Schicht' },
  'blocks.norse.seqLif.tooltip': {
    en: 'norse.LIF inside a sequence: spiking neurons, as many as the layer above has outputs.',
    de: 'norse.LIF in einer Folge: feuernde Neuronen, so viele, wie die Schicht darüber Ausgänge hat.',
  },
  'blocks.norse.seqLi.title': { en: 'leaky integrator (LI)', de: 'Leaky Integrator (LI)' },
  'blocks.norse.seqLi.tooltip': {
    en: 'norse.LI inside a sequence: integrates the output of the layer above without spiking; outputs the voltage.',
    de: 'norse.LI in einer Folge: integriert die Ausgabe der Schicht darüber, ohne zu feuern; gibt die Spannung aus.',
  },
  'blocks.norse.record.title': { en: 'record %1 spikes %2 v %3 i %4', de: 'zeichne %1 auf: Spikes %2 v %3 i %4' },
  'blocks.norse.record.tooltip': {
    en:
      "Returns a layer's spikes, membrane voltage v and input current i at every step (the layer then keeps its states: " +
      'record_states=True). An LI layer has no spikes, a LIF box cell no current. For an input or an encoder, its values ' +
      'are recorded and the ticks do not matter.',
    de:
      'Gibt die Spikes, die Membranspannung v und den Eingangsstrom i einer Schicht in jedem Schritt zurück (die Schicht ' +
      'behält dann ihre Zustände: record_states=True). Eine LI-Schicht hat keine Spikes, eine LIF-Box-Zelle keinen Strom. ' +
      'Bei einer Eingabe oder einem Kodierer werden ihre Werte aufgezeichnet, die Häkchen spielen dann keine Rolle.',
  },

  // ---- NEST models and parameters: what workers/engine/nest/models.ts says of each (its `doc`),
  // for the tooltips. The English must stay exactly the table's (modelDoc() finds the German by it;
  // test/node/blocks-language.test.ts checks); the key names the first model (and parameter) with it.
  'blocks.doc.iaf_psc_alpha': { en: 'Leaky integrate-and-fire neuron; each input spike causes a smooth current bump (alpha shape).', de: 'Leaky-Integrate-and-Fire-Neuron; jeder Eingangsspike erzeugt einen glatten Strombuckel (Alpha-Form).' },
  'blocks.doc.iaf_psc_alpha.V_m': { en: 'Membrane potential: the voltage the neuron starts with.', de: 'Membranpotential: die Spannung, mit der das Neuron startet.' },
  'blocks.doc.iaf_psc_alpha.E_L': { en: 'Resting potential: where the voltage settles without input.', de: 'Ruhepotential: wo sich die Spannung ohne Eingang einpendelt.' },
  'blocks.doc.iaf_psc_alpha.C_m': { en: 'Membrane capacitance: how much charge it takes to change the voltage.', de: 'Membrankapazität: wie viel Ladung es braucht, um die Spannung zu ändern.' },
  'blocks.doc.iaf_psc_alpha.tau_m': { en: 'Membrane time constant: how quickly the voltage leaks back to rest.', de: 'Membranzeitkonstante: wie schnell die Spannung zur Ruhe zurückfließt.' },
  'blocks.doc.iaf_psc_alpha.t_ref': { en: 'Refractory period: the dead time after a spike when the voltage is held at reset.', de: 'Refraktärzeit: die Totzeit nach einem Spike, in der die Spannung auf dem Reset-Wert gehalten wird.' },
  'blocks.doc.iaf_psc_alpha.V_th': { en: 'Spike threshold: the neuron fires when its voltage reaches this value.', de: 'Spike-Schwelle: Das Neuron feuert, wenn seine Spannung diesen Wert erreicht.' },
  'blocks.doc.iaf_psc_alpha.V_reset': { en: 'Reset potential: the voltage right after a spike.', de: 'Reset-Potential: die Spannung direkt nach einem Spike.' },
  'blocks.doc.iaf_psc_alpha.I_e': { en: 'Constant input current injected into the neuron.', de: 'Konstanter Eingangsstrom, der in das Neuron fließt.' },
  'blocks.doc.iaf_psc_alpha.tau_minus': { en: 'STDP: how long this neuron\'s spikes count for depression at its incoming stdp_synapse connections (time constant).', de: 'STDP: wie lange die Spikes dieses Neurons für die Schwächung an seinen eingehenden stdp_synapse-Verbindungen zählen (Zeitkonstante).' },
  'blocks.doc.iaf_psc_alpha.tau_syn_ex': { en: 'How long an excitatory input current lasts (time constant).', de: 'Wie lange ein erregender Eingangsstrom anhält (Zeitkonstante).' },
  'blocks.doc.iaf_psc_alpha.tau_syn_in': { en: 'How long an inhibitory input current lasts (time constant).', de: 'Wie lange ein hemmender Eingangsstrom anhält (Zeitkonstante).' },
  'blocks.doc.iaf_psc_alpha.V_min': { en: 'Lowest voltage the neuron can reach (no limit by default).', de: 'Niedrigste Spannung, die das Neuron erreichen kann (standardmäßig ohne Grenze).' },
  'blocks.doc.iaf_psc_exp': { en: 'Leaky integrate-and-fire neuron; each input spike causes a current that jumps up and decays exponentially.', de: 'Leaky-Integrate-and-Fire-Neuron; jeder Eingangsspike erzeugt einen Strom, der sprunghaft steigt und exponentiell abklingt.' },
  'blocks.doc.iaf_psc_exp.delta': { en: 'Width of a soft threshold region (0 means a sharp threshold).', de: 'Breite eines weichen Schwellenbereichs (0 heißt scharfe Schwelle).' },
  'blocks.doc.iaf_psc_exp.rho': { en: 'Firing rate at threshold when the soft threshold (delta > 0) is used.', de: 'Feuerrate an der Schwelle, wenn die weiche Schwelle (delta > 0) genutzt wird.' },
  'blocks.doc.iaf_cond_exp': { en: 'Leaky integrate-and-fire neuron with conductance synapses: each input spike opens a conductance (nS) that decays exponentially; its effect depends on how far V_m is from the reversal potential.', de: 'Leaky-Integrate-and-Fire-Neuron mit Leitfähigkeitssynapsen: Jeder Eingangsspike öffnet eine Leitfähigkeit (nS), die exponentiell abklingt; ihre Wirkung hängt davon ab, wie weit V_m vom Umkehrpotential entfernt ist.' },
  'blocks.doc.iaf_cond_exp.g_L': { en: 'Leak conductance: how strongly the voltage is pulled back to E_L (C_m / g_L is the membrane time constant).', de: 'Leckleitfähigkeit: wie stark die Spannung zu E_L zurückgezogen wird (C_m / g_L ist die Membranzeitkonstante).' },
  'blocks.doc.iaf_cond_exp.E_ex': { en: 'Excitatory reversal potential: excitatory conductances pull the voltage towards it.', de: 'Erregendes Umkehrpotential: Erregende Leitfähigkeiten ziehen die Spannung dorthin.' },
  'blocks.doc.iaf_cond_exp.E_in': { en: 'Inhibitory reversal potential: inhibitory conductances pull the voltage towards it.', de: 'Hemmendes Umkehrpotential: Hemmende Leitfähigkeiten ziehen die Spannung dorthin.' },
  'blocks.doc.iaf_cond_exp.tau_syn_ex': { en: 'How fast an excitatory conductance decays (time constant).', de: 'Wie schnell eine erregende Leitfähigkeit abklingt (Zeitkonstante).' },
  'blocks.doc.iaf_cond_exp.tau_syn_in': { en: 'How fast an inhibitory conductance decays (time constant).', de: 'Wie schnell eine hemmende Leitfähigkeit abklingt (Zeitkonstante).' },
  'blocks.doc.iaf_cond_exp.g_ex': { en: 'Excitatory conductance now (state; each excitatory spike adds its weight).', de: 'Erregende Leitfähigkeit jetzt (Zustand; jeder erregende Spike addiert sein Gewicht).' },
  'blocks.doc.iaf_cond_exp.g_in': { en: 'Inhibitory conductance now (state; each inhibitory spike adds the size of its weight).', de: 'Hemmende Leitfähigkeit jetzt (Zustand; jeder hemmende Spike addiert den Betrag seines Gewichts).' },
  'blocks.doc.iaf_cond_alpha': { en: 'Leaky integrate-and-fire neuron with conductance synapses: each input spike opens a conductance that rises and falls smoothly (alpha shape, peak = weight in nS); its effect depends on how far V_m is from the reversal potential.', de: 'Leaky-Integrate-and-Fire-Neuron mit Leitfähigkeitssynapsen: Jeder Eingangsspike öffnet eine Leitfähigkeit, die glatt steigt und fällt (Alpha-Form, Spitze = Gewicht in nS); ihre Wirkung hängt davon ab, wie weit V_m vom Umkehrpotential entfernt ist.' },
  'blocks.doc.iaf_cond_alpha.dg_ex': { en: 'Rate of change of the excitatory conductance (state of the alpha shape).', de: 'Änderungsrate der erregenden Leitfähigkeit (Zustand der Alpha-Form).' },
  'blocks.doc.iaf_cond_alpha.dg_in': { en: 'Rate of change of the inhibitory conductance (state of the alpha shape).', de: 'Änderungsrate der hemmenden Leitfähigkeit (Zustand der Alpha-Form).' },
  'blocks.doc.hh_psc_alpha': { en: 'Hodgkin–Huxley neuron: sodium and potassium channels (gates m, h, n) make real action potentials; no threshold or reset. Each input spike causes a smooth current bump (alpha shape, peak = weight in pA).', de: 'Hodgkin-Huxley-Neuron: Natrium- und Kaliumkanäle (Gates m, h, n) erzeugen echte Aktionspotentiale; keine Schwelle, kein Reset. Jeder Eingangsspike erzeugt einen glatten Strombuckel (Alpha-Form, Spitze = Gewicht in pA).' },
  'blocks.doc.hh_psc_alpha.V_m': { en: 'Membrane potential: the voltage the neuron starts with (the gates Act_m, Inact_h, Act_n are not changed with it).', de: 'Membranpotential: die Spannung, mit der das Neuron startet (die Gates Act_m, Inact_h, Act_n ändern sich dabei nicht).' },
  'blocks.doc.hh_psc_alpha.E_L': { en: 'Leak reversal potential: the leak current pulls the voltage towards it.', de: 'Leck-Umkehrpotential: Der Leckstrom zieht die Spannung dorthin.' },
  'blocks.doc.hh_psc_alpha.g_Na': { en: 'Peak sodium conductance: the fast inward current that makes the upstroke of a spike.', de: 'Maximale Natrium-Leitfähigkeit: der schnelle Einwärtsstrom, der den Aufstrich eines Spikes macht.' },
  'blocks.doc.hh_psc_alpha.g_K': { en: 'Peak potassium conductance: the slower outward current that brings the voltage back down.', de: 'Maximale Kalium-Leitfähigkeit: der langsamere Auswärtsstrom, der die Spannung wieder senkt.' },
  'blocks.doc.hh_psc_alpha.g_L': { en: 'Leak conductance: how strongly the voltage is pulled towards E_L.', de: 'Leckleitfähigkeit: wie stark die Spannung zu E_L gezogen wird.' },
  'blocks.doc.hh_psc_alpha.E_Na': { en: 'Sodium reversal potential: the open sodium channels pull the voltage towards it.', de: 'Natrium-Umkehrpotential: Die offenen Natriumkanäle ziehen die Spannung dorthin.' },
  'blocks.doc.hh_psc_alpha.E_K': { en: 'Potassium reversal potential: the open potassium channels pull the voltage towards it.', de: 'Kalium-Umkehrpotential: Die offenen Kaliumkanäle ziehen die Spannung dorthin.' },
  'blocks.doc.hh_psc_alpha.t_ref': { en: 'Dead time after a spike in which no new spike is counted (the voltage itself is not held).', de: 'Totzeit nach einem Spike, in der kein neuer Spike gezählt wird (die Spannung selbst wird nicht festgehalten).' },
  'blocks.doc.hh_psc_alpha.tau_syn_ex': { en: 'Rise time of an excitatory input current (alpha shape, peak after tau_syn_ex).', de: 'Anstiegszeit eines erregenden Eingangsstroms (Alpha-Form, Spitze nach tau_syn_ex).' },
  'blocks.doc.hh_psc_alpha.tau_syn_in': { en: 'Rise time of an inhibitory input current (alpha shape, peak after tau_syn_in).', de: 'Anstiegszeit eines hemmenden Eingangsstroms (Alpha-Form, Spitze nach tau_syn_in).' },
  'blocks.doc.hh_psc_alpha.I_e': { en: 'Constant input current injected into the neuron (from about 650 pA on it fires repeatedly).', de: 'Konstanter Eingangsstrom, der in das Neuron fließt (ab etwa 650 pA feuert es wiederholt).' },
  'blocks.doc.hh_psc_alpha.Act_m': { en: 'Sodium activation gate m (0 … 1; state). Starts at its resting value for V_m = −65 mV.', de: 'Natrium-Aktivierungsgate m (0 … 1; Zustand). Startet mit seinem Ruhewert für V_m = −65 mV.' },
  'blocks.doc.hh_psc_alpha.Inact_h': { en: 'Sodium inactivation gate h (0 … 1; state). Starts at its resting value for V_m = −65 mV.', de: 'Natrium-Inaktivierungsgate h (0 … 1; Zustand). Startet mit seinem Ruhewert für V_m = −65 mV.' },
  'blocks.doc.hh_psc_alpha.Act_n': { en: 'Potassium activation gate n (0 … 1; state). Starts at its resting value for V_m = −65 mV.', de: 'Kalium-Aktivierungsgate n (0 … 1; Zustand). Startet mit seinem Ruhewert für V_m = −65 mV.' },
  'blocks.doc.aeif_cond_alpha': { en: 'Adaptive exponential integrate-and-fire neuron (AdEx, Brette & Gerstner 2005): the voltage takes off exponentially above V_th; at V_peak it is reset and the adaptation current w grows by b. Conductance synapses (alpha shape, peak = weight in nS).', de: 'Adaptives exponentielles Integrate-and-Fire-Neuron (AdEx, Brette & Gerstner 2005): Oberhalb von V_th steigt die Spannung exponentiell an; bei V_peak wird sie zurückgesetzt und der Adaptationsstrom w wächst um b. Leitfähigkeitssynapsen (Alpha-Form, Spitze = Gewicht in nS).' },
  'blocks.doc.aeif_cond_alpha.V_th': { en: 'Spike initiation threshold: above it the exponential term takes over and the voltage runs away.', de: 'Schwelle der Spike-Auslösung: Darüber übernimmt der exponentielle Term und die Spannung läuft davon.' },
  'blocks.doc.aeif_cond_alpha.Delta_T': { en: 'Slope factor: how sharp the spike initiation is (0 makes it a plain threshold at V_th).', de: 'Steigungsfaktor: wie scharf die Spike-Auslösung ist (0 macht daraus eine einfache Schwelle bei V_th).' },
  'blocks.doc.aeif_cond_alpha.V_peak': { en: 'Spike cut-off: when V_m reaches this value the neuron spikes and resets.', de: 'Spike-Grenze: Erreicht V_m diesen Wert, feuert das Neuron und wird zurückgesetzt.' },
  'blocks.doc.aeif_cond_alpha.t_ref': { en: 'Refractory period: the dead time after a spike when the voltage is held at V_reset.', de: 'Refraktärzeit: die Totzeit nach einem Spike, in der die Spannung auf V_reset gehalten wird.' },
  'blocks.doc.aeif_cond_alpha.a': { en: 'Subthreshold adaptation: how strongly the adaptation current w follows the voltage.', de: 'Unterschwellige Adaptation: wie stark der Adaptationsstrom w der Spannung folgt.' },
  'blocks.doc.aeif_cond_alpha.b': { en: 'Spike-triggered adaptation: how much w grows at every spike (slows the next spike down).', de: 'Spike-ausgelöste Adaptation: wie stark w bei jedem Spike wächst (verzögert den nächsten Spike).' },
  'blocks.doc.aeif_cond_alpha.tau_w': { en: 'Adaptation time constant: how slowly w decays back.', de: 'Adaptations-Zeitkonstante: wie langsam w wieder abklingt.' },
  'blocks.doc.aeif_cond_alpha.tau_syn_ex': { en: 'Rise time of an excitatory conductance (alpha shape, peak after tau_syn_ex).', de: 'Anstiegszeit einer erregenden Leitfähigkeit (Alpha-Form, Spitze nach tau_syn_ex).' },
  'blocks.doc.aeif_cond_alpha.tau_syn_in': { en: 'Rise time of an inhibitory conductance (alpha shape, peak after tau_syn_in).', de: 'Anstiegszeit einer hemmenden Leitfähigkeit (Alpha-Form, Spitze nach tau_syn_in).' },
  'blocks.doc.aeif_cond_alpha.gsl_error_tol': { en: 'Error tolerance of the adaptive integrator (smaller = more accurate and slower). As in NEST it only takes effect when set before the first Simulate.', de: 'Fehlertoleranz des adaptiven Integrators (kleiner = genauer und langsamer). Wie in NEST wirkt sie nur, wenn sie vor dem ersten Simulate gesetzt wird.' },
  'blocks.doc.aeif_cond_alpha.w': { en: 'Adaptation current now (state; it is subtracted from the input).', de: 'Adaptationsstrom jetzt (Zustand; er wird vom Eingang abgezogen).' },
  'blocks.doc.aeif_cond_alpha.g_ex': { en: 'Excitatory conductance now (state).', de: 'Erregende Leitfähigkeit jetzt (Zustand).' },
  'blocks.doc.aeif_cond_alpha.g_in': { en: 'Inhibitory conductance now (state).', de: 'Hemmende Leitfähigkeit jetzt (Zustand).' },
  'blocks.doc.iaf_psc_delta': { en: 'Leaky integrate-and-fire neuron; each input spike makes the voltage jump at once.', de: 'Leaky-Integrate-and-Fire-Neuron; jeder Eingangsspike lässt die Spannung sofort springen.' },
  'blocks.doc.iaf_psc_delta.V_min': { en: 'Lowest voltage the neuron can reach.', de: 'Niedrigste Spannung, die das Neuron erreichen kann.' },
  'blocks.doc.iaf_psc_delta.refractory_input': { en: 'If true, spikes arriving during the refractory period are added afterwards instead of lost.', de: 'Wenn wahr, werden Spikes, die in der Refraktärzeit ankommen, danach addiert statt verloren zu gehen.' },
  'blocks.doc.parrot_neuron': { en: 'Repeats every spike it receives, at the moment it arrives. Useful to pass one spike train on to many neurons unchanged.', de: 'Wiederholt jeden Spike, den es bekommt, in dem Moment, in dem er ankommt. Nützlich, um eine Spikefolge unverändert an viele Neuronen weiterzugeben.' },
  'blocks.doc.izhikevich': { en: 'Izhikevich neuron: two equations (voltage V_m and recovery U_m) that, with a, b, c, d, reproduce many real firing patterns (regular, bursting, chattering, ...).', de: 'Izhikevich-Neuron: zwei Gleichungen (Spannung V_m und Erholung U_m), die mit a, b, c, d viele echte Feuermuster nachbilden (regelmäßig, Bursts, Chattering, ...).' },
  'blocks.doc.izhikevich.a': { en: 'How fast the recovery variable U_m follows the voltage (small = slow recovery).', de: 'Wie schnell die Erholungsvariable U_m der Spannung folgt (klein = langsame Erholung).' },
  'blocks.doc.izhikevich.b': { en: 'How strongly the recovery variable U_m is pulled by the voltage.', de: 'Wie stark die Erholungsvariable U_m von der Spannung gezogen wird.' },
  'blocks.doc.izhikevich.c': { en: 'Reset voltage: V_m jumps here after a spike.', de: 'Reset-Spannung: V_m springt nach einem Spike hierher.' },
  'blocks.doc.izhikevich.d': { en: 'How much U_m grows at each spike (slows the next spike down).', de: 'Wie stark U_m bei jedem Spike wächst (verzögert den nächsten Spike).' },
  'blocks.doc.izhikevich.U_m': { en: 'Recovery variable: its start value (the default is b · V_m = 0.2 · −65).', de: 'Erholungsvariable: ihr Startwert (Standard ist b · V_m = 0.2 · −65).' },
  'blocks.doc.izhikevich.I_e': { en: 'Constant input current injected into the neuron (about 10 makes it fire).', de: 'Konstanter Eingangsstrom, der in das Neuron fließt (etwa 10 bringt es zum Feuern).' },
  'blocks.doc.izhikevich.consistent_integration': { en: 'Use the standard step-by-step integration (true) or the one from Izhikevich’s 2003 paper (false).', de: 'Die übliche schrittweise Integration (wahr) oder die aus Izhikevichs Artikel von 2003 (falsch).' },
  'blocks.doc.dc_generator': { en: 'Injects a constant current into the neurons it is connected to.', de: 'Gibt einen konstanten Strom in die verbundenen Neuronen.' },
  'blocks.doc.dc_generator.amplitude': { en: 'Strength of the constant current.', de: 'Stärke des konstanten Stroms.' },
  'blocks.doc.dc_generator.start': { en: 'The device is active only after this time (relative to origin).', de: 'Das Gerät ist erst ab dieser Zeit aktiv (relativ zu origin).' },
  'blocks.doc.dc_generator.stop': { en: 'The device is active only up to this time (relative to origin).', de: 'Das Gerät ist nur bis zu dieser Zeit aktiv (relativ zu origin).' },
  'blocks.doc.dc_generator.origin': { en: 'Shifts start and stop by this amount.', de: 'Verschiebt start und stop um diesen Betrag.' },
  'blocks.doc.ac_generator': { en: 'Injects a sine-wave current: offset + amplitude · sin(2π · frequency · t + phase).', de: 'Gibt einen Sinusstrom ein: offset + amplitude · sin(2π · frequency · t + phase).' },
  'blocks.doc.ac_generator.amplitude': { en: 'Height of the sine wave (from its middle to its peak).', de: 'Höhe der Sinuswelle (von ihrer Mitte bis zur Spitze).' },
  'blocks.doc.ac_generator.offset': { en: 'Constant current added to the sine wave (its middle line).', de: 'Konstanter Strom, der zur Sinuswelle addiert wird (ihre Mittellinie).' },
  'blocks.doc.ac_generator.frequency': { en: 'How many full waves per second.', de: 'Wie viele volle Wellen pro Sekunde.' },
  'blocks.doc.ac_generator.phase': { en: 'Where in its cycle the wave is at t = 0 (0–360 degrees).', de: 'Wo in ihrem Zyklus die Welle bei t = 0 steht (0–360 Grad).' },
  'blocks.doc.step_current_generator': { en: 'Injects a current that jumps to a new value at each time you list and stays there until the next one.', de: 'Gibt einen Strom ein, der zu jeder aufgelisteten Zeit auf einen neuen Wert springt und dort bis zur nächsten bleibt.' },
  'blocks.doc.step_current_generator.amplitude_times': { en: 'The times at which the current changes, in increasing order (all > 0).', de: 'Die Zeiten, zu denen sich der Strom ändert, aufsteigend (alle > 0).' },
  'blocks.doc.step_current_generator.amplitude_values': { en: 'The current from each of those times on (one value per time).', de: 'Der Strom ab jeder dieser Zeiten (ein Wert je Zeit).' },
  'blocks.doc.step_current_generator.allow_offgrid_times': { en: 'Allow times between grid points; they move to the end of their step.', de: 'Zeiten zwischen Gitterpunkten erlauben; sie rücken ans Ende ihres Schritts.' },
  'blocks.doc.noise_generator': { en: 'Injects a noisy current: every dt a new random value (Gaussian, mean ± std) for each connected neuron separately.', de: 'Gibt einen verrauschten Strom ein: alle dt ein neuer Zufallswert (gaußverteilt, mean ± std), für jedes verbundene Neuron einzeln.' },
  'blocks.doc.noise_generator.mean': { en: 'Average current.', de: 'Mittlerer Strom.' },
  'blocks.doc.noise_generator.std': { en: 'Standard deviation of the current (how strongly it fluctuates).', de: 'Standardabweichung des Stroms (wie stark er schwankt).' },
  'blocks.doc.noise_generator.std_mod': { en: 'Modulation of the standard deviation by a sine wave (at most std).', de: 'Modulation der Standardabweichung durch eine Sinuswelle (höchstens std).' },
  'blocks.doc.noise_generator.frequency': { en: 'Frequency of the sine wave modulating std.', de: 'Frequenz der Sinuswelle, die std moduliert.' },
  'blocks.doc.noise_generator.phase': { en: 'Phase of that sine wave at t = 0 (degrees).', de: 'Phase dieser Sinuswelle bei t = 0 (Grad).' },
  'blocks.doc.noise_generator.dt': { en: 'How long each random value is held (a multiple of the resolution).', de: 'Wie lange jeder Zufallswert gehalten wird (ein Vielfaches der Auflösung).' },
  'blocks.doc.poisson_generator': { en: 'Sends random spikes (a Poisson process) to every connected neuron, each neuron its own train.', de: 'Sendet zufällige Spikes (einen Poisson-Prozess) an jedes verbundene Neuron, jedes mit seiner eigenen Folge.' },
  'blocks.doc.poisson_generator.rate': { en: 'Average number of spikes per second.', de: 'Mittlere Anzahl von Spikes pro Sekunde.' },
  'blocks.doc.spike_generator': { en: 'Sends spikes at the times you list.', de: 'Sendet Spikes zu den Zeiten, die du auflistest.' },
  'blocks.doc.spike_generator.spike_times': { en: 'The times of the spikes, in increasing order.', de: 'Die Zeiten der Spikes, aufsteigend.' },
  'blocks.doc.spike_generator.spike_weights': { en: 'Optional: one weight per spike (replaces the connection weight).', de: 'Optional: ein Gewicht je Spike (ersetzt das Gewicht der Verbindung).' },
  'blocks.doc.spike_generator.spike_multiplicities': { en: 'Optional: how many spikes to send at each time.', de: 'Optional: wie viele Spikes zu jeder Zeit gesendet werden.' },
  'blocks.doc.spike_generator.precise_times': { en: 'Send the exact off-grid times (only precise neuron models use them).', de: 'Die genauen Zeiten zwischen den Gitterpunkten senden (nur präzise Neuronenmodelle nutzen sie).' },
  'blocks.doc.spike_generator.shift_now_spikes': { en: 'Move a spike at the current time one step later instead of dropping it.', de: 'Einen Spike zur aktuellen Zeit einen Schritt später senden, statt ihn zu verwerfen.' },
  'blocks.doc.spike_recorder': { en: 'Records which neuron spiked and when.', de: 'Zeichnet auf, welches Neuron wann einen Spike hatte.' },
  'blocks.doc.spike_recorder.label': { en: 'A name for this recorder.', de: 'Ein Name für diesen Rekorder.' },
  'blocks.doc.spike_recorder.record_to': { en: 'Where the recorded data goes (memory keeps it for plotting).', de: 'Wohin die aufgezeichneten Daten gehen (memory behält sie zum Darstellen).' },
  'blocks.doc.spike_recorder.time_in_steps': { en: 'Record times as step numbers instead of ms.', de: 'Zeiten als Schrittnummern statt in ms aufzeichnen.' },
  'blocks.doc.voltmeter': { en: 'Records the membrane potential of the neurons it is connected to.', de: 'Misst das Membranpotential der verbundenen Neuronen.' },
  'blocks.doc.voltmeter.interval': { en: 'Time between two samples.', de: 'Zeit zwischen zwei Messungen.' },
  'blocks.doc.voltmeter.offset': { en: 'Time of the first possible sample.', de: 'Zeit der ersten möglichen Messung.' },
  'blocks.doc.voltmeter.record_from': { en: 'What to record (V_m).', de: 'Was aufgezeichnet wird (V_m).' },
  'blocks.doc.multimeter': { en: 'Records chosen state variables (e.g. V_m, I_syn_ex) of the neurons it is connected to.', de: 'Zeichnet gewählte Zustandsgrößen (z. B. V_m, I_syn_ex) der verbundenen Neuronen auf.' },
  'blocks.doc.multimeter.record_from': { en: 'What to record, e.g. ["V_m", "I_syn_ex"].', de: 'Was aufgezeichnet wird, z. B. ["V_m", "I_syn_ex"].' },
} satisfies TextTable;
