/**
 * Normalization shared by every reader: the many ways registries write dates
 * ({@link org.trialdex.core.normalize.PartialDate}), ages ({@link org.trialdex.core.normalize.Age}),
 * statuses and other enums ({@link org.trialdex.core.normalize.V2Enums}), phases
 * ({@link org.trialdex.core.normalize.Phases}) and enrollment
 * ({@link org.trialdex.core.normalize.Enrollment}), read into the v2 spellings. Every method returns
 * empty for text it cannot read, never throws on input: the caller knows the field and reports it.
 */
package org.trialdex.core.normalize;
