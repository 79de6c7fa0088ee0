/**
 * Not API, not deployed: what the project's integration tests share. {@link
 * dev.sonda.testing.Backends} decides whether a missing backend skips a test (a developer's
 * machine) or fails it ({@code CI=true}); {@link dev.sonda.testing.BackendProcess} runs a real
 * server on loopback and stops it; {@link dev.sonda.testing.Net} finds free ports and polls with a
 * bound.
 */
package dev.sonda.testing;
