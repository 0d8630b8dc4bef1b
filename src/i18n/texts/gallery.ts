import type { TextTable } from '../types';

/** The example gallery (src/gallery/): its dialog, and each example's title and one-line description. */
export const galleryTexts = {
  'gallery.open': { en: 'Examples', de: 'Beispiele' },
  'gallery.openHint': { en: 'All examples with pictures (opening one can be undone)', de: 'Alle Beispiele mit Bildern (Öffnen lässt sich rückgängig machen)' },
  'gallery.heading': { en: 'Examples', de: 'Beispiele' },
  'gallery.intro': {
    en: 'Choose an example to open its blocks. Your own blocks are kept: Undo brings them back.',
    de: 'Wähle ein Beispiel, um seine Blöcke zu öffnen. Deine eigenen Blöcke bleiben erhalten: Rückgängig holt sie zurück.',
  },
  'gallery.close': { en: 'Close', de: 'Schließen' },
  'gallery.section': { en: 'Examples for {simulator}', de: 'Beispiele für {simulator}' },
  'gallery.simulator': { en: 'Simulator: {simulator}', de: 'Simulator: {simulator}' },
  'gallery.after': { en: 'Rebuilt with blocks after {name}', de: 'Mit Blöcken nachgebaut nach {name}' },
  'gallery.current': { en: 'your simulator now', de: 'dein Simulator gerade' },
  'gallery.loadFailed': { en: 'The gallery could not be loaded.', de: 'Die Galerie konnte nicht geladen werden.' },

  'gallery.example.one-neuron.title': { en: 'One neuron, constant current', de: 'Ein Neuron, konstanter Strom' },
  'gallery.example.one-neuron.description': {
    en: 'A current of 376 pA, just above threshold, makes one neuron fire slowly and regularly.',
    de: 'Ein Eingangsstrom von 376 pA, knapp über der Schwelle, lässt ein Neuron langsam und regelmäßig feuern.',
  },
  'gallery.example.step-current.title': { en: 'A current in steps', de: 'Ein Strom in Stufen' },
  'gallery.example.step-current.description': {
    en: '300 pA stays below threshold, 500 pA makes the neuron fire, 0 pA lets it rest again.',
    de: '300 pA bleiben unter der Schwelle, bei 500 pA feuert das Neuron, bei 0 pA kommt es wieder zur Ruhe.',
  },
  'gallery.example.sine-current.title': { en: 'A sine-wave current', de: 'Ein sinusförmiger Strom' },
  'gallery.example.sine-current.description': {
    en: 'A current that rises and falls four times a second: the neuron fires in bursts near each peak.',
    de: 'Ein Strom, der viermal pro Sekunde steigt und fällt: Das Neuron feuert in Salven nahe jedem Maximum.',
  },
  'gallery.example.first-example.title': { en: 'Poisson input drives one neuron', de: 'Poisson-Eingang treibt ein Neuron' },
  'gallery.example.first-example.description': {
    en: 'Random input spikes at 7500 spikes/s make one neuron fire irregularly.',
    de: 'Zufällige Eingangsspikes mit 7500 Spikes/s lassen ein Neuron unregelmäßig feuern.',
  },
  'gallery.example.one-neuron-noise.title': { en: 'One neuron with noise', de: 'Ein Neuron mit Rauschen' },
  'gallery.example.one-neuron-noise.description': {
    en: 'Excitatory and inhibitory Poisson input together: the membrane potential fluctuates and the neuron fires at random times.',
    de: 'Erregender und hemmender Poisson-Eingang zusammen: Das Membranpotential schwankt, und das Neuron feuert zu zufälligen Zeiten.',
  },
  'gallery.example.two-neurons.title': { en: 'Two connected neurons', de: 'Zwei verbundene Neuronen' },
  'gallery.example.two-neurons.description': {
    en: 'Each spike of the first neuron crosses a synapse and shows as a small bump in the second one’s voltage.',
    de: 'Jeder Spike des ersten Neurons läuft über eine Synapse und zeigt sich als kleiner Buckel im Membranpotential des zweiten.',
  },
  'gallery.example.fi-curve.title': { en: 'f–I curve', de: 'f-I-Kurve' },
  'gallery.example.fi-curve.description': {
    en: 'A loop raises the input current step by step and plots the firing rate against it.',
    de: 'Eine Schleife erhöht den Eingangsstrom Schritt für Schritt und zeichnet die Feuerrate dagegen auf.',
  },
  'gallery.example.balanced-neuron.title': { en: 'A balanced neuron', de: 'Ein Neuron im Gleichgewicht' },
  'gallery.example.balanced-neuron.description': {
    en: 'Excitation and inhibition are balanced so that the neuron fires at 5 spikes/s, as fast as each of its inputs.',
    de: 'Erregung und Hemmung sind so ausgewogen, dass das Neuron mit 5 Spikes/s feuert, so schnell wie jeder seiner Eingänge.',
  },
  'gallery.example.spike-activity.title': { en: 'Spike activity of 100 neurons', de: 'Spike-Aktivität von 100 Neuronen' },
  'gallery.example.spike-activity.description': {
    en: 'Poisson input at 6500 spikes/s drives 100 neurons; each gets its own random input.',
    de: 'Poisson-Eingang mit 6500 Spikes/s treibt 100 Neuronen; jedes bekommt seinen eigenen zufälligen Eingang.',
  },
  'gallery.example.ei-network.title': { en: 'Excitatory–inhibitory network', de: 'Netz aus Erregung und Hemmung' },
  'gallery.example.ei-network.description': {
    en: '80 excitatory and 20 inhibitory neurons, randomly connected; inhibition is four times as strong.',
    de: '80 erregende und 20 hemmende Neuronen, zufällig verbunden; die Hemmung ist viermal so stark.',
  },
  'gallery.example.brunel-delta.title': { en: 'A small Brunel network', de: 'Ein kleines Brunel-Netz' },
  'gallery.example.brunel-delta.description': {
    en: '400 excitatory and 100 inhibitory neurons with Brunel’s parameters (g = 5, η = 2); the full network has 25 times as many.',
    de: '400 erregende und 100 hemmende Neuronen mit Brunels Parametern (g = 5, η = 2); das volle Netz hat 25-mal so viele.',
  },
  'gallery.example.brunel-alpha.title': { en: 'A small Brunel network, alpha synapses', de: 'Ein kleines Brunel-Netz mit Alpha-Synapsen' },
  'gallery.example.brunel-alpha.description': {
    en: 'The same network with iaf_psc_alpha neurons: each input is a short current pulse that raises V_m by 0.1 mV at its peak.',
    de: 'Dasselbe Netz mit iaf_psc_alpha-Neuronen: Jeder Eingang ist ein kurzer Strompuls, der V_m an seinem Maximum um 0,1 mV anhebt.',
  },
  'gallery.example.norse-lif.title': { en: 'A LIF layer on a constant input', de: 'Eine LIF-Schicht mit konstantem Eingang' },
  'gallery.example.norse-lif.description': {
    en: 'Norse: a layer of leaky integrate-and-fire neurons; see its spikes, voltage v and current i.',
    de: 'Norse: eine Schicht von Leaky-Integrate-and-Fire-Neuronen; sieh dir Spikes, Spannung v und Strom i an.',
  },
  'gallery.example.norse-two-layers.title': { en: 'Two layers in sequence', de: 'Zwei Schichten hintereinander' },
  'gallery.example.norse-two-layers.description': {
    en: 'Norse: Linear → LIF → Linear → LIF, the second layer driven by the spikes of the first.',
    de: 'Norse: Linear → LIF → Linear → LIF, die zweite Schicht angetrieben von den Spikes der ersten.',
  },
} satisfies TextTable;
