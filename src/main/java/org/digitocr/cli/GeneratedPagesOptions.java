package org.digitocr.cli;

import picocli.CommandLine.Option;

/** How synthetic pages are generated: the options of every command that makes them (mixin). */
public final class GeneratedPagesOptions {
  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--dpi",
      defaultValue = "200",
      description = "Resolution of the generated pages (default: ${DEFAULT-VALUE}).")
  int dpi;

  @Option(
      names = "--digits",
      defaultValue = "100",
      description = "About this many digits per page (default: ${DEFAULT-VALUE}).")
  int digits;
}
