/**
 * The files the emulator serves, all small and real: a selfie as JPEG (selfie.jpg, 48×48, drawn
 * by a browser canvas) and as PNG (64×64, drawn here), and PDFs written here with a correct
 * cross-reference table, so viewers and magic-byte checks accept them.
 */
import { crc32, deflateSync } from 'node:zlib';
import selfieJpeg from './selfie.jpg';

export const SELFIE_JPEG_BASE64 = Buffer.from(selfieJpeg).toString('base64');
export const SELFIE_PNG_BASE64 = drawSelfiePng().toString('base64');
export const SAMPLE_DOCUMENT_PDF = pdf(['IDCloud emulator \u2014 sample document', 'Not a real identity document.']);

export function evidenceSetPdf(processId: string): Buffer {
  return pdf(['IDCloud emulator \u2014 sample evidence set', `Process ${processId}`, 'Not real evidence.']);
}

/** A head and shoulders on a blue background, with light diagonal "watermark" stripes. */
function drawSelfiePng(): Buffer {
  const size = 64;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const head = (x - 32) ** 2 + (y - 25) ** 2 < 13 ** 2;
      const shoulders = ((x - 32) / 24) ** 2 + ((y - 66) / 22) ** 2 < 1;
      let rgb = head ? [241, 194, 125] : shoulders ? [46, 74, 98] : [91, 143, 185];
      if ((x + y) % 16 < 2) rgb = rgb.map((c) => Math.min(255, c + 40));
      raw.set(rgb, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** A one-page PDF 1.4 with `lines` in Helvetica (WinAnsi: the em dash is \227). */
function pdf(lines: readonly string[]): Buffer {
  const text = lines.map((line, i) => `${i === 0 ? '' : '0 -22 Td '}(${pdfString(line)}) Tj`).join('\n');
  const content = `BT /F1 16 Tf 24 96 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 140] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pdfString(line: string): string {
  return line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/\u2014/g, '\\227').replace(/[^\x20-\x7e\\]/g, '?');
}
