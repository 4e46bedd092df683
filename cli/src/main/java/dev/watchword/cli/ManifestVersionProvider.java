package dev.watchword.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar manifest ({@code Implementation-Version}) at build time. */
final class ManifestVersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = WatchwordCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "watchword " + (version == null ? "(development build, not from a jar)" : version),
      "Java ${java.version} (${java.vendor})"
    };
  }
}
