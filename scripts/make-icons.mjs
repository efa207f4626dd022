// Draws Brook's icons (a drop with two stream lines) into resources/. Run again after changing
// the shapes: `node scripts/make-icons.mjs`. Plain Node: an anti-aliased rasteriser and a PNG encoder.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1). The drop: a circle with a pointed top.
function inDrop(x, y) {
  const cx = 0.5, cy = 0.6, r = 0.34;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  // the point: a triangle tangent to the circle
  const top = 0.08;
  if (y < top || y > cy) return false;
  const half = ((y - top) / (cy - top)) * r * 0.94;
  return Math.abs(x - cx) <= half;
}
function inWave(x, y) {
  for (const base of [0.58, 0.72]) {
    const mid = base + 0.035 * Math.sin((x - 0.2) * Math.PI * 3.2);
    if (Math.abs(y - mid) < 0.028 && x > 0.27 && x < 0.73) return true;
  }
  return false;
}
function inRoundedSquare(x, y) {
  const m = 0.06, r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0);
  return qx * qx + qy * qy <= r * r;
}

/** paint(x, y) returns [r, g, b, a] (0..255) for a point; 4×4 supersampling smooths edges. */
function render(size, paint) {
  const out = Buffer.alloc(size * size * 4);
  const s = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / s) / size, (py + (sy + 0.5) / s) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const a = acc[3] / (s * s);
      out[i] = a ? acc[0] / acc[3] : 0;
      out[i + 1] = a ? acc[1] / acc[3] : 0;
      out[i + 2] = a ? acc[2] / acc[3] : 0;
      out[i + 3] = Math.round(a);
    }
  }
  return out;
}

const mono = (rgb) => (x, y) => (inDrop(x, y) && !inWave(x, y) ? [...rgb, 255] : [0, 0, 0, 0]);
const app = (x, y) => {
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (inDrop(x, y) && !inWave(x, y)) return [255, 255, 255, 255];
  const t = y; // a top-to-bottom blue gradient
  return [Math.round(59 - 30 * t), Math.round(130 - 52 * t), Math.round(246 - 30 * t), 255];
};

const files = {
  // macOS menu bar: template images are black + alpha and follow the bar's colour.
  'trayTemplate.png': render(16, mono([0, 0, 0])),
  'trayTemplate@2x.png': render(32, mono([0, 0, 0])),
  // Windows and Linux: a dark icon for light panels and a light one for dark panels.
  'tray-dark.png': render(32, mono([32, 33, 36])),
  'tray-light.png': render(32, mono([240, 240, 242])),
  'icon.png': render(256, app),
  // Installers: electron-builder makes the .icns (needs ≥ 512 px), .ico and Linux sizes from it.
  'icon-1024.png': render(1024, app),
};
for (const [name, rgba] of Object.entries(files)) {
  const size = Math.sqrt(rgba.length / 4);
  writeFileSync(new URL(`../resources/${name}`, import.meta.url), png(size, rgba));
  console.log(`resources/${name} (${size}×${size})`);
}
