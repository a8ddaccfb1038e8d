/**
 * Trading (issue #17, rules §7.3, §30): {@link kz.qyzmet.trading.api.Instruments}
 * the broker trades, {@link kz.qyzmet.trading.api.Trading} to place, change and
 * cancel a client's orders after the pre-trade checks (money or securities held
 * before anything leaves, §30.1–§30.3), the deals that settle them, and
 * {@link kz.qyzmet.trading.api.OrderListener} for the services that follow them.
 * The SPI side: {@link kz.qyzmet.trading.api.ExchangeGateway} carries orders to
 * an exchange and {@link kz.qyzmet.trading.api.ExecutionReports} takes its
 * answers back; {@link kz.qyzmet.trading.api.MarketData} gives prices.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.trading.api;
