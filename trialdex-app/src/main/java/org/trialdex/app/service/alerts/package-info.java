/**
 * Alerts (issue #15): anyone can follow a search or a trial by Atom feed, e-mail (double opt-in,
 * one-click unsubscribe, digests) or a signed webhook.
 *
 * <p>{@link org.trialdex.app.service.alerts.Alerts} is the door: subscribing, confirming, managing,
 * and the "alerts" follower of the store's change log, whose sink matches each change against the
 * active subscriptions (a trial watch by the facts it follows, a search by asking the index) and
 * records one alert per subscription and change in the same transaction as its position. Delivery
 * then sends what is due and marks it sent. The store keeps subscriptions and alerts
 * ({@link org.trialdex.store.Subscriptions}); this package owns what they mean and the words.
 */
package org.trialdex.app.service.alerts;
