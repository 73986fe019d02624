package org.digitocr.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
  @TempDir Path dir;

  /** Reference values from xxHash 0.8.1's own XXH64 (libxxhash), seed 0. */
  @Test
  void matchesTheReferenceXxh64() throws IOException {
    assertEquals("xxh64:ef46db3751d8e999", ContentHash.of(file("empty", "")));
    assertEquals("xxh64:3f5fc178a81867e7", ContentHash.of(file("digits", "0123456789")));
  }

  @Test
  void oneChangedByteInALargeFileChangesTheHash() throws IOException {
    byte[] page = new byte[3 << 20];
    new Random(5).nextBytes(page);
    Path file = dir.resolve("page.png");
    Files.write(file, page);
    String before = ContentHash.of(file);
    page[page.length / 2] ^= 1;
    Files.write(file, page);
    assertNotEquals(before, ContentHash.of(file));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }
}
