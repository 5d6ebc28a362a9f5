/**
 * The application's wiring: {@link org.trialdex.app.Trialdex} opens the store, then the search
 * index that follows the store's change log ({@link org.trialdex.app.SearchIndexing}), and builds
 * the services ({@code org.trialdex.app.service}) once. The faces (the command line in
 * {@code org.trialdex.app.cli}, whose {@code Main} is the one {@code main}; the HTTP API in
 * {@code org.trialdex.app.http}; the portal's pages in {@code org.trialdex.app.web}) get their
 * services from here; this package knows no face.
 */
package org.trialdex.app;
