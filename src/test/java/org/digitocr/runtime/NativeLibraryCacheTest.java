package org.digitocr.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

class NativeLibraryCacheTest {
  @TempDir Path dir;

  @Test
  void aLibraryIsUnpackedOnceAndReusedUntilItChanges() throws IOException {
    Path library = Files.write(dir.resolve("libthing.so"), new byte[] {1, 2, 3});
    NativeLibraryCache cache = new NativeLibraryCache(dir.resolve("cache"));

    Path first = cache.unpacked(library.toUri().toURL());
    assertEquals("libthing.so", first.getFileName().toString());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(first));
    Files.setLastModifiedTime(first, FileTime.fromMillis(0));
    assertEquals(first, cache.unpacked(library.toUri().toURL()));
    assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(first), "not written again");

    Files.write(first, new byte[] {1});
    assertEquals(first, cache.unpacked(library.toUri().toURL()));
    assertArrayEquals(
        new byte[] {1, 2, 3}, Files.readAllBytes(first), "a cut-off copy is replaced");

    Files.write(library, new byte[] {1, 2, 3, 4});
    Path second = cache.unpacked(library.toUri().toURL());
    assertNotEquals(first, second);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(second));
    try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
      assertTrue(files.noneMatch(file -> file.toString().endsWith(".partial")));
    }
  }

  @Test
  void openCvIsLoadedFromTheUserCacheOnLinux() throws IOException {
    assumeTrue(System.getProperty("os.name").equals("Linux"), "other systems unpack it each time");
    Natives.loadOpenCv();
    assertTrue(Core.getVersionString().startsWith("4.9.0"), Core.getVersionString());
    String library = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
    try (Stream<Path> files = Files.walk(NativeLibraryCache.inUserCache().folder())) {
      assertTrue(files.anyMatch(file -> file.getFileName().toString().equals(library)));
    }
  }
}
