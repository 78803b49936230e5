package io.shardstream.devstack;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code .tar.gz} of plain files and folders (the registry distribution), reading the
 * POSIX ustar layout with the PAX and GNU long-name extensions. The JDK has gzip but no tar, and
 * this is too little to justify a compression library.
 *
 * <p>Links and device entries are refused rather than skipped, so an archive this reader does not
 * fully understand fails loudly instead of unpacking incomplete; entries that would land outside
 * the target folder ({@code ../}, absolute paths) are refused too.
 */
final class TarGzExtractor {

    private static final int BLOCK = 512;

    private TarGzExtractor() {
    }

    static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 64 * 1024))) {
            String pendingLongName = null;
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK || isZero(header)) {
                    return; // end-of-archive marker (or a truncated trailer, which carries nothing)
                }
                verifyChecksum(header, archive);
                char type = (char) header[156];
                long size = parseNumber(header, 124, 12);
                switch (type) {
                    case 'x' -> pendingLongName = paxPath(readData(in, size), pendingLongName);
                    case 'L' -> pendingLongName = nulTerminated(readData(in, size));
                    case 'g' -> skip(in, size); // global PAX defaults: nothing this reader uses
                    case '0', '\0', '7', '5' -> {
                        String name = pendingLongName != null ? pendingLongName : ustarName(header);
                        pendingLongName = null;
                        Path destination = inside(root, name, archive);
                        if (type == '5') {
                            Files.createDirectories(destination);
                        } else {
                            Files.createDirectories(destination.getParent());
                            copy(in, size, destination);
                        }
                    }
                    default -> throw new IOException(archive + ": unsupported tar entry type '" + type + "' for "
                            + (pendingLongName != null ? pendingLongName : ustarName(header)));
                }
            }
        }
    }

    private static Path inside(Path root, String name, Path archive) throws IOException {
        Path destination = root.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !destination.startsWith(root)) {
            throw new IOException(archive + ": entry escapes the target folder: " + name);
        }
        return destination;
    }

    private static String ustarName(byte[] header) {
        String name = field(header, 0, 100);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a PAX extended header ("{length} path={value}\n" records). */
    private static String paxPath(byte[] data, String previous) {
        Map<String, String> records = new HashMap<>();
        int position = 0;
        while (position < data.length) {
            int space = indexOf(data, (byte) ' ', position);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(new String(data, position, space - position, StandardCharsets.US_ASCII));
            String record = new String(data, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                records.put(record.substring(0, equals), record.substring(equals + 1));
            }
            position += length;
        }
        return records.getOrDefault("path", previous);
    }

    private static void verifyChecksum(byte[] header, Path archive) throws IOException {
        long expected = parseNumber(header, 148, 8);
        long actual = 0;
        for (int i = 0; i < BLOCK; i++) {
            actual += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (actual != expected) {
            throw new IOException(archive + ": corrupt tar header (checksum mismatch)");
        }
    }

    /** Octal, NUL/space padded; or base-256 when the first byte's high bit is set (GNU, large files). */
    private static long parseNumber(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = field(header, offset, length).trim();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String nulTerminated(byte[] data) {
        int end = indexOf(data, (byte) 0, 0);
        return new String(data, 0, end < 0 ? data.length : end, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        if (size > 1024 * 1024) {
            throw new IOException("tar extension header too large: " + size + " bytes");
        }
        byte[] data = readFully(in, (int) size);
        skipPadding(in, size);
        return data;
    }

    private static void copy(InputStream in, long size, Path destination) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(destination)) {
            long remaining = size;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException("archive ends inside " + destination.getFileName());
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
        skipPadding(in, size);
    }

    private static void skip(InputStream in, long size) throws IOException {
        in.skipNBytes(size);
        skipPadding(in, size);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(padding);
    }

    private static byte[] readFully(InputStream in, int size) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new EOFException("archive ends inside an entry header");
        }
        return data;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
