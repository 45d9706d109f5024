package io.github.botconfig.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reaches the root's {@link CliContext}. */
abstract class StoreCommand {
  @Spec CommandSpec spec;

  CliContext context() {
    return (CliContext) spec.root().userObject();
  }

  /**
   * Fails as "table X does not exist at …; create it with …" (exit 3) when the table is missing,
   * for commands whose first request would not say so (one DescribeTable).
   */
  void requireTable() {
    context()
        .graph()
        .client()
        .describeTable(request -> request.tableName(context().options().table()));
  }
}
