package org.trialdex.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.trialdex.search.Schema.FieldDef;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequest.SortKey;

/**
 * Sort orders and page tokens. Every order ends with the record id, so equal keys never make a
 * page boundary ambiguous. A token is the last hit's sort values plus a fingerprint of the search
 * it belongs to and a checksum, base64url-encoded: opaque to clients, rejected when altered or
 * used with another search.
 */
final class Paging {

  private static final byte VERSION = 1;
  private static final byte FLOAT = 'F';
  private static final byte LONG = 'L';
  private static final byte BYTES = 'B';
  private static final byte DOUBLE = 'D';

  private Paging() {}

  /** Sort fields AND {@code sort} accepts, besides {@code @relevance}. */
  static List<String> sortFields() {
    List<String> names = new ArrayList<>(List.of("NCTId"));
    names.addAll(Schema.sortable());
    return names;
  }

  /**
   * The Lucene sort of a request.
   *
   * @throws SearchException naming an unknown sort field and the accepted ones
   */
  static Sort sort(List<SortKey> keys, Optional<SearchRequest.GeoFilter> geo) {
    List<SortField> fields = new ArrayList<>();
    for (SortKey key : keys.isEmpty() ? List.of(new SortKey(SortKey.RELEVANCE, true)) : keys) {
      if (key.field().strip().equalsIgnoreCase(SortKey.RELEVANCE)) {
        fields.add(new SortField(null, SortField.Type.SCORE, !key.descending()));
        continue;
      }
      if (key.field().strip().equalsIgnoreCase(SortKey.DISTANCE)) {
        if (geo.isEmpty()) {
          throw new SearchException("sort=" + SortKey.DISTANCE + " needs a centre: give filter.geo=distance(lat,lon,50mi)"
              + " or near=<place>");
        }
        if (key.descending()) {
          throw new SearchException("sort=" + SortKey.DISTANCE + " sorts nearest first only; drop :desc");
        }
        fields.add(LatLonDocValuesField.newDistanceSort(Schema.GEO, geo.get().latitude(), geo.get().longitude()));
        continue;
      }
      Optional<FieldDef> def = Schema.field(key.field());
      if (def.isPresent() && def.get().name().equals("NCTId")) {
        fields.add(new SortField(Schema.ID, SortField.Type.STRING, key.descending()));
        continue;
      }
      if (def.isEmpty() || !def.get().kind().ranged()) {
        throw new SearchException("Unknown sort field \"" + key.field() + "\"; accepted: " + SortKey.RELEVANCE + ", "
            + String.join(", ", sortFields()));
      }
      SortField field = new SortField(Schema.sortField(def.get().name()), SortField.Type.LONG, key.descending());
      // Studies without the value come last in either direction.
      field.setMissingValue(key.descending() ? Long.MIN_VALUE : Long.MAX_VALUE);
      fields.add(field);
    }
    fields.add(new SortField(Schema.ID, SortField.Type.STRING));
    return new Sort(fields.toArray(SortField[]::new));
  }

  /** Whether the sort needs scores. */
  static boolean scores(Sort sort) {
    for (SortField f : sort.getSort()) {
      if (f.getType() == SortField.Type.SCORE) {
        return true;
      }
    }
    return false;
  }

  /** Identifies a search apart from its page: the same search gives the same fingerprint. */
  static int fingerprint(SearchRequest r) {
    return new SearchRequest(r.queries(), r.advanced(), r.overallStatus(), r.ids(), r.geo(), r.phases(), r.studyTypes(),
        r.aggFilters(), r.sort(), 1, Optional.empty(), false, List.of()).toString().hashCode();
  }

  /** The token after {@code last}. */
  static String token(int fingerprint, FieldDoc last) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeInt(fingerprint);
      out.writeByte(last.fields.length);
      for (Object value : last.fields) {
        switch (value) {
          case Float f -> {
            out.writeByte(FLOAT);
            out.writeFloat(f);
          }
          case Long l -> {
            out.writeByte(LONG);
            out.writeLong(l);
          }
          case Double d -> {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
          }
          case BytesRef b -> {
            out.writeByte(BYTES);
            out.writeShort(b.length);
            out.write(b.bytes, b.offset, b.length);
          }
          default -> throw new IllegalStateException("sort value of type " + value.getClass());
        }
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory", e);
    }
  }

  /**
   * Reads a token for this search and sort, for an index of {@code maxDoc} documents.
   *
   * @throws SearchException when the token is not one this search gave out
   */
  static FieldDoc after(String token, int fingerprint, Sort sort, int maxDoc) {
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(token.strip());
    } catch (IllegalArgumentException e) {
      throw badToken(token, "it is not base64url");
    }
    if (data.length < 10) {
      throw badToken(token, "it is too short");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    int stored = ((data[data.length - 4] & 0xff) << 24) | ((data[data.length - 3] & 0xff) << 16)
        | ((data[data.length - 2] & 0xff) << 8) | (data[data.length - 1] & 0xff);
    if (stored != (int) crc.getValue()) {
      throw badToken(token, "its checksum does not match (was it changed?)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4))) {
      if (in.readByte() != VERSION || in.readInt() != fingerprint) {
        throw badToken(token, "it belongs to another search (query, filters or sort differ)");
      }
      SortField[] fields = sort.getSort();
      int n = in.readByte();
      if (n != fields.length) {
        throw badToken(token, "it belongs to another sort order");
      }
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        byte tag = in.readByte();
        SortField.Type expected = fields[i].getType();
        values[i] = switch (tag) {
          case FLOAT -> expected == SortField.Type.SCORE ? (Object) in.readFloat() : null;
          case LONG -> expected == SortField.Type.LONG ? (Object) in.readLong() : null;
          case DOUBLE -> expected == SortField.Type.CUSTOM ? (Object) in.readDouble() : null;
          case BYTES -> {
            if (expected != SortField.Type.STRING) {
              yield null;
            }
            byte[] b = new byte[in.readUnsignedShort()];
            in.readFully(b);
            yield new BytesRef(b);
          }
          default -> null;
        };
        if (values[i] == null) {
          throw badToken(token, "its value " + (i + 1) + " does not fit the sort order");
        }
      }
      if (in.available() > 0) {
        throw badToken(token, "it has trailing bytes");
      }
      // Ties on every key are the same study (the id is the last key), so the last document number
      // of the index skips it: Lucene passes over ties up to that number.
      return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, values);
    } catch (IOException e) {
      throw badToken(token, "it ends early");
    }
  }

  private static SearchException badToken(String token, String why) {
    String shown = token.length() > 40 ? token.substring(0, 40) + "..." : token;
    return new SearchException("Bad pageToken \"" + shown + "\": " + why
        + "; pass the nextPageToken of the previous page of the same search, unchanged");
  }
}
