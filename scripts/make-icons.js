// Writes the add-in's icons (assets/icon-<size>.png): a green tile with three white bars, the sizes the
// manifest names. Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel of the icon at (x, y) for a size×size tile. */
function pixel(size, x, y) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18; // rounded corners
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // Three bars of rising height: how many units of each product.
  const bars = [
    [0.2, 0.36, 0.55],
    [0.42, 0.58, 0.38],
    [0.64, 0.8, 0.22],
  ];
  for (const [left, right, top] of bars) if (u >= left && u < right && v >= top && v < 0.8) return [255, 255, 255, 255];
  return [33, 115, 70, 255];
}

function png(size) {
  const raw = Buffer.alloc(size * (1 + 4 * size));
  for (let y = 0; y < size; y++) {
    raw[y * (1 + 4 * size)] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(size, x, y)).copy(raw, y * (1 + 4 * size) + 1 + 4 * x);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
