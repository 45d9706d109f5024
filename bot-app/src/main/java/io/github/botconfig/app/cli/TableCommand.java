package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code botconfig table …}: the DynamoDB table itself. */
@Command(
    name = "table",
    description = "Create, verify and repair the DynamoDB table.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TableCommand.Create.class,
      TableCommand.Verify.class,
      TableCommand.Backfill.class
    })
final class TableCommand {

  /** How the table is billed. */
  enum Billing {
    PAY_PER_REQUEST,
    PROVISIONED;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  @Command(
      name = "create",
      description = {
        "Create the table as botconfig needs it, unless it exists; wait until it is ACTIVE.",
        "The only command that creates a table (besides the bot's first run on the embedded store):"
            + " every other one refuses a missing table, so a mistyped name is never a new one.",
        "pay-per-request costs nothing while idle; provisioned fits AWS's free tier (25 units in all, the index"
            + " included) with the default 10 + 10."
      },
      mixinStandardHelpOptions = true)
  static final class Create extends StoreCommand implements Callable<Integer> {
    @Option(
        names = "--billing",
        paramLabel = "pay-per-request|provisioned",
        converter = BillingConverter.class,
        description = "Billing mode (default pay-per-request).")
    Billing billing = Billing.PAY_PER_REQUEST;

    @Option(
        names = "--rcu",
        paramLabel = "N",
        description = "Read capacity units, provisioned only (default 10).")
    long rcu = 10;

    @Option(
        names = "--wcu",
        paramLabel = "N",
        description = "Write capacity units, provisioned only (default 10).")
    long wcu = 10;

    @Option(names = "--json", description = "Print the outcome as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
      if (billing == Billing.PAY_PER_REQUEST
          && (spec.commandLine().getParseResult().hasMatchedOption("--rcu")
              || spec.commandLine().getParseResult().hasMatchedOption("--wcu"))) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--rcu and --wcu apply to --billing provisioned only");
      }
      if (rcu < 1 || wcu < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--rcu and --wcu must be at least 1, got " + rcu + " and " + wcu);
      }
      TableProvisioner provisioner = context().graph().provisioner();
      String table = context().options().table();
      boolean created =
          billing == Billing.PAY_PER_REQUEST
              ? provisioner.createIfMissing()
              : provisioner.createIfMissing(rcu, wcu);
      if (json) {
        Output.json(
            context().out(),
            ConfigJson.mapper()
                .createObjectNode()
                .put("table", table)
                .put("created", created)
                .put("billing", billing.toString()));
      } else if (created) {
        context()
            .out()
            .printf(
                "table '%s' created (%s)%n",
                table,
                billing == Billing.PAY_PER_REQUEST
                    ? "pay-per-request"
                    : "provisioned, " + rcu + " RCU, " + wcu + " WCU");
      } else {
        context().out().printf("table '%s' already exists%n", table);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "verify",
      description =
          "Check that the table has the keys, types and index botconfig needs; exit 1 if not.",
      mixinStandardHelpOptions = true)
  static final class Verify extends StoreCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the problems as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
      requireTable();
      List<String> problems = context().graph().provisioner().verify();
      String table = context().options().table();
      if (json) {
        var document = ConfigJson.mapper().createObjectNode().put("table", table);
        problems.forEach(document.putArray("problems")::add);
        Output.json(context().out(), document);
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
      }
      if (problems.isEmpty()) {
        context().out().printf("table '%s' is as botconfig needs it%n", table);
        return ExitCodes.OK;
      }
      context()
          .out()
          .printf(
              "table '%s' has %d problem%s:%n",
              table, problems.size(), problems.size() == 1 ? "" : "s");
      problems.forEach(p -> context().out().println("  - " + p));
      return ExitCodes.FAILURE;
    }
  }

  @Command(
      name = "backfill",
      description =
          "Give the index keys to channel items written without them (the seed's code forgot them).",
      mixinStandardHelpOptions = true)
  static final class Backfill extends StoreCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the outcome as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
      requireTable();
      context()
          .err()
          .printf(
              "table backfill: scanning table '%s' for channel items without index keys, and"
                  + " repairing each…%n",
              context().options().table());
      context().err().flush();
      long started = System.nanoTime();
      // Plain lines on stderr as it goes (a page scanned, a hundred repaired): a terminal and a
      // log read them alike, with no escape codes.
      int repaired =
          context()
              .graph()
              .provisioner()
              .backfill(
                  progress -> {
                    context()
                        .err()
                        .printf(
                            "table backfill: %d page%s scanned (%d items), %d lacking index keys,"
                                + " %d repaired%n",
                            progress.pagesScanned(),
                            progress.pagesScanned() == 1 ? "" : "s",
                            progress.itemsScanned(),
                            progress.lacking(),
                            progress.handled());
                    context().err().flush();
                  });
      context()
          .err()
          .printf("table backfill: done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      if (json) {
        Output.json(
            context().out(),
            ConfigJson.mapper()
                .createObjectNode()
                .put("table", context().options().table())
                .put("repaired", repaired));
      } else {
        context().out().printf("%d channel item%s repaired%n", repaired, repaired == 1 ? "" : "s");
      }
      return ExitCodes.OK;
    }
  }

  static final class BillingConverter implements picocli.CommandLine.ITypeConverter<Billing> {
    @Override
    public Billing convert(String value) {
      for (Billing billing : Billing.values()) {
        if (billing.toString().equalsIgnoreCase(value)) {
          return billing;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "must be pay-per-request or provisioned, got '" + value + "'");
    }
  }
}
