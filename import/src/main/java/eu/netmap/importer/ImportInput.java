package eu.netmap.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input to import: the name errors and provenance use, and a way to open it (more than once:
 * some readers look at the start of the file first).
 *
 * @param name the file name as the user knows it
 * @param opener opens a fresh stream on the content
 * @param size the size in bytes, or -1 when unknown (used for progress only)
 */
public record ImportInput(String name, Opener opener, long size) {

  /** Opens the content of an input. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** A file on disk, named as given. */
  public static ImportInput of(Path path) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      size = -1;
    }
    return new ImportInput(path.toString(), () -> Files.newInputStream(path), size);
  }

  /** Content held in memory, for instance an uploaded file. */
  public static ImportInput of(String name, byte[] content) {
    return new ImportInput(name, () -> new ByteArrayInputStream(content), content.length);
  }

  /** Opens the content. */
  public InputStream open() throws IOException {
    return opener.open();
  }

  /** The last part of the name, without folders. */
  public String fileName() {
    String normalized = name.replace('\\', '/');
    return normalized.substring(normalized.lastIndexOf('/') + 1);
  }
}
