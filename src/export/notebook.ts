/**
 * The program as a Jupyter notebook (nbformat 4.5): a markdown cell naming the project, the
 * program in one code cell (as the code panel shows it, hand edits included: splitting it could
 * cut a loop or a function in two), and a last cell that shows `response` — a summary printed
 * always, plots when matplotlib is there. A pure function: the code panel downloads its result.
 */
import { t } from '../i18n';
import { stripBidi } from '../plots/bidi';

export interface NotebookInput {
  projectName: string;
  /** the program text, as Run would run it */
  code: string;
  /** "PyNEST", "Norse": what the program needs installed */
  language: string;
}

interface Cell {
  id: string;
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
  outputs?: unknown[];
  execution_count?: null;
}

/** nbformat's multi-line string: one entry per line, each but the last ending in "\n". */
function lines(text: string): string[] {
  const parts = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
}

/** Markdown characters in a project name are text, not formatting. */
function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/** The last cell: Python that reads `response` the way the app's plots do (NEST's "events" and
 * "results", Norse's "recordings"), without needing anything but the standard library. */
export const SHOW_RESPONSE = `# What the program handed back in \`response\`: a summary of each recording, and plots when
# matplotlib is installed (pip install matplotlib).
try:
    import matplotlib.pyplot as plt
except ImportError:
    plt = None


def _column(values):
    return [float(v) for v in values]


for k, ev in enumerate(response.get("events", [])):
    times = _column(ev.get("times", []))
    senders = [int(s) for s in ev.get("senders", [])]
    traces = [key for key in ev if key not in ("times", "senders")]
    if traces:
        print(f"recording {k + 1}: {len(times)} samples of {', '.join(traces)} from {len(set(senders))} neuron(s)")
    else:
        print(f"recording {k + 1}: {len(times)} spikes from {len(set(senders))} neuron(s)")
    if plt is None or not times:
        continue
    fig, ax = plt.subplots(figsize=(8, 3))
    if traces:
        for key in traces:
            for s in sorted(set(senders)):
                pick = [i for i, x in enumerate(senders) if x == s]
                ax.plot([times[i] for i in pick], [float(ev[key][i]) for i in pick], label=f"{key} of {s}")
        ax.legend(fontsize="small")
    else:
        ax.plot(times, senders, "|", markersize=4)
        ax.set_ylabel("neuron (sender)")
    ax.set_xlabel("time (ms)")
    ax.set_title(f"recording {k + 1}")
    plt.show()

for table, points in (response.get("results") or {}).items():
    print(f"{table}:", ", ".join(f"({x:g}, {y:g})" for x, y in points))
    if plt is not None and points:
        plt.figure(figsize=(5, 3))
        plt.plot([p[0] for p in points], [p[1] for p in points], "o-")
        plt.title(table)
        plt.show()

def _leaves(value):
    """The numbers of a nested list (a Norse tensor's .tolist()) in order."""
    if isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield float(value)


for rec in response.get("recordings", []):
    for key, value in rec.items():
        if key == "name" or not isinstance(value, list):
            continue
        print(f"{rec.get('name', '?')}.{key}: {len(value)} time steps")
        if plt is not None and value:
            plt.figure(figsize=(8, 3))
            plt.plot([list(_leaves(row)) for row in value])
            plt.title(f"{rec.get('name', '?')}: {key}")
            plt.xlabel("time step")
            plt.show()
`;

/** The notebook as nbformat 4.5 JSON text. */
export function makeNotebook({ projectName, code, language }: NotebookInput): string {
  // the one cell of prose is in the learner's language; the code cells are the same in every one
  const needs = language === 'Norse' ? t('files.notebookNeedsNorse') : t('files.notebookNeedsNest');
  const cells: Cell[] = [
    {
      id: 'about',
      cell_type: 'markdown',
      metadata: {},
      source: lines(
        `# ${markdownText(stripBidi(projectName)) || t('files.notebookUntitled')}\n\n` +
          `${t('files.notebookAbout', { language })}\n` +
          t('files.notebookNeeds', { needs }),
      ),
    },
    { id: 'program', cell_type: 'code', metadata: {}, source: lines(code), outputs: [], execution_count: null },
    { id: 'show-response', cell_type: 'code', metadata: {}, source: lines(SHOW_RESPONSE), outputs: [], execution_count: null },
  ];
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
      spikeblocks: { project: projectName, language },
    },
    cells,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
