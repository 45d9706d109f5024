package io.github.botconfig.app.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version the jar's manifest announces (set by the build), or "development" when run from
 * classes.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "botconfig " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
