/**
 * The in-memory adapter: every store port, and a unit of work, for a host that starts without a
 * database (a prototype, a test environment, a single-node tool).
 *
 * <p>What a host should know before it uses them:
 * <ul>
 *   <li><b>Nothing survives a restart.</b> Enrollments, open logins and attempt counters live in this
 *       JVM's heap; after a restart every user enrolls again.</li>
 *   <li><b>A single JVM only.</b> Single use and the attempt budgets are enforced by atomic updates in
 *       this process; two nodes each with their own stores would each grant a code once and each
 *       count their own failures. Several nodes need a shared database (the JDBC adapter).</li>
 *   <li>Every store is thread-safe: each compare-and-set has exactly one winner, as the store
 *       contracts require under 32 threads. {@link io.twofold.mfa.memory.InMemoryUnitOfWork} does
 *       not roll back: work that throws halfway keeps its earlier changes.</li>
 *   <li>Expired transactions, challenges, pending enrollments and idle counters stay in memory
 *       until {@code PurgeExpired} runs: schedule it.</li>
 * </ul>
 */
package io.twofold.mfa.memory;
