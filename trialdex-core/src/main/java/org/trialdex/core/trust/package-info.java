/**
 * Trust signals (issue #11): facts about a trial record that a reader may want to weigh, each with the
 * record fields that show it, stated neutrally, never as an accusation. {@link
 * org.trialdex.core.trust.TrustSignals#of} computes them for one study at a given date; {@link
 * org.trialdex.core.trust.FdaaaApplicability} says whether a trial is an FDAAA applicable clinical
 * trial as the FDAAA TrialsTracker (EBM DataLab) decides it. The rules, with their sources and what
 * counts when a field is absent, are in {@code docs/celltherapy.md} ("Trust signals").
 *
 * <p>This package owns the rules only. Whether a trial gives a stem-cell or cell product is the
 * caller's input (the cell-therapy extractor decides it); search filters and the API that show the
 * signals live in their own modules.
 */
package org.trialdex.core.trust;
