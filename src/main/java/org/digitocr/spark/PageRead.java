package org.digitocr.spark;

import java.io.Serializable;
import org.digitocr.pipeline.PageOutcome;

/** A page's outcome with where it sorts, so the tables come out in the local runner's order. */
record PageRead(PageOrder order, PageOutcome outcome) implements Serializable {}
