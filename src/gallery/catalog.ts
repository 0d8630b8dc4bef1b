/**
 * The example gallery's list: which examples it shows, in which order (simplest first, per
 * simulator), and what each is a rebuild of. The blocks themselves are the plugins' examples
 * (src/registry.ts, blocks/examples/<id>.json); titles and one-line descriptions are texts in
 * both languages (src/i18n/texts/gallery.ts, keys gallery.example.<id>.title / .description);
 * each has a picture src/gallery/thumbs/<id>.svg made from a real run
 * (src/gallery/tools/make-thumbnails.ts). docs/gallery.md says how to add one.
 */
import { t } from '../i18n';

interface Entry {
  id: string;
  simulator: 'nest' | 'norse';
  /** the example it rebuilds with blocks (a name, shown as it is: not translated), or null */
  after: string | null;
}

/** The cards, in order. An id here without both texts is a type error (galleryTitle). */
export const GALLERY = [
  { id: 'one-neuron', simulator: 'nest', after: 'PyNEST one_neuron' },
  { id: 'step-current', simulator: 'nest', after: null },
  { id: 'sine-current', simulator: 'nest', after: null },
  { id: 'first-example', simulator: 'nest', after: null },
  { id: 'one-neuron-noise', simulator: 'nest', after: 'PyNEST one_neuron_with_noise' },
  { id: 'two-neurons', simulator: 'nest', after: 'PyNEST twoneurons' },
  { id: 'fi-curve', simulator: 'nest', after: 'NEST Desktop: f-I curve' },
  { id: 'balanced-neuron', simulator: 'nest', after: 'PyNEST balancedneuron' },
  { id: 'spike-activity', simulator: 'nest', after: 'NEST Desktop: spike activity' },
  { id: 'ei-network', simulator: 'nest', after: 'NEST Desktop: E-I network' },
  { id: 'brunel-delta', simulator: 'nest', after: 'PyNEST brunel_delta_nest' },
  { id: 'brunel-alpha', simulator: 'nest', after: 'PyNEST brunel_alpha_nest' },
  { id: 'norse-lif', simulator: 'norse', after: null },
  { id: 'norse-two-layers', simulator: 'norse', after: null },
] as const satisfies readonly Entry[];

export type GalleryEntry = (typeof GALLERY)[number];
export type GalleryId = GalleryEntry['id'];

/** The example's title in the learner's language (call at render time). */
export function galleryTitle(id: GalleryId): string {
  return t(`gallery.example.${id}.title`);
}

/** Its one-line description in the learner's language. */
export function galleryDescription(id: GalleryId): string {
  return t(`gallery.example.${id}.description`);
}
