package io.github.botconfig.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reaches the root's {@link CliContext}. */
abstract class StoreCommand {
  @Spec CommandSpec spec;

  CliContext context() {
    return (CliContext) spec.root().userObject();
  }
}
