package org.trialdex.app;

import java.nio.file.Path;
import java.util.List;

class SqliteCliTest extends CliContract {

  @Override
  List<String> newStoreOptions(Path tempDir) {
    return List.of("--data", tempDir.resolve("data").toString());
  }
}
