/**
 * A .zip of a few files, stored without compression: what the CSV button needs to hand several
 * recorders' tables over as one download (browsers ask before a page starts several). Stored is
 * enough — CSV of a classroom run is a few hundred KB — and keeps this short enough to check by
 * eye against the format (PKWARE APPNOTE 6.3: local headers, the data, a central directory, its
 * end record). File names are UTF-8 (flag bit 11). No ZIP64: a file or the whole archive must stay
 * under 4 GiB, far above any run's CSV.
 */

/** CRC-32 (the IEEE polynomial, reflected) as zip, PNG and gzip use it. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** MS-DOS time and date of `when` (local time, 2-second steps), as zip stores them. */
function dosTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** The archive's bytes. Names must be distinct (the caller makes them so). */
export function zipStore(entries: readonly ZipEntry[], when = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(when);
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs = entries.map((e) => crc32(e.data));
  let at = 0;
  // the fields both headers share: version, flags (UTF-8 names), method 0 (stored), time, date, CRC, sizes, name length
  const common = (i: number) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, 0x0800, true);
    view.setUint16(at + 4, 0, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, crcs[i], true);
    view.setUint32(at + 14, entries[i].data.length, true);
    view.setUint32(at + 18, entries[i].data.length, true);
    view.setUint16(at + 22, names[i].length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    at += 26;
  };
  entries.forEach((entry, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at += 4;
    common(i);
    out.set(names[i], at);
    at += names[i].length;
    out.set(entry.data, at);
    at += entry.data.length;
  });
  const centralStart = at;
  entries.forEach((_entry, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0
    at += 6;
    common(i);
    // comment length, disk number, internal attributes (2 bytes each) and external ones (4): none
    at += 10;
    view.setUint32(at, offsets[i], true);
    at += 4;
    out.set(names[i], at);
    at += names[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
