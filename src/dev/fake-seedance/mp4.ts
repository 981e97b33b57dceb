/**
 * A tiny but structurally valid MP4 (ftyp + free + mdat boxes) for the fake server to serve, and a
 * streamed padded variant of any size for upload-limit tests.
 */
import { Readable } from 'node:stream';

function box(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, 'ascii');
  return Buffer.concat([header, payload]);
}

const FTYP = box(
  'ftyp',
  Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')]),
);

export function smallMp4(): Buffer {
  return Buffer.concat([FTYP, box('free', Buffer.from('seedance-fake')), box('mdat', Buffer.alloc(1024, 0))]);
}

/** An MP4 of exactly `bytes` bytes (≥ 64), generated in 64 KiB chunks so it never sits in memory. */
export function paddedMp4Stream(bytes: number): Readable {
  const head = Buffer.concat([FTYP, Buffer.alloc(8)]);
  head.writeUInt32BE(bytes - FTYP.length, FTYP.length);
  head.write('mdat', FTYP.length + 4, 'ascii');
  let left = bytes - head.length;
  let sentHead = false;
  const chunk = Buffer.alloc(64 * 1024, 0);
  return new Readable({
    read() {
      if (!sentHead) {
        sentHead = true;
        this.push(head);
        return;
      }
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}
