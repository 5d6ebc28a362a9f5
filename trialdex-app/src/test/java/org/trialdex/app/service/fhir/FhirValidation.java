package org.trialdex.app.service.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's R4 instance validator over the base profiles and value sets (no terminology server, no
 * network): the judge of the FHIR trialdex writes, which trialdex's code does not produce. Building
 * one loads the R4 definitions (seconds): tests share it.
 */
public final class FhirValidation {

  private static final class Holder {
    static final FhirValidator VALIDATOR = build();
  }

  private FhirValidation() {}

  private static FhirValidator build() {
    FhirContext ctx = FhirContext.forR4Cached();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    return ctx.newValidator().registerValidatorModule(module);
  }

  /** The ERROR and FATAL messages the validator gives for {@code json}, each with its location. */
  public static List<String> errors(String json) {
    return Holder.VALIDATOR.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(FhirValidation::describe)
        .toList();
  }

  /** Every message (warnings too), for reading what the validator thinks. */
  public static List<String> all(String json) {
    return Holder.VALIDATOR.validateWithResult(json).getMessages().stream().map(FhirValidation::describe).toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
