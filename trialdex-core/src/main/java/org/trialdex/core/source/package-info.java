/**
 * Where records come from: {@link org.trialdex.core.source.Provenance} names the source format, file
 * and position of each record, so the store, the history and every explanation can point back to it.
 */
package org.trialdex.core.source;
