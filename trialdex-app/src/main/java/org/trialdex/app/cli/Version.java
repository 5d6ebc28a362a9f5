package org.trialdex.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development build" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"trialdex " + text()};
  }

  /** This trialdex's version, as {@code --version} prints it after the name. */
  static String text() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
