package org.trialdex.core.validate;

/** How much a {@link Finding} matters to an operator. None of them stops an import. */
public enum Severity {
  /** The record breaks a PRS requirement or states something impossible. */
  ERROR,
  /** The record is suspect: a limit exceeded, a likely contradiction, a value in an odd form. */
  WARNING,
  /** Worth knowing, nothing wrong. */
  INFO
}
