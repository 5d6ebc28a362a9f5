package org.trialdex.app.web;

/**
 * No such trial in this store. An HTTP layer answers 404 with {@link #getMessage()}, which names
 * the id and says where to look instead.
 */
public final class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;

  NotFound(String id) {
    super(id + " is not in this store; search for it at /search?query.id=" + id);
    this.id = id;
  }

  /** The id that was asked for, as given. */
  public String id() {
    return id;
  }
}
