package eu.netmap.exchange;

import eu.netmap.system.BadRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file formats netmap writes. */
enum ExportFormat {
  GRAPHML("graphml", "application/graphml+xml", "graphml"),
  GEXF("gexf", "application/gexf+xml", "gexf"),
  CSV("csv", "application/zip", "zip"),
  JSON("json", "application/json", "json");

  private final String key;
  private final String mediaType;
  private final String extension;

  ExportFormat(String key, String mediaType, String extension) {
    this.key = key;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  String key() {
    return key;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(ExportFormat::key).toList();
  }

  static ExportFormat parse(String key) {
    for (ExportFormat format : values()) {
      if (format.key.equals(key == null ? "" : key.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new BadRequestException("format", "Unknown format '" + key + "'", keys());
  }
}
