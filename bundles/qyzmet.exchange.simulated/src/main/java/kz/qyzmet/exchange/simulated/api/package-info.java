/**
 * The simulated exchange's own controls (issue #17), for tests, demo and training:
 * other participants' orders, reference prices, the close of the day.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.exchange.simulated.api;
