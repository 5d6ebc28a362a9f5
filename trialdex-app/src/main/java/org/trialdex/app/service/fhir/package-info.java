/**
 * A study as a FHIR R4 {@code ResearchStudy}: {@link org.trialdex.app.service.fhir.ResearchStudies}
 * maps the stored ClinicalTrials.gov v2 JSON tree to the resource and encodes it as FHIR JSON, for
 * {@code GET /api/v2/studies/{nctId}?format=fhir.json} and {@code trialdex export --format fhir}.
 *
 * <p>It owns the mapping (which v2 field goes to which R4 element, the status, phase and purpose
 * code tables, docs/fhir.md) and nothing else: it reads no store and does not validate (the tests
 * validate every record they map with HAPI's instance validator). It maps what a record holds and
 * leaves out what is absent; nothing is invented to fill a required element.
 */
package org.trialdex.app.service.fhir;
