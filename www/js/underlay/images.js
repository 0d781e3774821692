// @ts-check
/**
 * The underlay images this page has decoded, by SHA-256, and the frame part the renderer
 * draws (view/frame.js `UnderlayFrame`). An image the scenario names is looked up in
 * IndexedDB (underlay/storage.js) and decoded on first sight; until then the frame says
 * `loading`, and `missing` when this browser does not have it (a file saved elsewhere):
 * the plan is intact and the page offers to load the image again.
 */

import { getImage, putImage } from './storage.js';
import { decode, UnderlayError } from './load.js';

/** @typedef {import('../model/underlay.js').Underlay} Underlay */
/** @typedef {import('../model/underlay.js').UnderlayImage} UnderlayImage */
/** @typedef {import('./load.js').Decoded} Decoded */
/** @typedef {import('../view/frame.js').UnderlayFrame} UnderlayFrame */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */

/** @typedef {{status: 'loading'|'ready'|'missing'|'failed', decoded: Decoded|null, message: string}} Entry */

export class UnderlayImages {
  /** @param {(sha256: string, entry: Entry) => void} changed told when an image's state changes */
  constructor(changed) {
    this.changed = changed;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    /** @type {{u: Underlay|undefined, e: Entry|undefined, frame: UnderlayFrame|null}} */
    this.memo = { u: undefined, e: undefined, frame: null };
  }

  /** The state of the image with this hash (looking it up if it is new). @param {UnderlayImage} image @returns {Entry} */
  entry(image) {
    let e = this.entries.get(image.sha256);
    if (!e) {
      e = { status: 'loading', decoded: null, message: '' };
      this.entries.set(image.sha256, e);
      this.lookUp(image);
    }
    return e;
  }

  /** @param {string} sha @param {Entry} e */
  set(sha, e) {
    this.entries.set(sha, e);
    this.changed(sha, e);
  }

  /** @param {UnderlayImage} image */
  async lookUp(image) {
    try {
      const stored = await getImage(image.sha256);
      if (!stored) {
        this.set(image.sha256, { status: 'missing', decoded: null,
          message: `The underlay image ${image.name} is not stored in this browser (the plan was saved on another machine or ` +
            'in another browser, or the browser\'s data was cleared). The plan is intact; load the image again to see it.' });
        return;
      }
      const decoded = await decode(image.name, stored.bytes, image.type);
      this.set(image.sha256, { status: 'ready', decoded, message: '' });
    } catch (e) {
      const why = e instanceof UnderlayError ? e.message : `${image.name}: ${e instanceof Error ? e.message : String(e)}`;
      this.set(image.sha256, { status: 'failed', decoded: null, message: `The underlay image could not be shown. ${why}` });
    }
  }

  /**
   * A file just read: ready now, and stored for the next visit. Resolves once stored;
   * rejects (with the reason) if IndexedDB refused it, while the image still shows.
   * @param {UnderlayImage} image @param {Uint8Array<ArrayBuffer>} bytes @param {Decoded} decoded
   */
  async add(image, bytes, decoded) {
    this.set(image.sha256, { status: 'ready', decoded, message: '' });
    await putImage({ sha256: image.sha256, name: image.name, type: image.type, bytes, storedAt: Date.now() });
  }

  /** The frame part for scenario `s`: the same object while its underlay and image state are. @param {Scenario} s @returns {UnderlayFrame|null} */
  frame(s) {
    const u = s.underlay;
    if (!u) return null;
    const e = this.entry(u.image);
    if (this.memo.u === u && this.memo.e === e) return this.memo.frame;
    const d = e.decoded;
    /** @type {UnderlayFrame} */
    const frame = { placement: u, source: d?.source ?? null, sourceWidth: d?.sourceWidth ?? 0, sourceHeight: d?.sourceHeight ?? 0, status: e.status };
    this.memo = { u, e, frame };
    return frame;
  }
}
