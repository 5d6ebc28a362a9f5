/**
 * Which records are the same trial. A registry page often shows no NCT id; it is stored under the
 * other registry's id or a content id, and this package says when such a record is an NCT record
 * seen from elsewhere: the registry record lists its id among its own identifiers, or both records
 * have identical brief and official titles ({@link org.trialdex.core.identity.TitleKeys}) and there is
 * exactly one such NCT record.
 *
 * <p>{@link org.trialdex.core.identity.TrialIdentity} holds the rules as functions of values: the
 * store looks up the candidates (stored records with the same brief title key, which of the listed
 * ids are stored) and asks which of them are the same trial; each answer is a
 * {@link org.trialdex.core.identity.SameTrial} that says why. Moving the versions and recording the
 * link is the store's work; how the sources of one trial then merge is {@code core.merge}'s.
 *
 * <p>This package reads and writes nothing and keeps no state.
 */
package org.trialdex.core.identity;
