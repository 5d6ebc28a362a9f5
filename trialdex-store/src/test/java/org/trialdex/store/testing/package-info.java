/**
 * Test helpers shared through the store's test-jar: {@link org.trialdex.store.testing.TestPostgres}
 * (a throwaway PostgreSQL database per test class) and {@link org.trialdex.store.testing.TestClock}.
 */
package org.trialdex.store.testing;
