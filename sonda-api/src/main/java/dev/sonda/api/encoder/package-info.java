/**
 * Encoder specs: the YAML {@code encoder:} block as records.
 */
package dev.sonda.api.encoder;
