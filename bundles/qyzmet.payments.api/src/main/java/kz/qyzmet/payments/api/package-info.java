/**
 * Payments: the bank gateway SPI ({@link kz.qyzmet.payments.api.BankGateway})
 * that carries a client's withdrawal to the bank as a credit transfer and brings
 * back its status (issue #15).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.payments.api;
