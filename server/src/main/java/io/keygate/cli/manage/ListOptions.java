package io.keygate.cli.manage;

import picocli.CommandLine.Option;

/** Paging of list commands: by default every page is fetched. */
public final class ListOptions {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Return at most N items (0 = all, following every page). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
      description = "Items per request, 1-1000; every page is fetched. Default: ${DEFAULT-VALUE}.")
  int pageSize;

  @Option(names = "--page-token", paramLabel = "TOKEN", defaultValue = "",
      description = "Start after an earlier, --limit-ed listing (its next_page_token).")
  String pageToken;
}
