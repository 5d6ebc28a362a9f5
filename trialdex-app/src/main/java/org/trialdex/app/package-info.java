/**
 * The application: {@link org.trialdex.app.Main} is the one {@code main}, {@link org.trialdex.app.Trialdex}
 * the one wiring class (store, then services). Commands live in {@code org.trialdex.app.cli}.
 */
package org.trialdex.app;
