package dev.pharos.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Width and height of local images, read once per file, so pages can reserve their space (no layout shift).
 * Raster formats are read through ImageIO's header readers (no full decode); SVG from its {@code width}/
 * {@code height} or {@code viewBox}.
 */
final class ImageSizes {

    record Size(int width, int height) {
    }

    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("\\b(width|height|viewBox)\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

    private final Map<Path, Optional<Size>> cache = new ConcurrentHashMap<>();

    Optional<Size> of(Path file) {
        return cache.computeIfAbsent(file, ImageSizes::read);
    }

    private static Optional<Size> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                return svg(Files.readString(file));
            }
            try (InputStream in = Files.newInputStream(file); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
                if (stream == null) {
                    return Optional.empty();
                }
                Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
                if (!readers.hasNext()) {
                    return Optional.empty();
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(stream, true, true);
                    return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Size> svg(String text) {
        Matcher tag = SVG_TAG.matcher(text);
        if (!tag.find()) {
            return Optional.empty();
        }
        Matcher attr = ATTR.matcher(tag.group());
        Double width = null;
        Double height = null;
        String viewBox = null;
        while (attr.find()) {
            switch (attr.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "width" -> width = pixels(attr.group(2));
                case "height" -> height = pixels(attr.group(2));
                default -> viewBox = attr.group(2);
            }
        }
        if ((width == null || height == null) && viewBox != null) {
            String[] parts = viewBox.trim().split("[\\s,]+");
            if (parts.length == 4) {
                try {
                    double w = Double.parseDouble(parts[2]);
                    double h = Double.parseDouble(parts[3]);
                    if (width == null && height == null) {
                        width = w;
                        height = h;
                    } else if (width == null) {
                        width = height * w / h;
                    } else {
                        height = width * h / w;
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        if (width == null || height == null || width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Size((int) Math.round(width), (int) Math.round(height)));
    }

    private static Double pixels(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
