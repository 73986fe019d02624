package org.digitocr.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Content hashes that tell whether an input changed between batch runs: XXH64, the whole-file check
 * of rsync and zstd. SHA-256 cost 15 ms for a 2 MB page under {@code scan}'s C1-only JIT (the JDK's
 * SHA instructions are a C2 intrinsic), a tenth of reading the page; XXH64 through lz4-java's
 * native library costs 0.2 ms. Provenance (data and model files) keeps {@link Sha256}.
 */
public final class ContentHash {
  private static final XXHashFactory XXHASH = XXHashFactory.fastestInstance();

  private ContentHash() {}

  /** {@code xxh64:} and 16 hex digits. */
  public static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        StreamingXXHash64 hash = XXHASH.newStreamingHash64(0)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        hash.update(buffer, 0, n);
      }
      return "xxh64:" + HexFormat.of().toHexDigits(hash.getValue());
    }
  }
}
