/**
 * Patients from FHIR R4 (issue #10): {@link org.trialdex.ingest.patient.FhirPatients} reads one patient's
 * Bundle into the core {@link org.trialdex.core.eligibility.Patient}, each fact with the resource it came
 * from. HAPI FHIR's R4 model and parser stay inside this package; core never sees them. trialdex's own
 * patient JSON form is read in core ({@link org.trialdex.core.eligibility.PatientJson}), and clinical notes
 * by the eligibility package's note reader.
 */
package org.trialdex.ingest.patient;
