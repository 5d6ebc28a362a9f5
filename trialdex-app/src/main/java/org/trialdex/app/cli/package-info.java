/**
 * The command line (picocli): {@code import}, {@code show}, {@code history}, {@code search},
 * {@code related}, {@code link}, {@code export}, {@code stats}, {@code reindex}, {@code serve}.
 * Commands are thin: parse, call the wiring's services, print. Exit codes are listed on
 * {@link org.trialdex.app.cli.TrialdexCommand}; {@link org.trialdex.app.cli.Main} is the jar's
 * {@code main}.
 */
package org.trialdex.app.cli;
