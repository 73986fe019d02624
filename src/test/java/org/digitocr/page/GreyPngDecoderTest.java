package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class GreyPngDecoderTest {
  private static final int WIDTH = 37;
  private static final int HEIGHT = 23;

  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  /** Noise over a gradient: every filter has carries and wrap-arounds to undo. */
  private static byte[] pixels() {
    Random random = new Random(5);
    byte[] pixels = new byte[WIDTH * HEIGHT];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i % WIDTH * 7 + random.nextInt(40));
    }
    return pixels;
  }

  private static byte[] openCv(byte[] png) {
    Mat image = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_ANYCOLOR);
    assertEquals(CvType.CV_8UC1, image.type());
    return bytes(image);
  }

  private static byte[] bytes(Mat image) {
    byte[] pixels = new byte[(int) image.total()];
    image.get(0, 0, pixels);
    return pixels;
  }

  /** Java's zlib, and libdeflate where the system has it. */
  static Stream<ZlibInflater> inflaters() {
    return Stream.concat(Stream.of(JavaZlib.INSTANCE), Libdeflate.load().stream());
  }

  @Test
  void inflatesWithLibdeflateWhereTheSystemHasIt() {
    boolean installed =
        Stream.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64")
            .anyMatch(dir -> Files.exists(Path.of(dir, "libdeflate.so.0")));
    assertEquals(installed, Libdeflate.load().isPresent());
    assertEquals(installed ? Libdeflate.class : JavaZlib.class, ZlibInflater.fastest().getClass());
  }

  private static byte[] ours(byte[] png) {
    return ours(png, ZlibInflater.fastest());
  }

  private static byte[] ours(byte[] png, ZlibInflater inflater) {
    Optional<Mat> image = GreyPngDecoder.decode(png, inflater);
    assertTrue(image.isPresent(), "decoded here, not left to OpenCV");
    assertEquals(CvType.CV_8UC1, image.get().type());
    assertEquals(HEIGHT, image.get().rows());
    assertEquals(WIDTH, image.get().cols());
    return bytes(image.get());
  }

  @ParameterizedTest
  @MethodSource("inflaters")
  void readsEveryRowFilterAsOpenCvDoes(ZlibInflater inflater) {
    byte[] pixels = pixels();
    for (int first = 0; first < 5; first++) {
      int shift = first;
      byte[] png = new TestPng().rows(pixels, y -> (y + shift) % 5).bytes();
      assertArrayEquals(pixels, openCv(png), "the test's encoder, first filter " + first);
      assertArrayEquals(pixels, ours(png, inflater), "first row's filter " + first);
    }
  }

  @Test
  void readsOpenCvsOwnPngsAndImageDataSplitAcrossChunks() {
    Mat image = new Mat(HEIGHT, WIDTH, CvType.CV_8UC1);
    image.put(0, 0, pixels());
    MatOfByte encoded = new MatOfByte();
    Imgcodecs.imencode(".png", image, encoded);
    assertArrayEquals(pixels(), ours(encoded.toArray()));

    byte[] split = new TestPng().rows(pixels(), y -> y % 5).idatChunkSize(50).bytes();
    inflaters().forEach(inflater -> assertArrayEquals(pixels(), ours(split, inflater)));
  }

  @ParameterizedTest
  @MethodSource("inflaters")
  void ignoresBytesAfterTheImageDataStreamAsOpenCvDoes(ZlibInflater inflater) {
    byte[] png = new TestPng().rows(pixels(), y -> 1).afterStream(new byte[] {1, 2, 3}).bytes();
    assertArrayEquals(pixels(), openCv(png));
    assertArrayEquals(pixels(), ours(png, inflater));
  }

  @Test
  void readsPastChunksThatLeaveTheGreyAlone() {
    byte[] png =
        new TestPng()
            .rows(pixels(), y -> 1)
            .chunk("pHYs", new byte[] {0, 0, 31, 35, 0, 0, 31, 35, 1})
            .chunk("tEXt", "Software\0test".getBytes(StandardCharsets.ISO_8859_1))
            .bytes();
    assertArrayEquals(pixels(), ours(png));
  }

  @ParameterizedTest
  @MethodSource("inflaters")
  void leavesEverythingElseToOpenCv(ZlibInflater inflater) {
    TestPng plain = new TestPng().rows(pixels(), y -> 1);
    assertTrue(GreyPngDecoder.decode(plain.bytes(), inflater).isPresent());

    byte[] colour = new TestPng().colourType(2).rows(pixels(), y -> 0).bytes();
    byte[] sixteenBits = new TestPng().bitDepth(16).rows(pixels(), y -> 0).bytes();
    byte[] interlaced = new TestPng().interlace(1).rows(pixels(), y -> 0).bytes();
    byte[] transparency = new TestPng().rows(pixels(), y -> 1).chunk("tRNS", new byte[2]).bytes();
    byte[] exif = new TestPng().rows(pixels(), y -> 1).chunk("eXIf", new byte[8]).bytes();
    byte[] unknownFilter = new TestPng().rows(pixels(), y -> y == 3 ? 5 : 1).bytes();
    byte[] tooLittleData = new TestPng().rows(Arrays.copyOf(pixels(), WIDTH * 20), y -> 1).bytes();
    byte[] tooMuchData = new TestPng().rows(Arrays.copyOf(pixels(), WIDTH * 24), y -> 1).bytes();
    byte[] presetDictionary =
        new TestPng().rows(pixels(), y -> 1).dictionary(new byte[] {7}).bytes();
    byte[] badChecksum = plain.bytes();
    badChecksum[badChecksum.length - 20] ^= 1;
    byte[] cut = Arrays.copyOf(plain.bytes(), plain.bytes().length - 30);

    for (byte[] png :
        new byte[][] {
          colour,
          sixteenBits,
          interlaced,
          transparency,
          exif,
          unknownFilter,
          tooLittleData,
          tooMuchData,
          presetDictionary,
          badChecksum,
          cut,
          "not a png".getBytes(StandardCharsets.US_ASCII)
        }) {
      assertTrue(GreyPngDecoder.decode(png, inflater).isEmpty());
    }
  }

  /** A PNG written chunk by chunk, each row with the filter the test chooses. */
  private static final class TestPng {
    private int colourType = 0;
    private int bitDepth = 8;
    private int interlace = 0;
    private int idatChunkSize = Integer.MAX_VALUE;
    private byte[] dictionary;
    private byte[] afterStream = new byte[0];
    private byte[] filtered;
    private final ByteArrayOutputStream extra = new ByteArrayOutputStream();

    TestPng colourType(int type) {
      colourType = type;
      return this;
    }

    TestPng bitDepth(int depth) {
      bitDepth = depth;
      return this;
    }

    TestPng interlace(int method) {
      interlace = method;
      return this;
    }

    TestPng idatChunkSize(int size) {
      idatChunkSize = size;
      return this;
    }

    /** Compressed with a preset dictionary, which PNG does not allow. */
    TestPng dictionary(byte[] bytes) {
      dictionary = bytes;
      return this;
    }

    /** Bytes in the image data after the end of its zlib stream. */
    TestPng afterStream(byte[] bytes) {
      afterStream = bytes;
      return this;
    }

    /** Rows of {@link #WIDTH} pixels (as many as given), each filtered as {@code filterOf} says. */
    TestPng rows(byte[] pixels, java.util.function.IntUnaryOperator filterOf) {
      int rows = pixels.length / WIDTH;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int y = 0; y < rows; y++) {
        int filter = filterOf.applyAsInt(y);
        out.write(filter);
        for (int x = 0; x < WIDTH; x++) {
          int left = x == 0 ? 0 : pixels[y * WIDTH + x - 1] & 0xFF;
          int up = y == 0 ? 0 : pixels[(y - 1) * WIDTH + x] & 0xFF;
          int upLeft = x == 0 || y == 0 ? 0 : pixels[(y - 1) * WIDTH + x - 1] & 0xFF;
          int predicted =
              switch (filter) {
                case 1 -> left;
                case 2 -> up;
                case 3 -> (left + up) / 2;
                case 4 -> GreyPngDecoder.paeth(left, up, upLeft); // OpenCV checks it below
                default -> 0;
              };
          out.write((pixels[y * WIDTH + x] & 0xFF) - predicted);
        }
      }
      filtered = out.toByteArray();
      return this;
    }

    TestPng chunk(String type, byte[] data) {
      writeChunk(extra, type, data, 0, data.length);
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      byte[] header = new byte[13];
      putInt(header, 0, WIDTH);
      putInt(header, 4, HEIGHT);
      header[8] = (byte) bitDepth;
      header[9] = (byte) colourType;
      header[12] = (byte) interlace;
      writeChunk(png, "IHDR", header, 0, header.length);
      png.writeBytes(extra.toByteArray());
      Deflater deflater = new Deflater();
      if (dictionary != null) {
        deflater.setDictionary(dictionary);
      }
      deflater.setInput(filtered);
      deflater.finish();
      byte[] compressed = new byte[filtered.length * 2 + 64 + afterStream.length];
      int length = deflater.deflate(compressed);
      deflater.end();
      System.arraycopy(afterStream, 0, compressed, length, afterStream.length);
      length += afterStream.length;
      for (int at = 0; at < length; at += idatChunkSize) {
        writeChunk(png, "IDAT", compressed, at, Math.min(idatChunkSize, length - at));
      }
      writeChunk(png, "IEND", new byte[0], 0, 0);
      return png.toByteArray();
    }

    private static void writeChunk(
        ByteArrayOutputStream out, String type, byte[] data, int from, int length) {
      byte[] chunk = new byte[length + 12];
      putInt(chunk, 0, length);
      System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 4, 4);
      System.arraycopy(data, from, chunk, 8, length);
      CRC32 crc = new CRC32();
      crc.update(chunk, 4, length + 4);
      putInt(chunk, length + 8, (int) crc.getValue());
      out.writeBytes(chunk);
    }

    private static void putInt(byte[] bytes, int at, int value) {
      bytes[at] = (byte) (value >>> 24);
      bytes[at + 1] = (byte) (value >>> 16);
      bytes[at + 2] = (byte) (value >>> 8);
      bytes[at + 3] = (byte) value;
    }
  }
}
