package org.digitocr.spark;

import java.io.Serializable;
import org.digitocr.pipeline.PageOutcome;

/**
 * A page's outcome with where its input sorts, so the tables come out in the local runner's order.
 *
 * @param argument index of the INPUT argument the file was found under
 * @param key the file's sort key within its argument
 * @param page 1-based page number within the input
 */
public record PageRead(int argument, String key, int page, PageOutcome outcome)
    implements Serializable {}
