package dev.pharos.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/** A growable byte buffer with the few encodings the index files use: LEB128 varints, bytes and UTF-8. */
final class Bytes {

    private byte[] data = new byte[256];
    private int size;

    int size() {
        return size;
    }

    Bytes varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        while (value >= 0x80) {
            put((byte) (value & 0x7F | 0x80));
            value >>>= 7;
        }
        return put((byte) value);
    }

    Bytes put(byte b) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = b;
        return this;
    }

    Bytes put(byte[] bytes) {
        if (size + bytes.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + bytes.length));
        }
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** A UTF-8 string preceded by its length in bytes. */
    Bytes string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        return put(utf8);
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /**
     * Raw DEFLATE at maximum compression (the browser's {@code DecompressionStream('deflate-raw')}). No header,
     * so no time stamp: the same input always gives the same bytes, and a small chunk carries no gzip overhead.
     */
    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[Math.max(64, raw.length + raw.length / 8 + 64)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                n += deflater.deflate(buffer, n, buffer.length - n);
            }
            return Arrays.copyOf(buffer, n);
        } finally {
            deflater.end();
        }
    }
}
