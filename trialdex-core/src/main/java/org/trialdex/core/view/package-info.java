/**
 * Null-safe views of a {@link org.trialdex.core.model.Study}: the generated model keeps "absent"
 * as {@code null} so records write back exactly; readers that only want values (validation, the
 * search index, the pages) read through {@link org.trialdex.core.view.StudyModules} instead of
 * checking each level themselves (issue #8).
 */
package org.trialdex.core.view;
