/**
 * The command line (picocli): {@code import}, {@code show}, {@code history}, {@code export},
 * {@code stats}. Commands are thin: parse, call the wiring's services, print. Exit codes are listed
 * on {@link org.trialdex.app.cli.TrialdexCommand}.
 */
package org.trialdex.app.cli;
