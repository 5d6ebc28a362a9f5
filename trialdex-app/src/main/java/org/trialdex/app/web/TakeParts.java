package org.trialdex.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.geo.Gazetteer;
import org.trialdex.core.geo.Geocode;
import org.trialdex.core.model.Contact;
import org.trialdex.core.model.ContactsLocationsModule;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.EligibilityModule;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Status;

/**
 * The "Can I take part?" box at the top of a record page (issue #15): the status and phases with
 * what they mean, who can join, the nearest sites (or the first few) and whom to contact.
 */
final class TakeParts {

  /** How many sites the box shows. */
  static final int PLACES = 3;
  private static final Set<Status> OPEN = Set.of(Status.RECRUITING, Status.NOT_YET_RECRUITING,
      Status.ENROLLING_BY_INVITATION, Status.AVAILABLE);
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private TakeParts() {}

  static StudyPage.TakePart box(StatusModule st, DesignModule design, EligibilityModule e, ContactsLocationsModule cl,
      List<StudyPage.Site> sites, String near, boolean hasCriteria, SponsorCollaboratorsModule sp) {
    Status status = st.overallStatus();
    List<String> phases = design == null ? List.of() : PlainWords.phases(design.phases());
    String ages = e == null ? "The record does not say which ages can join" : PlainWords.ages(e.minimumAge(), e.maximumAge());
    Optional<String> sex = e == null || e.sex() == null ? Optional.empty() : Optional.of(PlainWords.sex(e.sex()));
    String healthy = e == null || e.healthyVolunteers() == null ? "The record does not say whether healthy volunteers can join"
        : e.healthyVolunteers() ? "Healthy volunteers can join"
        : "Only people with the condition studied can join (no healthy volunteers)";
    List<Location> locations = cl.locations() == null ? List.of() : cl.locations();
    List<StudyPage.Site> places;
    String note;
    Optional<Geocode> centre = near.isBlank() ? Optional.empty() : Gazetteer.standard().resolve(near);
    if (sites.isEmpty()) {
      places = List.of();
      note = "The record lists no sites.";
    } else if (centre.isPresent()) {
      List<StudyPage.Site> placed = new ArrayList<>();
      List<Double> km = new ArrayList<>();
      for (int i = 0; i < sites.size() && i < locations.size(); i++) {
        Optional<Double> d = distanceKm(centre.get(), locations.get(i));
        if (d.isPresent()) {
          StudyPage.Site s = sites.get(i);
          placed.add(new StudyPage.Site(s.facility(), s.place(), s.status(), s.contacts(),
              Optional.of(String.format(Locale.ROOT, "about %,.0f km from %s", d.get(), centre.get().place()))));
          km.add(d.get());
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < placed.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble(km::get));
      places = order.stream().limit(PLACES).map(placed::get).toList();
      note = places.isEmpty() ? "None of the " + count(sites.size()) + " could be placed on the map; the first are:"
          : "Nearest to " + centre.get().place() + ", of " + count(sites.size()) + ":";
      if (places.isEmpty()) {
        places = sites.stream().limit(PLACES).toList();
      }
    } else {
      places = sites.stream().limit(PLACES).toList();
      String asked = near.length() > 80 ? near.substring(0, 80) + "\u2026" : near;
      note = (near.isBlank() ? "" : "We could not find the place \u201c" + asked + "\u201d; ")
          + (sites.size() <= PLACES ? (sites.size() == 1 ? "The one site:" : "All " + sites.size() + " sites:")
              : "The first " + PLACES + " of " + count(sites.size()) + ":");
      note = Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }
    List<StudyPage.Reach> contacts = cl.centralContacts() == null ? List.of()
        : cl.centralContacts().stream().map(TakeParts::reach).toList();
    Optional<String> contactNote = Optional.empty();
    if (contacts.isEmpty()) {
      boolean siteContacts = locations.stream().anyMatch(l -> l.contacts() != null && !l.contacts().isEmpty());
      String sponsor = sp.leadSponsor() == null || sp.leadSponsor().name() == null ? null : sp.leadSponsor().name();
      contactNote = Optional.of(siteContacts ? "The record names no central contact; each site's contacts are listed under Contacts and locations."
          : sponsor != null ? "The record names no contact; ask the sponsor, " + sponsor + ", or your doctor."
          : "The record names no contact; ask your doctor.");
    }
    return new StudyPage.TakePart(status == null ? Optional.empty() : Optional.of(PlainWords.status(status)),
        status != null && OPEN.contains(status),
        Optional.ofNullable(st.whyStopped()).filter(w -> !w.isBlank()),
        phases, ages, sex, healthy, places, note, contacts, contactNote, hasCriteria);
  }

  private static String count(int sites) {
    return sites == 1 ? "1 site" : String.format(Locale.ROOT, "%,d sites", sites);
  }

  private static StudyPage.Reach reach(Contact c) {
    Optional<Parts.Link> phone = Optional.ofNullable(c.phone()).filter(p -> !p.isBlank()).map(p -> new Parts.Link(
        p + (c.phoneExt() == null ? "" : " ext. " + c.phoneExt()), "tel:" + p.replaceAll("[^0-9+]", "")));
    Optional<Parts.Link> email = Optional.ofNullable(c.email()).filter(m -> m.contains("@") && !m.isBlank())
        .map(m -> new Parts.Link(m.strip(), "mailto:" + URLEncoder.encode(m.strip(), StandardCharsets.UTF_8).replace("%40", "@")));
    return new StudyPage.Reach(c.name() == null || c.name().isBlank() ? "Contact" : c.name(),
        Optional.ofNullable(c.role()).map(Labels::of), phone, email);
  }

  private static Optional<Double> distanceKm(Geocode centre, Location l) {
    double lat;
    double lon;
    if (l.geoPoint() != null && l.geoPoint().lat() != null && l.geoPoint().lon() != null) {
      lat = l.geoPoint().lat().doubleValue();
      lon = l.geoPoint().lon().doubleValue();
    } else {
      Optional<Geocode> g = Gazetteer.standard().locate(l.city(), l.state(), l.country());
      if (g.isEmpty()) {
        return Optional.empty();
      }
      lat = g.get().latitude();
      lon = g.get().longitude();
    }
    // Haversine: the great-circle distance, enough to order sites and say "about 40 km".
    double dLat = Math.toRadians(lat - centre.latitude());
    double dLon = Math.toRadians(lon - centre.longitude());
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(centre.latitude()))
        * Math.cos(Math.toRadians(lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return Optional.of(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a))));
  }
}
