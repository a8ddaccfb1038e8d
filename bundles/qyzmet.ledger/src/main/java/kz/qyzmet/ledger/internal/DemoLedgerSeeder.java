package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;

/**
 * In dev and demo mode ({@code QYZMET_MODE=dev} or {@code demo}; rules §4: a demo
 * version to learn the system) the ledger starts with currencies, securities,
 * the broker's and outside accounts, and two sample clients with money and
 * securities. Fixed idempotency keys make it safe on every start; production
 * never seeds.
 */
@Component(immediate = true)
public class DemoLedgerSeeder {
    static final String MODE = "qyzmet.mode";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLedgerSeeder.class);

    @Activate
    public DemoLedgerSeeder(@Reference Ledger ledger, BundleContext context) {
        String mode = context.getProperty(MODE);
        if (!"dev".equals(mode) && !"demo".equals(mode)) {
            return;
        }
        ledger.defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        ledger.defineAsset(new Asset("USD", AssetKind.CURRENCY, 2, "US dollar"));
        ledger.defineAsset(new Asset("EUR", AssetKind.CURRENCY, 2, "Euro"));
        ledger.defineAsset(new Asset("RUB", AssetKind.CURRENCY, 2, "Russian rouble"));
        ledger.defineAsset(new Asset("JPY", AssetKind.CURRENCY, 0, "Japanese yen"));
        ledger.defineAsset(new Asset("US0378331005", AssetKind.SECURITY, 0, "Apple Inc."));
        ledger.defineAsset(new Asset("US48581R2058", AssetKind.SECURITY, 0, "Kaspi.kz ADS"));
        ledger.defineAsset(new Asset("KZ000A0LE0S4", AssetKind.SECURITY, 0, "Halyk Bank"));
        ledger.openAccount("EXT-BANK", AccountType.EXTERNAL, null, "Correspondent bank account");
        ledger.openAccount("EXT-CSD", AccountType.EXTERNAL, null, "Central securities depository");
        ledger.openAccount("BROKER-OWN", AccountType.BROKER, null, "Broker's own account");
        ledger.openAccount("OMNIBUS-CSD", AccountType.OMNIBUS, null, "Omnibus account at the CSD");
        seedClient(ledger, "DEMO-0001", "Demo client Aigerim", "2500000.00", "1500.00", "US0378331005", "25");
        seedClient(ledger, "DEMO-0002", "Demo client Nurlan", "800000.00", "300.00", "US48581R2058", "40");
        LOG.info("{} mode: sample ledger accounts DEMO-0001 and DEMO-0002 are ready", mode);
    }

    private static void seedClient(Ledger ledger, String account, String name, String tenge, String dollars, String isin,
            String quantity) {
        ledger.openAccount(account, AccountType.CLIENT, account, name);
        ledger.postAll(List.of(
                payment("seed-" + account + "-KZT", account, "KZT", tenge),
                payment("seed-" + account + "-USD", account, "USD", dollars),
                new EntryRequest("seed-" + account + "-" + isin, "SECURITIES_IN", "Demo securities", "seed", "demo-seeder",
                        List.of(Posting.of("EXT-CSD", isin, new BigDecimal(quantity).negate()),
                                Posting.of(account, isin, new BigDecimal(quantity))))));
    }

    private static EntryRequest payment(String key, String account, String currency, String amount) {
        return new EntryRequest(key, "PAYMENT_IN", "Demo money", "seed", "demo-seeder",
                List.of(Posting.of("EXT-BANK", currency, new BigDecimal(amount).negate()),
                        Posting.of(account, currency, new BigDecimal(amount))));
    }
}
