/**
 * The eligibility parser measured on the Leaf Clinical Trials (LCT) corpus (issue #10): the
 * corpus's brat annotations are read as gold constraints ({@link org.trialdex.bench.lct.LctGold}
 * says which annotation counts as which constraint), each document is cut into items by the core
 * splitter and parsed, the constraint spans are mapped back to document offsets
 * ({@link org.trialdex.bench.lct.ItemAligner}), and {@link org.trialdex.bench.lct.LctEvaluation}
 * counts matches per constraint type into an {@link org.trialdex.bench.lct.LctReport}.
 */
package org.trialdex.bench.lct;
