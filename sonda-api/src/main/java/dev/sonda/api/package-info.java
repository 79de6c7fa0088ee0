/**
 * The scenario model (IR) and the fluent DSL that builds it.
 */
package dev.sonda.api;
