/**
 * Sink specs: the YAML {@code sink:} block as records.
 */
package dev.sonda.api.sink;
