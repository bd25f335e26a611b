/**
 * Recognises the accepted attachment types from their bytes alone; the client's content type and
 * file name are never trusted (the name only chooses between two text types). Pure, bounded,
 * and total: any byte sequence gives a type or null, never an exception.
 */

/** Random access to the bytes being sniffed; `read` returns fewer bytes past the end. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

export const bufferSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset + length)),
});

export interface FileType {
  readonly mime: string;
  /** Extensions a file of this type may carry; the first is added to a name that has none of them. */
  readonly extensions: readonly string[];
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  // OFD, the Chinese fixed-layout format (GB/T 33190-2016): a zip with OFD.xml at its root.
  ofd: { mime: 'application/ofd', extensions: ['ofd'] },
  doc: { mime: 'application/msword', extensions: ['doc'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'] },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt'] },
  csv: { mime: 'text/csv; charset=utf-8', extensions: ['csv'] },
} as const satisfies Record<string, FileType>;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, at: number): number =>
  at + 2 <= b.length ? (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) : -1;
const u32 = (b: Uint8Array, at: number): number =>
  at + 4 <= b.length
    ? ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0
    : -1;

export function sniff(source: ByteSource, filename = ''): FileType | null {
  if (source.size === 0) return null;
  const head = source.read(0, 16);
  if (startsWith(head, ascii('%PDF-'))) return FILE_TYPES.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpeg;
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return FILE_TYPES.gif;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return FILE_TYPES.webp;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipType(zipEntryNames(source));
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return oleType(oleStreamNames(source));
  if (isUtf8Text(source)) return /\.csv$/i.test(filename) ? FILE_TYPES.csv : FILE_TYPES.txt;
  return null;
}

function zipType(names: readonly string[]): FileType | null {
  if (names.includes('OFD.xml')) return FILE_TYPES.ofd;
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return FILE_TYPES.docx;
  if (names.some((n) => n.startsWith('xl/'))) return FILE_TYPES.xlsx;
  if (names.some((n) => n.startsWith('ppt/'))) return FILE_TYPES.pptx;
  return null;
}

const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

/** Entry names from the zip's central directory (APPNOTE.TXT §4.3.12, §4.3.16). */
function zipEntryNames(source: ByteSource): string[] {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535.
  const tailLength = Math.min(source.size, 22 + 65_535);
  const tail = source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (startsWith(tail, [0x50, 0x4b, 0x05, 0x06], i)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const size = u32(tail, eocd + 12);
  const offset = u32(tail, eocd + 16);
  if (size < 0 || offset < 0 || size > MAX_DIRECTORY_BYTES || offset + size > source.size) return [];
  const dir = source.read(offset, size);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; names.length < MAX_ENTRIES && startsWith(dir, [0x50, 0x4b, 0x01, 0x02], at); ) {
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    if (nameLength < 0 || extraLength < 0 || commentLength < 0) break;
    names.push(decoder.decode(dir.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function oleType(names: readonly string[]): FileType | null {
  if (names.includes('WordDocument')) return FILE_TYPES.doc;
  if (names.includes('Workbook') || names.includes('Book')) return FILE_TYPES.xls;
  return null;
}

const MAX_DIRECTORY_SECTORS = 256;
// Sector ids above this are markers (ENDOFCHAIN, FREESECT, FATSECT, DIFSECT) [MS-CFB] §2.1.
const MAX_REGULAR_SECTOR = 0xfffffffa;

/** Stream names in a compound file's directory ([MS-CFB] §2.2 header, §2.3 FAT, §2.6 directory). */
function oleStreamNames(source: ByteSource): string[] {
  const header = source.read(0, 512);
  const shift = u16(header, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorAt = (sid: number) => (sid + 1) * sectorSize;
  const entriesPerFatSector = sectorSize / 4;
  // The header holds the first 109 FAT sector ids; a directory beyond them is not followed.
  const nextSector = (sid: number): number => {
    const fatIndex = Math.floor(sid / entriesPerFatSector);
    if (fatIndex >= 109) return -1;
    const fatSector = u32(header, 0x4c + fatIndex * 4);
    if (fatSector < 0 || fatSector > MAX_REGULAR_SECTOR) return -1;
    return u32(source.read(sectorAt(fatSector) + (sid % entriesPerFatSector) * 4, 4), 0);
  };
  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  const seen = new Set<number>();
  let sid = u32(header, 0x30);
  while (sid >= 0 && sid <= MAX_REGULAR_SECTOR && !seen.has(sid) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sid);
    const sector = source.read(sectorAt(sid), sectorSize);
    for (let at = 0; at + 128 <= sector.length; at += 128) {
      // The name is UTF-16LE with its terminator counted in the length; at most 32 code units.
      const nameBytes = Math.min(Math.max(u16(sector, at + 64) - 2, 0), 62) & ~1;
      const type = sector[at + 66];
      if (type === 2 && nameBytes > 0) {
        names.push(utf16.decode(sector.subarray(at, at + nameBytes)));
      }
    }
    sid = nextSector(sid);
  }
  return names;
}

const TEXT_CHUNK = 64 * 1024;

/** Valid UTF-8 without NUL or other C0 controls except tab, line feed, form feed and return. */
function isUtf8Text(source: ByteSource): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let offset = 0; offset < source.size; offset += TEXT_CHUNK) {
    const chunk = source.read(offset, TEXT_CHUNK);
    if (chunk.length === 0) return false;
    for (const byte of chunk) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f)
        return false;
    }
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      return false;
    }
  }
  try {
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The name a stored file carries: no directory part, no control characters, at most 200
 * characters, and an extension that matches its sniffed type (one is appended otherwise, so
 * `report.html` holding plain text is saved as `report.html.txt`).
 */
export function safeFilename(given: string, type: FileType): string {
  const base = given.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = [...base]
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\x7f' || '"<>|:*?'.includes(c) ? '_' : c))
    .slice(0, 200)
    .join('')
    .trim();
  const stem = name === '' || name === '.' || name === '..' ? 'file' : name;
  const ext = /\.([^.]+)$/.exec(stem)?.[1]?.toLowerCase();
  return ext && type.extensions.some((e) => e === ext) ? stem : `${stem}.${type.extensions[0]}`;
}
