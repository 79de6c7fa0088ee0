/**
 * Generator specs: the YAML {@code generator:} block as records, one per built-in type, plus a
 * generic spec for plug-ins.
 */
package dev.sonda.api.generator;
