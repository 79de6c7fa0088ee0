/**
 * The Sonda engine: generators, encoders and number formatting.
 */
package dev.sonda.engine;
