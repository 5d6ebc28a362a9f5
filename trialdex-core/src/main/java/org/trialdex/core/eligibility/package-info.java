/**
 * Eligibility criteria as items (issue #10, first part): {@link org.trialdex.core.eligibility.CriteriaSplitter}
 * cuts a record's criteria text into inclusion and exclusion items, in every layout registries use,
 * each item with its span in the text and the lead-ins it sits under. Parsing items into computable
 * constraints builds on these items.
 */
package org.trialdex.core.eligibility;
