/**
 * Validation of one {@link org.trialdex.core.model.Study} against the ClinicalTrials.gov PRS data
 * element definitions: a report for operators, never a gate.
 *
 * <p>{@link org.trialdex.core.validate.StudyValidator#validate} returns a
 * {@link org.trialdex.core.validate.ValidationReport}, a list of
 * {@link org.trialdex.core.validate.Finding}s, and never throws on any record, however broken.
 * Imports store every record whatever its report says: real registry records miss required
 * elements, exceed length limits and contradict themselves, and they are still the record of what
 * the registry published. The report tells an operator where a record is weak and why; the store
 * keeps it; search and eligibility work with what is there.
 *
 * <p>Each finding names a stable kebab-case rule id ({@code required.brief-title}), the v2 path of
 * the field ({@code protocolSection.identificationModule.briefTitle}) and a message with the values
 * involved. Rules come in four kinds, each in its own package-private class: elements the PRS
 * requires ({@code required.*}), PRS length limits ({@code length.*}), impossible values
 * ({@code value.*}) and structured fields that contradict each other ({@code consistency.*}).
 * "Today" never enters a rule: time-relative checks compare a record's dates with its own
 * {@code statusVerifiedDate} and {@code lastUpdatePostDateStruct}, so a report is the same on any
 * day.
 *
 * <p>This package does not normalize, repair or store anything; it reads
 * {@link org.trialdex.core.normalize} to interpret dates and ages.
 */
package org.trialdex.core.validate;
