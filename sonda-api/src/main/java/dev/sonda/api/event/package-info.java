/**
 * The model of {@code signal_type: events}: discrete infrastructure events (deployments,
 * configuration changes, scaling, restarts, alerts) at given points of an entry's timeline.
 */
package dev.sonda.api.event;
