package org.trialdex.app.web;

import java.util.List;

/**
 * The home page: a search box, what the store holds, and ways into common searches.
 *
 * @param studies how many trials (current records)
 * @param byStatus trials per overall status, each linking to its search
 * @param common ready-made searches
 */
public record HomePage(Parts.SearchForm form, long studies, List<Parts.Count> byStatus, List<Parts.Link> common) {
  public HomePage {
    byStatus = List.copyOf(byStatus);
    common = List.copyOf(common);
  }
}
