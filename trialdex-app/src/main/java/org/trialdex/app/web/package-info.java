/**
 * The web portal's pages: home, search, study and history, rendered on the server from typed jte
 * templates ({@code src/main/jte}, precompiled in the build) with HTML escaping by context.
 *
 * <p>{@link org.trialdex.app.web.WebPages} is the front door: each method takes the wiring
 * ({@link org.trialdex.app.Trialdex}) and what a request carries, builds one page record and returns
 * the rendered HTML. This package owns presentation only (which sections a record shows, how a
 * dose is typeset, which link a facet becomes); it does not own HTTP routes, which call it, nor
 * search or storage, which it reaches through the wiring's services. Pages work without JavaScript.
 */
package org.trialdex.app.web;
