/**
 * The brat standoff annotation format (a {@code .txt} document beside its {@code .ann} file), as
 * the LCT corpus and other clinical NLP corpora ship it: {@link org.trialdex.bench.brat.BratReader}
 * reads one document into a {@link org.trialdex.bench.brat.BratDocument} of text-bound entities,
 * events with role arguments, relations, attributes and notes, each checked against the text. It
 * knows nothing of what the annotation types mean; the evaluations that use it do.
 */
package org.trialdex.bench.brat;
