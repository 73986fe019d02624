package org.digitocr.cli;

import org.digitocr.runtime.Natives;
import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar's manifest by Maven. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DigitOcr.class.getPackage().getImplementationVersion();
    return new String[] {
      "digit-ocr " + (version == null ? "(development build)" : version),
      "native memory from " + Natives.memoryAllocator()
    };
  }
}
