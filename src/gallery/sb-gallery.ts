/**
 * The example gallery: a modal dialog with one card per example (picture, title, one line on what
 * it shows, which simulator), opened from the header. It is a chunk of its own, loaded the first
 * time the learner opens it (sb-app imports it dynamically), and its pictures are separate files
 * the browser fetches only when their card is on screen (loading="lazy"), so the app's first
 * load carries none of it.
 *
 * Keyboard: the native <dialog> keeps the focus inside and closes on Esc; Tab and the arrow keys
 * move between cards, Enter or Space opens one; on leaving, the focus returns to the button that
 * opened the gallery. In a kiosk (data-kiosk on <html>) the cards and the close button are larger
 * touch targets, and the gallery closes when the kiosk asks "still there?" or starts again.
 * Choosing a card fires `gallery-open` ({simulator, id, title}); the app opens the
 * example undoably, as its examples menu does.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../i18n';
import { SIMULATORS } from '../registry';
import { GALLERY, galleryDescription, galleryTitle, type GalleryEntry, type GalleryId } from './catalog';

/** The pictures' addresses (files of their own in the build: the browser fetches them lazily). */
const THUMBS = import.meta.glob('./thumbs/*.svg', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>;

export function thumbnailUrl(id: GalleryId): string | undefined {
  return THUMBS[`./thumbs/${id}.svg`];
}

export interface GalleryOpenDetail {
  simulator: GalleryEntry['simulator'];
  id: GalleryId;
  /** the example's title in the learner's language (the opened project's name) */
  title: string;
}

@customElement('sb-gallery')
export class SbGallery extends LitElement {
  static override styles = css`
    dialog { width: min(1120px, 96vw); max-height: 92vh; padding: 0; border: 1px solid #8ea0b4; border-radius: 8px; color: #1d2329; background: #f3f5f7; font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif; }
    /* the heading stays, the cards scroll under it */
    dialog[open] { display: flex; flex-direction: column; overflow: hidden; }
    dialog::backdrop { background: rgb(20 30 40 / 55%); }
    .top { flex: none; display: flex; align-items: center; gap: 12px; padding: 10px 16px; background: #20334a; color: white; }
    h2 { margin: 0; font-size: 1.2rem; }
    .intro { margin: 0; flex: 1; opacity: 0.92; }
    .close { font: inherit; min-height: 36px; min-width: 44px; padding: 4px 14px; border-radius: 5px; border: 1px solid #8ea0b4; background: #f7f9fb; color: #1d2329; cursor: pointer; }
    .body { flex: 1 1 auto; min-height: 0; padding: 4px 16px 16px; overflow: auto; overscroll-behavior: contain; }
    h3 { font-size: 1rem; margin: 14px 0 8px; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(232px, 1fr)); gap: 12px; }
    /* The card is one target: its title's button covers the whole card (::after), so the button's
       name is its visible title (WCAG 2.5.3) while a click or tap anywhere on the card opens it. */
    .card { position: relative; display: flex; flex-direction: column; gap: 4px; padding: 0 0 10px; background: white;
      border: 1px solid #c9d0d8; border-radius: 7px; overflow: hidden; }
    .card:hover { border-color: #20334a; box-shadow: 0 1px 6px rgb(0 0 0 / 15%); }
    .card:focus-within { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .card img { display: block; width: 100%; aspect-ratio: 240 / 135; height: auto; background: #fff; border-bottom: 1px solid #e3e7eb; }
    h4 { margin: 0; font-size: inherit; }
    .open { all: unset; cursor: pointer; touch-action: manipulation; }
    .open::after { content: ''; position: absolute; inset: 0; }
    .close:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    p { margin: 0; }
    .title { font-weight: 600; padding: 4px 10px 0; }
    .desc { padding: 0 10px; color: #3b4650; }
    .meta { padding: 2px 10px 0; font-size: 0.85em; color: #4d5963; }
    .sim { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 4px; background: #e4ebf2; color: #20334a; font-weight: 600; }
    .here { display: inline-block; padding: 0 6px; border-radius: 4px; background: #fff4d6; color: #4a3a00; }
    /* kiosk: bigger type and touch targets (at least 48 px), as the rest of the kiosk screen */
    :host([kiosk]) dialog { font-size: 17px; width: 98vw; max-height: 96vh; }
    :host([kiosk]) .close { min-height: 52px; min-width: 96px; font-size: 1.05rem; }
    :host([kiosk]) ul { grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
    :host([kiosk]) .card { padding-bottom: 14px; }
    :host([kiosk]) .card:focus-within { outline-width: 4px; }
  `;

  /** The simulator whose blocks are open now (its section comes first). */
  @state() private current = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private onChoose: ((detail: GalleryOpenDetail) => void) | null = null;

  /** In a kiosk: closes the gallery when the kiosk asks "still there?" or starts again. */
  private kioskWatch: MutationObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const kiosk = document.documentElement.dataset.kiosk === '1';
    this.toggleAttribute('kiosk', kiosk);
    // A modal dialog makes the rest of the page inert, the kiosk's question too (it is not in the
    // top layer): so the gallery gives way when the kiosk asks (src/kiosk/kiosk.ts counts each
    // question and reset on <body>), and the next visitor finds the start screen, not the gallery.
    if (kiosk) {
      this.kioskWatch = new MutationObserver(() => this.close());
      this.kioskWatch.observe(document.body, { attributes: true, attributeFilter: ['data-kiosk-asked', 'data-kiosk-resets'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.kioskWatch?.disconnect();
  }

  /** Shows the gallery; `choose` is called with the example the learner opens. */
  async show(current: string, choose: (detail: GalleryOpenDetail) => void): Promise<void> {
    this.current = current;
    this.onChoose = choose;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    // the first card of the simulator open now, so Enter opens the simplest example
    this.cards()[0]?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  private cards(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('button.open') ?? [])];
  }

  private choose(entry: GalleryEntry): void {
    const detail: GalleryOpenDetail = { simulator: entry.simulator, id: entry.id, title: galleryTitle(entry.id) };
    this.close();
    this.onChoose?.(detail);
    this.dispatchEvent(new CustomEvent<GalleryOpenDetail>('gallery-open', { detail, bubbles: true, composed: true }));
  }

  /** Arrow keys move between cards (Right/Down next, Left/Up previous), Home/End to the ends. */
  private onKey = (e: KeyboardEvent): void => {
    const cards = this.cards();
    const at = cards.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: cards.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    cards[Math.max(0, Math.min(cards.length - 1, to))].focus();
  };

  private renderCard(entry: GalleryEntry) {
    const url = thumbnailUrl(entry.id);
    const simulatorLabel = SIMULATORS.find((s) => s.id === entry.simulator)?.label ?? entry.simulator;
    return html`<li class="card">
      ${url ? html`<img src=${url} alt="" width="240" height="135" loading="lazy" decoding="async" />` : nothing}
      <h4 class="title"><button class="open" data-example=${entry.id} data-simulator=${entry.simulator} @click=${() => this.choose(entry)}
        aria-describedby="desc-${entry.id} meta-${entry.id}">${galleryTitle(entry.id)}</button></h4>
      <p class="desc" id="desc-${entry.id}">${galleryDescription(entry.id)}</p>
      <p class="meta" id="meta-${entry.id}"><span class="sim">${t('gallery.simulator', { simulator: simulatorLabel })}</span>${entry.after
        ? t('gallery.after', { name: entry.after })
        : nothing}</p>
    </li>`;
  }

  override render() {
    // the open simulator's examples first
    const order = [...SIMULATORS].sort((a, b) => Number(b.id === this.current) - Number(a.id === this.current));
    return html`<dialog aria-labelledby="gallery-heading" aria-describedby="gallery-intro" @keydown=${this.onKey}>
      <div class="top">
        <h2 id="gallery-heading">${t('gallery.heading')}</h2>
        <p class="intro" id="gallery-intro">${t('gallery.intro')}</p>
        <button class="close" @click=${() => this.close()}>✕ ${t('gallery.close')}</button>
      </div>
      <div class="body">
        ${order.map((s) => {
          const entries = GALLERY.filter((e) => e.simulator === s.id);
          return entries.length
            ? html`<section aria-labelledby="section-${s.id}">
                <h3 id="section-${s.id}">${t('gallery.section', { simulator: s.label })}${s.id === this.current ? html` <span class="here">${t('gallery.current')}</span>` : nothing}</h3>
                <ul>${entries.map((e) => this.renderCard(e))}</ul>
              </section>`
            : nothing;
        })}
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-gallery': SbGallery;
  }
}

/** Opens the gallery (one element for the page, made on first use). */
export async function showGallery(current: string, choose: (detail: GalleryOpenDetail) => void): Promise<SbGallery> {
  let gallery = document.querySelector('sb-gallery');
  if (!gallery) {
    gallery = document.createElement('sb-gallery');
    document.body.append(gallery);
  }
  await gallery.show(current, choose);
  return gallery;
}
