/**
 * Differences between versions of a study: {@link org.trialdex.core.diff.ModuleDiff} names the v2
 * modules that changed, for the history of a record.
 */
package org.trialdex.core.diff;
