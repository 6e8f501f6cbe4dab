/**
 * CRC-32 (the IEEE polynomial gzip and zip use), computed incrementally over a backup's bytes as they are
 * written or read, so a damaged or edited file is found without holding it whole.
 */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** Continues a CRC over `bytes` (start with 0). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** As the trailer spells it: eight lower-case hex digits. */
export const crcHex = (crc: number): string => crc.toString(16).padStart(8, '0');
