package org.trialdex.core.validate;

import static org.trialdex.core.validate.Sections.STATUS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialdex.core.model.DateStruct;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.PartialDateStruct;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.normalize.PartialDate;

/**
 * The dates of a status module with their v2 paths, and the one comparison rules use: a partial
 * date is certainly before another only when its last possible day is before the other's first, so
 * {@code 2016-03} is not before {@code 2016-03-15} and a record is never blamed for its precision.
 */
final class StudyDates {

  private StudyDates() {}

  /** One date field: its path, its text as written, and its type when the field has one. */
  record DateField(String name, String path, String text, DateType type) {

    Optional<PartialDate> date() {
      return PartialDate.parse(text);
    }
  }

  static final String START = "startDateStruct";
  static final String PRIMARY_COMPLETION = "primaryCompletionDateStruct";
  static final String COMPLETION = "completionDateStruct";
  static final String VERIFIED = "statusVerifiedDate";
  static final String FIRST_SUBMIT = "studyFirstSubmitDate";
  static final String FIRST_POST = "studyFirstPostDateStruct";
  static final String RESULTS_FIRST_SUBMIT = "resultsFirstSubmitDate";
  static final String RESULTS_FIRST_POST = "resultsFirstPostDateStruct";
  static final String LAST_UPDATE_SUBMIT = "lastUpdateSubmitDate";
  static final String LAST_UPDATE_POST = "lastUpdatePostDateStruct";

  /** Every date field the record has (absent ones left out), in v2 order. */
  static List<DateField> all(StatusModule m) {
    List<DateField> out = new ArrayList<>();
    add(out, VERIFIED, m.statusVerifiedDate(), null);
    add(out, START, m.startDateStruct());
    add(out, PRIMARY_COMPLETION, m.primaryCompletionDateStruct());
    add(out, COMPLETION, m.completionDateStruct());
    add(out, FIRST_SUBMIT, m.studyFirstSubmitDate(), null);
    add(out, "studyFirstSubmitQcDate", m.studyFirstSubmitQcDate(), null);
    add(out, FIRST_POST, m.studyFirstPostDateStruct());
    add(out, RESULTS_FIRST_SUBMIT, m.resultsFirstSubmitDate(), null);
    add(out, "resultsFirstSubmitQcDate", m.resultsFirstSubmitQcDate(), null);
    add(out, RESULTS_FIRST_POST, m.resultsFirstPostDateStruct());
    add(out, "dispFirstSubmitDate", m.dispFirstSubmitDate(), null);
    add(out, "dispFirstSubmitQcDate", m.dispFirstSubmitQcDate(), null);
    add(out, "dispFirstPostDateStruct", m.dispFirstPostDateStruct());
    add(out, LAST_UPDATE_SUBMIT, m.lastUpdateSubmitDate(), null);
    add(out, LAST_UPDATE_POST, m.lastUpdatePostDateStruct());
    return out;
  }

  /** The named field, when present. */
  static Optional<DateField> field(StatusModule m, String name) {
    return all(m).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The named field's date, when present and readable. */
  static Optional<PartialDate> date(StatusModule m, String name) {
    return field(m, name).flatMap(DateField::date);
  }

  /** True when {@code a} is certainly before {@code b}, whatever days their precision leaves open. */
  static boolean certainlyBefore(PartialDate a, PartialDate b) {
    return a.latest().isBefore(b.earliest());
  }

  private static void add(List<DateField> out, String name, PartialDateStruct struct) {
    if (struct != null) {
      add(out, name, struct.date(), struct.type(), true);
    }
  }

  private static void add(List<DateField> out, String name, DateStruct struct) {
    if (struct != null) {
      add(out, name, struct.date(), struct.type(), true);
    }
  }

  private static void add(List<DateField> out, String name, String text, DateType type) {
    add(out, name, text, type, false);
  }

  private static void add(List<DateField> out, String name, String text, DateType type, boolean struct) {
    if (text != null) {
      out.add(new DateField(name, STATUS + "." + name + (struct ? ".date" : ""), text, type));
    }
  }
}
