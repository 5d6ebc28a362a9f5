/**
 * Fields ClinicalTrials.gov derives, derived for records that came without them (legacy XML,
 * classic fields, registry pages): standard age groups, {@code hasResults}, and the condition and
 * intervention browse modules (MeSH descriptors and their ancestors, from a
 * {@link org.trialdex.core.terms.Vocabulary}). What was derived is listed by path, so every face can
 * say so.
 */
package org.trialdex.core.derive;
