package org.trialdex.core.validate;

import static org.trialdex.core.validate.Rule.list;
import static org.trialdex.core.validate.Sections.CONTACTS;
import static org.trialdex.core.validate.Sections.DESIGN;
import static org.trialdex.core.validate.Sections.ELIGIBILITY;
import static org.trialdex.core.validate.StudyDates.COMPLETION;
import static org.trialdex.core.validate.StudyDates.FIRST_POST;
import static org.trialdex.core.validate.StudyDates.FIRST_SUBMIT;
import static org.trialdex.core.validate.StudyDates.LAST_UPDATE_SUBMIT;
import static org.trialdex.core.validate.StudyDates.PRIMARY_COMPLETION;
import static org.trialdex.core.validate.StudyDates.RESULTS_FIRST_POST;
import static org.trialdex.core.validate.StudyDates.RESULTS_FIRST_SUBMIT;
import static org.trialdex.core.validate.StudyDates.START;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.trialdex.core.model.GeoPoint;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Status;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.validate.StudyDates.DateField;

/**
 * Values no real study can have: dates that are not dates or fall outside the era of registered
 * trials, milestones in an impossible order, age limits that exclude everyone, negative enrollment,
 * coordinates off the globe. Comparisons of partial dates use
 * {@link StudyDates#certainlyBefore}, so a record is never blamed for its precision.
 */
final class ValueRules {

  private ValueRules() {}

  /** Registered trials begin with the modern controlled trial; none is planned past this century. */
  static final int EARLIEST_PLAUSIBLE_YEAR = 1950;
  static final int LATEST_PLAUSIBLE_YEAR = 2100;

  private static final BigDecimal LAT_MAX = BigDecimal.valueOf(90);
  private static final BigDecimal LON_MAX = BigDecimal.valueOf(180);

  static final List<Rule> ALL = List.of(
      Rule.error("value.date-unreadable", (s, r) -> {
        for (DateField f : StudyDates.all(s.status())) {
          if (f.date().isEmpty()) {
            r.at(f.path(), f.name() + " " + Rule.quote(f.text())
                + " is not a date; v2 writes dates as YYYY, YYYY-MM or YYYY-MM-DD");
          }
        }
      }),
      Rule.warning("value.date-not-v2-spelling", (s, r) -> {
        for (DateField f : StudyDates.all(s.status())) {
          f.date().map(PartialDate::toString).filter(v2 -> !v2.equals(f.text())).ifPresent(v2 ->
              r.at(f.path(), f.name() + " " + Rule.quote(f.text()) + " is a date but not in the v2 spelling "
                  + v2 + "; readers should normalize it"));
        }
      }),
      Rule.warning("value.date-out-of-range", (s, r) -> {
        for (DateField f : StudyDates.all(s.status())) {
          f.date().filter(d -> d.year() < EARLIEST_PLAUSIBLE_YEAR || d.year() > LATEST_PLAUSIBLE_YEAR).ifPresent(d ->
              r.at(f.path(), f.name() + " " + d + " is outside " + EARLIEST_PLAUSIBLE_YEAR + "-"
                  + LATEST_PLAUSIBLE_YEAR + ", the years a registered trial can plausibly have; likely a typo"));
        }
      }),
      order("value.primary-completion-before-start", START, PRIMARY_COMPLETION,
          "a study cannot complete its primary outcome before it starts"),
      order("value.completion-before-start", START, COMPLETION, "a study cannot complete before it starts"),
      Rule.warning("value.primary-completion-after-completion", (s, r) -> {
        // The study completion date is by definition the last examination of the last
        // participant, so it cannot precede the primary completion date.
        Optional<PartialDate> primary = StudyDates.date(s.status(), PRIMARY_COMPLETION);
        Optional<PartialDate> completion = StudyDates.date(s.status(), COMPLETION);
        if (primary.isPresent() && completion.isPresent()
            && StudyDates.certainlyBefore(completion.get(), primary.get())) {
          r.at(Sections.STATUS + "." + COMPLETION + ".date", COMPLETION + ".date " + completion.get()
              + " is before " + PRIMARY_COMPLETION + ".date " + primary.get()
              + "; the study cannot end before its primary completion");
        }
      }),
      order("value.first-posted-before-submitted", FIRST_SUBMIT, FIRST_POST,
          "ClinicalTrials.gov posts a registration only after it is submitted"),
      order("value.last-update-before-first-submitted", FIRST_SUBMIT, LAST_UPDATE_SUBMIT,
          "a record cannot be updated before it is first submitted"),
      order("value.results-submitted-before-registration", FIRST_SUBMIT, RESULTS_FIRST_SUBMIT,
          "results cannot be submitted for a study before it is registered"),
      order("value.results-posted-before-submitted", RESULTS_FIRST_SUBMIT, RESULTS_FIRST_POST,
          "ClinicalTrials.gov posts results only after they are submitted"),
      Rule.warning("value.age-unreadable", (s, r) -> {
        for (String name : List.of("minimumAge", "maximumAge")) {
          String text = name.equals("minimumAge") ? s.eligibility().minimumAge() : s.eligibility().maximumAge();
          if (text != null && !Age.meansNoLimit(text) && Age.parse(text).isEmpty()) {
            r.at(ELIGIBILITY + "." + name, name + " " + Rule.quote(text)
                + " is not an age; v2 writes a number and a unit, such as \"18 Years\"");
          }
        }
      }),
      Rule.error("value.minimum-age-above-maximum", (s, r) -> {
        Optional<Age> min = Age.parse(s.eligibility().minimumAge());
        Optional<Age> max = Age.parse(s.eligibility().maximumAge());
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
          r.at(ELIGIBILITY + ".minimumAge", "minimumAge " + min.get() + " is above maximumAge " + max.get()
              + "; no one could be eligible");
        }
      }),
      Rule.error("value.enrollment-negative", (s, r) -> {
        Integer count = s.design().enrollmentInfo() == null ? null : s.design().enrollmentInfo().count();
        if (count != null && count < 0) {
          r.at(DESIGN + ".enrollmentInfo.count", "enrollmentInfo.count is " + count
              + "; enrollment counts participants and cannot be negative");
        }
      }),
      Rule.warning("value.enrollment-zero-completed", (s, r) -> {
        Integer count = s.design().enrollmentInfo() == null ? null : s.design().enrollmentInfo().count();
        if (count != null && count == 0 && s.status().overallStatus() == Status.COMPLETED) {
          r.at(DESIGN + ".enrollmentInfo.count", "enrollmentInfo.count is 0 while overallStatus is COMPLETED;"
              + " a study that enrolled no one is WITHDRAWN");
        }
      }),
      Rule.error("value.geo-point-out-of-range", (s, r) -> {
        List<Location> locations = list(s.contacts().locations());
        for (int i = 0; i < locations.size(); i++) {
          GeoPoint p = locations.get(i) == null ? null : locations.get(i).geoPoint();
          if (p == null) {
            continue;
          }
          String path = CONTACTS + ".locations[" + i + "].geoPoint";
          if (p.lat() != null && p.lat().abs().compareTo(LAT_MAX) > 0) {
            r.at(path + ".lat", "latitude " + p.lat().toPlainString() + " is outside -90 to 90");
          }
          if (p.lon() != null && p.lon().abs().compareTo(LON_MAX) > 0) {
            r.at(path + ".lon", "longitude " + p.lon().toPlainString() + " is outside -180 to 180");
          }
        }
      }));

  /** A rule that {@code later} is not certainly before {@code earlier}; reports at {@code later}. */
  private static Rule order(String id, String earlier, String later, String why) {
    return Rule.error(id, (s, r) -> {
      Optional<DateField> a = StudyDates.field(s.status(), earlier);
      Optional<DateField> b = StudyDates.field(s.status(), later);
      if (a.isEmpty() || b.isEmpty()) {
        return;
      }
      Optional<PartialDate> first = a.get().date();
      Optional<PartialDate> second = b.get().date();
      if (first.isPresent() && second.isPresent() && StudyDates.certainlyBefore(second.get(), first.get())) {
        r.at(b.get().path(), label(b.get()) + " " + second.get() + " is before " + label(a.get()) + " "
            + first.get() + "; " + why);
      }
    });
  }

  private static String label(DateField f) {
    return f.path().substring(Sections.STATUS.length() + 1);
  }
}
