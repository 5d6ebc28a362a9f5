package org.trialdex.search;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.query.SearchRequests;

/**
 * A small index of hand-written v2 JSON records, searched with HTTP-style parameters parsed as the
 * API, the portal and the command line parse them. For tests that check fields against records
 * whose truth is written beside them.
 */
final class HandIndex implements AutoCloseable {

  private static final StudyJson JSON = StudyJson.standard();

  private final StudyIndex index;
  final SearchService service;

  private HandIndex(StudyIndex index) {
    this.index = index;
    this.service = new SearchService(index);
  }

  /** An index at {@code dir} holding {@code records} (v2 JSON), committed. */
  static HandIndex of(Path dir, String... records) {
    StudyIndex index = StudyIndex.open(dir);
    for (String record : records) {
      var study = JSON.read(record);
      index.upsert(study.protocolSection().identificationModule().nctId(), study);
    }
    index.commit();
    return new HandIndex(index);
  }

  /** The ids found by parameters given as name, value, name, value... */
  Set<String> found(String... params) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put(params[i], List.of(params[i + 1]));
    }
    return service.search(SearchRequests.parse(map)).hits().stream().map(Hit::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The ids found by a {@code filter.advanced} expression. */
  Set<String> advanced(String expression) {
    return found("filter.advanced", expression);
  }

  @Override
  public void close() {
    index.close();
  }
}
