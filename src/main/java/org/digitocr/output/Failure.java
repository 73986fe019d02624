package org.digitocr.output;

import java.io.Serializable;

/**
 * An input, or one page of it, that could not be read.
 *
 * @param file the input's name as in the CSVs
 * @param page 1-based page number, or 0 when the input as a whole failed
 * @param kind the error kind's name (e.g. {@code TRUNCATED})
 * @param message one line naming the file and the reason
 */
public record Failure(String file, int page, String kind, String message) implements Serializable {}
