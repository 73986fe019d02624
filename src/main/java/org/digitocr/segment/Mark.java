package org.digitocr.segment;

import org.digitocr.layout.Box;

/** Ink set aside as not a digit, and why. */
public record Mark(Box box, Kind kind) {
  public enum Kind {
    /** A dot or comma: much smaller than the digits around it. */
    DOT,
    /** A dash or underline: flat. */
    DASH,
    /** Printed text of the form: titles, field labels. */
    PRINTED_TEXT,
    /** Too large to be a digit (a drawing, a stamp, remains of a frame), or at the page's edge. */
    OTHER,
    /** Called "not a digit" by a classifier with that eleventh class. */
    NOT_A_DIGIT
  }
}
